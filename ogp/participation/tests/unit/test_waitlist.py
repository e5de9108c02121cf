from datetime import datetime, timedelta

import pytest

from ogp.participation.domain.waitlist import (
    RegistrationState,
    Seat,
    free_seats,
    promotions,
    state_for_new_registration,
    waiting_order,
    waiting_position,
)

C, W, X = RegistrationState.CONFIRMED, RegistrationState.WAITING, RegistrationState.CANCELLED
T0 = datetime(2026, 3, 1, 9, 0)


def seat(key, minutes, state):
    return Seat(key=key, registered_at=T0 + timedelta(minutes=minutes), state=state)


@pytest.mark.parametrize(
    ("capacity", "confirmed", "state"),
    [
        (3, 0, C),
        (3, 2, C),  # last seat
        (3, 3, W),  # full
        (3, 4, W),  # over capacity after staff lowered it
        (0, 0, W),
        (None, 1000, C),
    ],
)
def test_new_registration_state(capacity, confirmed, state):
    assert state_for_new_registration(capacity, confirmed) is state


def test_negative_capacity_refused():
    with pytest.raises(ValueError):
        state_for_new_registration(-1, 0)


@pytest.mark.parametrize(
    ("capacity", "confirmed", "left"), [(3, 1, 2), (3, 3, 0), (3, 5, 0), (None, 7, None)]
)
def test_free_seats(capacity, confirmed, left):
    assert free_seats(capacity, confirmed) == left


def test_no_promotion_while_full():
    seats = [seat("a", 0, C), seat("b", 1, C), seat("c", 2, W)]
    assert promotions(2, seats) == ()


def test_cancellation_promotes_first_registered_waiting_person():
    seats = [seat("a", 0, X), seat("b", 1, C), seat("late", 9, W), seat("early", 5, W)]
    assert promotions(2, seats) == ("early",)


def test_capacity_increase_promotes_several_in_order():
    seats = [seat("a", 0, C), seat("w3", 30, W), seat("w1", 10, W), seat("w2", 20, W)]
    assert promotions(3, seats) == ("w1", "w2")
    assert promotions(None, seats) == ("w1", "w2", "w3")


def test_tie_on_time_is_broken_by_key():
    seats = [seat("b", 1, W), seat("a", 1, W)]
    assert promotions(1, seats) == ("a",)


def test_over_capacity_promotes_nobody():
    seats = [seat("a", 0, C), seat("b", 1, C), seat("c", 2, W)]
    assert promotions(1, seats) == ()


def test_waiting_positions():
    seats = [seat("a", 0, C), seat("w2", 20, W), seat("w1", 10, W), seat("x", 5, X)]
    assert [s.key for s in waiting_order(seats)] == ["w1", "w2"]
    assert waiting_position(seats, "w1") == 1
    assert waiting_position(seats, "w2") == 2
    assert waiting_position(seats, "a") is None
    assert waiting_position(seats, "x") is None
