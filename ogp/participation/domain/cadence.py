"""Standard 1.1 minimum requirement: the forum "meets at least every six months".

Rule as implemented (documented in ``docs/participation.md``):

- Only meetings that have taken place count: a meeting dated on or before ``today`` and not
  cancelled (the caller filters cancelled meetings out). Meetings dated after ``today`` are
  *scheduled* and are reported separately; they never satisfy the rule in advance.
- The next meeting is due six calendar months after the anchor, on the same day of the month,
  clamped to the month's end (Aug 31 + 6 months = Feb 28, or Feb 29 in a leap year). The
  deadline day itself is still on time.
- The anchor is the most recent meeting held. A forum that has not met yet is anchored on its
  establishment date, so a new forum has six months for its first meeting.
- ``DUE_SOON``: the deadline is ``due_soon_days`` days away or fewer (default 30), including
  the deadline day itself. ``MISSED``: ``today`` is after the deadline. ``MET``: the forum met
  and the deadline is further away than ``due_soon_days``. ``AWAITING_FIRST``: no meeting yet,
  but the first one is not due soon.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_months

REQUIRED_INTERVAL_MONTHS = 6
DEFAULT_DUE_SOON_DAYS = 30


class CadenceStatus(enum.StrEnum):
    MET = "met"
    DUE_SOON = "due_soon"
    MISSED = "missed"
    AWAITING_FIRST = "awaiting_first"


@dataclass(frozen=True)
class Gap:
    """A stretch in which the forum went longer than six months without meeting."""

    after: date  # the meeting (or establishment date) the gap starts from
    deadline: date  # when the next meeting was due
    next_meeting: date | None  # when it finally met (None: still has not)


@dataclass(frozen=True)
class CadenceResult:
    status: CadenceStatus
    last_meeting: date | None
    deadline: date
    days_remaining: int  # negative once missed
    next_scheduled: date | None
    scheduled_before_deadline: bool
    gaps: tuple[Gap, ...]

    @property
    def is_compliant(self) -> bool:
        return self.status is not CadenceStatus.MISSED


def next_deadline(anchor: date) -> date:
    return add_months(anchor, REQUIRED_INTERVAL_MONTHS)


def forum_cadence(
    *,
    established_on: date,
    meeting_dates: Iterable[date],
    today: date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> CadenceResult:
    """Compute the six-month rule for a forum on ``today``."""
    if due_soon_days < 0:
        raise ValueError("due_soon_days must not be negative")
    dates = sorted(set(meeting_dates))
    held = [d for d in dates if d <= today]
    scheduled = [d for d in dates if d > today]
    last = held[-1] if held else None
    anchor = max(last, established_on) if last else established_on
    deadline = next_deadline(anchor)
    remaining = (deadline - today).days
    next_scheduled = scheduled[0] if scheduled else None
    if remaining < 0:
        status = CadenceStatus.MISSED
    elif remaining <= due_soon_days:
        status = CadenceStatus.DUE_SOON
    elif last is None:
        status = CadenceStatus.AWAITING_FIRST
    else:
        status = CadenceStatus.MET
    return CadenceResult(
        status=status,
        last_meeting=last,
        deadline=deadline,
        days_remaining=remaining,
        next_scheduled=next_scheduled,
        scheduled_before_deadline=next_scheduled is not None and next_scheduled <= deadline,
        gaps=meeting_gaps(established_on=established_on, held=held, today=today),
    )


def meeting_gaps(*, established_on: date, held: Iterable[date], today: date) -> tuple[Gap, ...]:
    """Every interval (establishment included) that exceeded six months, oldest first."""
    points = sorted({d for d in held if established_on <= d <= today})
    anchors = [established_on, *points]
    gaps: list[Gap] = []
    for index, anchor in enumerate(anchors):
        deadline = next_deadline(anchor)
        following = anchors[index + 1] if index + 1 < len(anchors) else None
        if following is None:
            if today > deadline:
                gaps.append(Gap(after=anchor, deadline=deadline, next_meeting=None))
        elif following > deadline:
            gaps.append(Gap(after=anchor, deadline=deadline, next_meeting=following))
    return tuple(gaps)


def due_soon_window(deadline: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> date:
    """First day on which a forum with this deadline shows as due soon."""
    return deadline - timedelta(days=due_soon_days)
