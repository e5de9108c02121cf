"""Due dates and lateness of an action plan under each rule version (see rulesets.py).

Facts (``ogp-process.md`` 4.1 and 4.6, ``cocreation-and-monitoring.md`` 1):

* legacy calendar (``cohort``): due on a fixed day of the cohort year (31 August; 30 June in
  2015); up to ``grace_months`` late (before 1 January) keeps the end date if the plan still gets
  ``min_implementation_months`` of implementation; later it moves to the next cohort and counts
  as acting contrary to process;
* 2022 rules (``after_previous``): contrary to process when no plan is published within
  ``contrary_after_months`` (12) months after the end of the last plan; the plan is expected at
  the first delivery window on or after that end (windows unverified, kept as data);
* a first plan is due on ``first_plan_due`` of the year after the letter of intent arrived
  (historic rule, ``ogp-process.md`` 3.1).

A plan published on its due date is on time; one published on the last day of the grace period
(or of the 12 months) is late but not contrary to process.
"""

from __future__ import annotations

import calendar as _calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta

from .rulesets import DeliveryKind, DeliveryRule, MonthDay


def add_months(start: date, months: int) -> date:
    """``start`` moved by ``months`` calendar months, clamped to the month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))


def on_day(year: int, month_day: MonthDay) -> date:
    """``month_day`` in ``year``; 29 February in a common year falls back to the 28th."""
    last = _calendar.monthrange(year, month_day.month)[1]
    return date(year, month_day.month, min(month_day.day, last))


def whole_months_between(start: date, end: date) -> int:
    """Complete calendar months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -whole_months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


class DueBasis(enum.StrEnum):
    COHORT = "cohort"
    PREVIOUS_PLAN = "previous_plan"
    FIRST_PLAN = "first_plan"


@dataclass(frozen=True)
class DueDates:
    basis: DueBasis
    due: date
    # Last day on which a late plan is still not contrary to process (None: no such limit).
    late_until: date | None


class DueDatesError(ValueError):
    """The facts needed for this rule version are missing; the message names them."""


def plan_due_dates(
    rule: DeliveryRule,
    *,
    cohort_year: int | None = None,
    previous_plan_end: date | None = None,
    letter_received: date | None = None,
) -> DueDates:
    """When the plan is due, and until when lateness is tolerated, under ``rule``.

    A first plan (``letter_received`` given and no previous plan) follows ``first_plan_due``
    when the rule version has one.
    """
    if previous_plan_end is None and letter_received is not None and rule.first_plan_due:
        due = on_day(letter_received.year + 1, rule.first_plan_due)
        late_until = (
            add_months(due, rule.grace_months) if rule.kind is DeliveryKind.COHORT else None
        )
        return DueDates(DueBasis.FIRST_PLAN, due, late_until)
    if rule.kind is DeliveryKind.COHORT:
        if cohort_year is None:
            raise DueDatesError("cohort_year is needed under the legacy calendar")
        assert rule.due is not None
        due = on_day(cohort_year, rule.due)
        return DueDates(DueBasis.COHORT, due, add_months(due, rule.grace_months))
    if previous_plan_end is None:
        raise DueDatesError("previous_plan_end is needed under the 2022 rules")
    due = next_window(previous_plan_end, rule.windows)
    assert rule.contrary_after_months is not None
    return DueDates(
        DueBasis.PREVIOUS_PLAN, due, add_months(previous_plan_end, rule.contrary_after_months)
    )


def next_window(after: date, windows: tuple[MonthDay, ...]) -> date:
    """The first delivery window on or after ``after``."""
    for year in (after.year, after.year + 1):
        for window in windows:
            candidate = on_day(year, window)
            if candidate >= after:
                return candidate
    raise ValueError("no delivery window")  # pragma: no cover - windows is never empty


class DeliveryStatus(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"  # published after the due date, tolerated
    CONTRARY = "contrary"  # published too late: acting contrary to process
    PENDING = "pending"  # not published, due date not passed
    DUE_SOON = "due_soon"  # not published, due within the at-risk horizon
    OVERDUE = "overdue"  # not published, past due, still tolerated
    OVERDUE_CONTRARY = "overdue_contrary"  # not published and past the tolerated limit


@dataclass(frozen=True)
class Delivery:
    status: DeliveryStatus
    due: date
    late_until: date | None
    days_late: int  # 0 when on time or not yet due
    implementation_months: int | None  # from publication to the plan's end
    short_implementation: bool  # late within grace but fewer months than the minimum
    moves_cohort: bool  # legacy calendar: too late, the plan joins the next cohort

    @property
    def is_late(self) -> bool:
        return self.days_late > 0

    @property
    def contrary_to_process(self) -> bool:
        return self.status in {DeliveryStatus.CONTRARY, DeliveryStatus.OVERDUE_CONTRARY}


def delivery(
    rule: DeliveryRule,
    dues: DueDates,
    *,
    published_on: date | None,
    plan_end: date | None,
    today: date,
    due_soon_days: int = 30,
) -> Delivery:
    """Is the plan on time, late or contrary to process (or, unpublished, how it stands today)?"""
    late_until = dues.late_until
    if published_on is None:
        days_late = max(0, (today - dues.due).days)
        if today <= dues.due:
            due_soon = (dues.due - today).days <= due_soon_days
            status = DeliveryStatus.DUE_SOON if due_soon else DeliveryStatus.PENDING
        elif late_until is None or today <= late_until:
            status = DeliveryStatus.OVERDUE
        else:
            status = DeliveryStatus.OVERDUE_CONTRARY
        return Delivery(
            status,
            dues.due,
            late_until,
            days_late,
            None,
            False,
            status is DeliveryStatus.OVERDUE_CONTRARY and rule.kind is DeliveryKind.COHORT,
        )
    days_late = max(0, (published_on - dues.due).days)
    months = whole_months_between(published_on, plan_end) if plan_end else None
    short = bool(
        days_late
        and rule.min_implementation_months is not None
        and months is not None
        and months < rule.min_implementation_months
    )
    if days_late == 0:
        status = DeliveryStatus.ON_TIME
    elif (late_until is None or published_on <= late_until) and not short:
        status = DeliveryStatus.LATE
    else:
        status = DeliveryStatus.CONTRARY
    return Delivery(
        status,
        dues.due,
        late_until,
        days_late,
        months,
        short,
        status is DeliveryStatus.CONTRARY and rule.kind is DeliveryKind.COHORT,
    )


def plan_end_date(start: date, years: int, rule: DeliveryRule) -> date:
    """End of a plan of ``years`` starting on ``start`` (the day before the anniversary)."""
    if years not in rule.plan_lengths_years:
        raise DueDatesError(
            f"a {years}-year plan is not allowed; allowed: {list(rule.plan_lengths_years)}"
        )
    return add_months(start, 12 * years) - timedelta(days=1)
