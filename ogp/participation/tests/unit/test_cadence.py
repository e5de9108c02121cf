from datetime import date

import pytest

from ogp.participation.domain.cadence import (
    CadenceStatus,
    Gap,
    due_soon_window,
    forum_cadence,
    meeting_gaps,
    next_deadline,
)
from ogp.participation.domain.dates import add_months

EST = date(2024, 1, 10)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2025, 8, 30), 6, date(2026, 2, 28)),
        (date(2025, 8, 28), 6, date(2026, 2, 28)),
        (date(2025, 8, 27), 6, date(2026, 2, 27)),
        (date(2025, 12, 31), 6, date(2026, 6, 30)),
        (date(2025, 7, 31), 6, date(2026, 1, 31)),
        (date(2025, 3, 31), 6, date(2025, 9, 30)),
        (date(2025, 2, 28), 6, date(2025, 8, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 1, 15), 0, date(2025, 1, 15)),
        (date(2025, 1, 31), -1, date(2024, 12, 31)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(start, months) == expected


def test_deadline_is_six_months_after_last_meeting():
    assert next_deadline(date(2025, 8, 31)) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("today", "status", "remaining"),
    [
        (date(2026, 1, 28), CadenceStatus.MET, 31),  # just above the due-soon window
        (date(2026, 1, 29), CadenceStatus.DUE_SOON, 30),  # at the window
        (date(2026, 1, 30), CadenceStatus.DUE_SOON, 29),  # inside
        (date(2026, 2, 27), CadenceStatus.DUE_SOON, 1),
        (date(2026, 2, 28), CadenceStatus.DUE_SOON, 0),  # deadline day is still on time
        (date(2026, 3, 1), CadenceStatus.MISSED, -1),  # the day after
        (date(2027, 1, 1), CadenceStatus.MISSED, -307),
    ],
)
def test_month_end_meeting_boundaries(today, status, remaining):
    result = forum_cadence(
        established_on=date(2025, 1, 1), meeting_dates=[date(2025, 8, 31)], today=today
    )
    assert result.status is status
    assert result.deadline == date(2026, 2, 28)
    assert result.days_remaining == remaining
    assert result.last_meeting == date(2025, 8, 31)
    assert result.is_compliant is (status is not CadenceStatus.MISSED)


def test_met_on_the_day_of_the_meeting():
    result = forum_cadence(
        established_on=EST, meeting_dates=[date(2025, 5, 5)], today=date(2025, 5, 5)
    )
    assert result.status is CadenceStatus.MET
    assert result.deadline == date(2025, 11, 5)


def test_latest_meeting_is_the_anchor_regardless_of_input_order():
    result = forum_cadence(
        established_on=EST,
        meeting_dates=[date(2025, 5, 1), date(2024, 3, 1), date(2025, 5, 1)],
        today=date(2025, 6, 1),
    )
    assert result.last_meeting == date(2025, 5, 1)
    assert result.status is CadenceStatus.MET


def test_future_meetings_do_not_count_but_are_reported():
    result = forum_cadence(
        established_on=EST,
        meeting_dates=[date(2024, 2, 1), date(2024, 9, 1)],
        today=date(2024, 8, 15),
    )
    assert result.last_meeting == date(2024, 2, 1)
    assert result.deadline == date(2024, 8, 1)
    assert result.status is CadenceStatus.MISSED
    assert result.next_scheduled == date(2024, 9, 1)
    assert result.scheduled_before_deadline is False


def test_scheduled_before_deadline_flag():
    result = forum_cadence(
        established_on=EST,
        meeting_dates=[date(2024, 2, 1), date(2024, 7, 20)],
        today=date(2024, 7, 10),
    )
    assert result.status is CadenceStatus.DUE_SOON
    assert result.next_scheduled == date(2024, 7, 20)
    assert result.scheduled_before_deadline is True


def test_scheduled_on_deadline_day_counts_as_before():
    result = forum_cadence(
        established_on=EST,
        meeting_dates=[date(2024, 2, 1), date(2024, 8, 1)],
        today=date(2024, 7, 10),
    )
    assert result.scheduled_before_deadline is True


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2024, 1, 10), CadenceStatus.AWAITING_FIRST),  # established today
        (date(2024, 6, 9), CadenceStatus.AWAITING_FIRST),  # 31 days left
        (date(2024, 6, 10), CadenceStatus.DUE_SOON),  # 30 days left
        (date(2024, 7, 10), CadenceStatus.DUE_SOON),  # deadline day
        (date(2024, 7, 11), CadenceStatus.MISSED),
    ],
)
def test_no_meeting_yet_counts_from_establishment(today, status):
    result = forum_cadence(established_on=EST, meeting_dates=[], today=today)
    assert result.status is status
    assert result.last_meeting is None
    assert result.deadline == date(2024, 7, 10)


def test_meeting_before_establishment_does_not_move_anchor_back():
    result = forum_cadence(
        established_on=date(2024, 6, 1), meeting_dates=[date(2024, 1, 1)], today=date(2024, 7, 1)
    )
    assert result.deadline == date(2024, 12, 1)
    assert result.status is CadenceStatus.MET


@pytest.mark.parametrize(
    ("days", "today", "status"),
    [
        (0, date(2026, 2, 27), CadenceStatus.MET),
        (0, date(2026, 2, 28), CadenceStatus.DUE_SOON),
        (60, date(2025, 12, 30), CadenceStatus.DUE_SOON),
        (60, date(2025, 12, 29), CadenceStatus.MET),
    ],
)
def test_due_soon_is_a_parameter(days, today, status):
    result = forum_cadence(
        established_on=EST, meeting_dates=[date(2025, 8, 31)], today=today, due_soon_days=days
    )
    assert result.status is status


def test_negative_due_soon_is_refused():
    with pytest.raises(ValueError):
        forum_cadence(established_on=EST, meeting_dates=[], today=EST, due_soon_days=-1)


def test_due_soon_window_start():
    assert due_soon_window(date(2026, 2, 28)) == date(2026, 1, 29)


def test_gaps_lists_every_late_interval():
    gaps = meeting_gaps(
        established_on=date(2024, 1, 1),
        held=[date(2024, 7, 1), date(2025, 1, 2), date(2025, 3, 1)],
        today=date(2025, 10, 1),
    )
    assert gaps == (
        Gap(after=date(2024, 7, 1), deadline=date(2025, 1, 1), next_meeting=date(2025, 1, 2)),
        Gap(after=date(2025, 3, 1), deadline=date(2025, 9, 1), next_meeting=None),
    )


def test_meeting_on_deadline_day_is_not_a_gap():
    assert (
        meeting_gaps(
            established_on=date(2024, 1, 1), held=[date(2024, 7, 1)], today=date(2024, 7, 1)
        )
        == ()
    )


def test_result_carries_gaps():
    result = forum_cadence(
        established_on=date(2024, 1, 1), meeting_dates=[], today=date(2024, 8, 1)
    )
    assert result.gaps == (
        Gap(after=date(2024, 1, 1), deadline=date(2024, 7, 1), next_meeting=None),
    )
