"""Event capacity and waiting list.

- A new registration is confirmed while confirmed registrations are below capacity, otherwise it
  joins the waiting list. ``capacity=None`` means unlimited.
- When seats free up (a cancellation, or staff raising the capacity), waiting registrations are
  promoted strictly in order of registration (``registered_at``, then ``key`` to break ties).
- Lowering the capacity below the number already confirmed never removes anyone: the event is
  simply over capacity until cancellations bring it back under.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


class RegistrationState(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Seat:
    key: Hashable
    registered_at: datetime
    state: RegistrationState


def free_seats(capacity: int | None, confirmed: int) -> int | None:
    """Seats left (``None`` when unlimited); never negative."""
    if capacity is None:
        return None
    return max(0, capacity - confirmed)


def state_for_new_registration(capacity: int | None, confirmed: int) -> RegistrationState:
    if capacity is not None and capacity < 0:
        raise ValueError("capacity must not be negative")
    left = free_seats(capacity, confirmed)
    if left is None or left > 0:
        return RegistrationState.CONFIRMED
    return RegistrationState.WAITING


def _order(seat: Seat) -> tuple[datetime, str]:
    return (seat.registered_at, str(seat.key))


def waiting_order(seats: Iterable[Seat]) -> tuple[Seat, ...]:
    return tuple(sorted((s for s in seats if s.state is RegistrationState.WAITING), key=_order))


def promotions(capacity: int | None, seats: Iterable[Seat]) -> tuple[Hashable, ...]:
    """Keys of waiting registrations to confirm now, in order of registration."""
    seats = tuple(seats)
    confirmed = sum(1 for s in seats if s.state is RegistrationState.CONFIRMED)
    queue = waiting_order(seats)
    left = free_seats(capacity, confirmed)
    if left is None:
        return tuple(s.key for s in queue)
    return tuple(s.key for s in queue[:left])


def waiting_position(seats: Iterable[Seat], key: Hashable) -> int | None:
    """1-based position of ``key`` on the waiting list, ``None`` when it is not waiting."""
    for position, seat in enumerate(waiting_order(seats), start=1):
        if seat.key == key:
            return position
    return None
