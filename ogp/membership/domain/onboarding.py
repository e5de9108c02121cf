"""Onboarding after an accepted letter of intent: checklist and first plan due date.

Step 3 of the founding text: a Support Unit country contact gets in touch with the
government's designated representative soon after the letter arrives, answers
questions, gives an orientation and connects the government with technical experts
and other resources. A country counts as participating once it has begun to consult
civil society on an action plan.

First action plan due date: the only rule the sources state is the historic one
(``ogp-process.md`` 3.1): whenever the letter arrived, the first plan was due by
March 31 of the following year. The current rule was not retrieved, so the rule is
a parameter (:class:`FirstPlanRule`) and the platform uses :data:`HISTORIC_RULE`
until the Support Unit confirms another one.
"""

from __future__ import annotations

import calendar
import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass


class ChecklistItem(enum.StrEnum):
    FIRST_CALL_HELD = "first_call_held"
    EXPERT_RESOURCES_SHARED = "expert_resources_shared"
    FORUM_PLANNED = "forum_planned"
    CO_CREATION_STARTED = "co_creation_started"


CHECKLIST: tuple[ChecklistItem, ...] = tuple(ChecklistItem)


@dataclass(frozen=True)
class FirstPlanRule:
    """The first action plan is due on ``month``/``day`` of the year
    ``years_after`` years after the letter of intent was received."""

    month: int = 3
    day: int = 31
    years_after: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError("month must be 1-12")
        if not 1 <= self.day <= 31:
            raise ValueError("day must be 1-31")
        if self.years_after < 0:
            raise ValueError("years_after must not be negative")


HISTORIC_RULE = FirstPlanRule()


def first_action_plan_due(
    letter_received: datetime.date, rule: FirstPlanRule = HISTORIC_RULE
) -> datetime.date:
    """Due date of the first action plan for a letter received on ``letter_received``.

    A day past the end of the month (e.g. 31 for a 30-day month, 29 February in a
    common year) falls back to the month's last day.
    """
    year = letter_received.year + rule.years_after
    last_day = calendar.monthrange(year, rule.month)[1]
    return datetime.date(year, rule.month, min(rule.day, last_day))


@dataclass(frozen=True)
class OnboardingProgress:
    done: tuple[ChecklistItem, ...]
    pending: tuple[ChecklistItem, ...]
    next_item: ChecklistItem | None
    percent: int
    complete: bool
    first_plan_due: datetime.date | None
    days_to_first_plan: int | None
    first_plan_overdue: bool


def onboarding_progress(
    done_items: Iterable[ChecklistItem | str],
    *,
    letter_received: datetime.date | None,
    today: datetime.date,
    rule: FirstPlanRule = HISTORIC_RULE,
) -> OnboardingProgress:
    done_set = {ChecklistItem(item) for item in done_items}
    done = tuple(item for item in CHECKLIST if item in done_set)
    pending = tuple(item for item in CHECKLIST if item not in done_set)
    due = first_action_plan_due(letter_received, rule) if letter_received else None
    days = (due - today).days if due else None
    return OnboardingProgress(
        done=done,
        pending=pending,
        next_item=pending[0] if pending else None,
        percent=round(100 * len(done) / len(CHECKLIST)),
        complete=not pending,
        first_plan_due=due,
        days_to_first_plan=days,
        first_plan_overdue=days is not None and days < 0,
    )
