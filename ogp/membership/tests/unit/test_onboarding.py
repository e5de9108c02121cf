"""Onboarding checklist progress and the first action plan due date."""

import datetime

import pytest

from ogp.membership.domain.onboarding import (
    CHECKLIST,
    HISTORIC_RULE,
    ChecklistItem,
    FirstPlanRule,
    first_action_plan_due,
    onboarding_progress,
)

D = datetime.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 1, 1), D(2027, 3, 31)),
        (D(2026, 3, 30), D(2027, 3, 31)),
        (D(2026, 3, 31), D(2027, 3, 31)),
        (D(2026, 4, 1), D(2027, 3, 31)),
        (D(2026, 11, 30), D(2027, 3, 31)),
        (D(2026, 12, 31), D(2027, 3, 31)),
        (D(2027, 1, 1), D(2028, 3, 31)),
    ],
)
def test_historic_rule_march_31_of_following_year(received, due):
    assert first_action_plan_due(received) == due
    assert first_action_plan_due(received, HISTORIC_RULE) == due


def test_rule_is_a_parameter():
    rule = FirstPlanRule(month=8, day=31, years_after=1)
    assert first_action_plan_due(D(2026, 5, 2), rule) == D(2027, 8, 31)
    assert first_action_plan_due(D(2026, 5, 2), FirstPlanRule(6, 30, 0)) == D(2026, 6, 30)


@pytest.mark.parametrize(
    ("rule", "received", "due"),
    [
        (FirstPlanRule(2, 29, 1), D(2027, 6, 1), D(2028, 2, 29)),  # leap year
        (FirstPlanRule(2, 29, 1), D(2026, 6, 1), D(2027, 2, 28)),  # common year
        (FirstPlanRule(4, 31, 1), D(2026, 6, 1), D(2027, 4, 30)),
    ],
)
def test_day_past_month_end_falls_back_to_last_day(rule, received, due):
    assert first_action_plan_due(received, rule) == due


@pytest.mark.parametrize(
    "kwargs", [{"month": 0}, {"month": 13}, {"day": 0}, {"day": 32}, {"years_after": -1}]
)
def test_invalid_rules_refused(kwargs):
    with pytest.raises(ValueError):
        FirstPlanRule(**kwargs)


def test_progress_empty():
    progress = onboarding_progress([], letter_received=None, today=D(2026, 5, 1))
    assert progress.done == ()
    assert progress.pending == CHECKLIST
    assert progress.next_item == ChecklistItem.FIRST_CALL_HELD
    assert progress.percent == 0
    assert not progress.complete
    assert progress.first_plan_due is None
    assert progress.days_to_first_plan is None
    assert not progress.first_plan_overdue


def test_progress_keeps_checklist_order_and_counts():
    progress = onboarding_progress(
        ["forum_planned", ChecklistItem.FIRST_CALL_HELD],
        letter_received=D(2026, 5, 1),
        today=D(2026, 5, 1),
    )
    assert progress.done == (ChecklistItem.FIRST_CALL_HELD, ChecklistItem.FORUM_PLANNED)
    assert progress.next_item == ChecklistItem.EXPERT_RESOURCES_SHARED
    assert progress.percent == 50


def test_progress_complete():
    progress = onboarding_progress(CHECKLIST, letter_received=None, today=D(2026, 5, 1))
    assert progress.complete
    assert progress.percent == 100
    assert progress.next_item is None


@pytest.mark.parametrize(
    ("today", "days", "overdue"),
    [
        (D(2027, 3, 30), 1, False),
        (D(2027, 3, 31), 0, False),
        (D(2027, 4, 1), -1, True),
    ],
)
def test_first_plan_countdown_boundaries(today, days, overdue):
    progress = onboarding_progress([], letter_received=D(2026, 6, 15), today=today)
    assert progress.first_plan_due == D(2027, 3, 31)
    assert progress.days_to_first_plan == days
    assert progress.first_plan_overdue is overdue


def test_unknown_item_refused():
    with pytest.raises(ValueError):
        onboarding_progress(["coffee"], letter_received=None, today=D(2026, 1, 1))
