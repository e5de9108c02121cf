"""Milestone roll-up (rule rollup-v1) and overdue milestones, boundaries included."""

from datetime import date
from decimal import Decimal

import pytest

from ogp.plans.domain.progress import (
    MilestoneFact,
    MilestoneStatus,
    days_overdue,
    is_overdue,
    overdue_count,
    roll_up,
)

S = MilestoneStatus
D = Decimal


def facts(*statuses, weights=None):
    weights = weights or [None] * len(statuses)
    return [MilestoneFact(s, w) for s, w in zip(statuses, weights, strict=True)]


def test_no_milestones():
    result = roll_up([])
    assert (result.progress, result.level, result.counted) == (None, None, 0)


@pytest.mark.parametrize(
    ("status", "progress", "level"),
    [(S.NOT_STARTED, D("0"), S.NOT_STARTED), (S.LIMITED, D("25"), S.LIMITED),
     (S.SUBSTANTIAL, D("75"), S.SUBSTANTIAL), (S.COMPLETE, D("100"), S.COMPLETE)],
)  # fmt: skip
def test_single_milestone(status, progress, level):
    result = roll_up(facts(status))
    assert result.progress == progress and result.level == level


def test_equal_weights_mean():
    result = roll_up(facts(S.COMPLETE, S.NOT_STARTED, S.LIMITED))
    assert result.progress == D("41.7")
    assert result.level == S.LIMITED


def test_substantial_boundary_at_fifty():
    assert roll_up(facts(S.COMPLETE, S.NOT_STARTED)).level == S.SUBSTANTIAL  # exactly 50
    assert roll_up(facts(S.LIMITED, S.SUBSTANTIAL, S.NOT_STARTED)).level == S.LIMITED  # 33.3


def test_weights():
    result = roll_up(facts(S.COMPLETE, S.NOT_STARTED, weights=[D(3), D(1)]))
    assert result.progress == D("75.0")


def test_missing_weight_counts_as_one():
    result = roll_up(facts(S.COMPLETE, S.NOT_STARTED, weights=[D(1), None]))
    assert result.progress == D("50.0")


def test_all_zero_weights_weigh_equally():
    result = roll_up(facts(S.COMPLETE, S.NOT_STARTED, weights=[D(0), D(0)]))
    assert result.progress == D("50.0")


def test_zero_weight_milestone_is_ignored_when_others_weigh():
    result = roll_up(facts(S.COMPLETE, S.NOT_STARTED, weights=[D(1), D(0)]))
    assert result.progress == D("100.0") and result.level == S.COMPLETE


def test_negative_weight_refused():
    with pytest.raises(ValueError):
        roll_up(facts(S.COMPLETE, weights=[D(-1)]))


def test_withdrawn_leaves_the_calculation():
    result = roll_up(facts(S.COMPLETE, S.WITHDRAWN))
    assert result.progress == D("100.0") and result.counted == 1 and result.withdrawn == 1


def test_all_withdrawn():
    result = roll_up(facts(S.WITHDRAWN, S.WITHDRAWN))
    assert result.progress is None and result.level == S.WITHDRAWN


def test_rounding_half_up():
    # 25 / 8 = 3.125, rounded half up to one decimal
    result = roll_up(facts(S.LIMITED, *[S.NOT_STARTED] * 7))
    assert result.progress == D("3.1")


TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [(date(2026, 6, 14), S.LIMITED, True), (date(2026, 6, 15), S.LIMITED, False),
     (date(2026, 6, 16), S.NOT_STARTED, False), (date(2026, 1, 1), S.COMPLETE, False),
     (date(2026, 1, 1), S.WITHDRAWN, False), (date(2026, 1, 1), S.SUBSTANTIAL, True),
     (None, S.NOT_STARTED, False)],
)  # fmt: skip
def test_overdue(due, status, overdue):
    assert is_overdue(MilestoneFact(status, due=due), TODAY) is overdue


def test_days_overdue_and_count():
    late = MilestoneFact(S.LIMITED, due=date(2026, 6, 5))
    on_time = MilestoneFact(S.LIMITED, due=date(2026, 7, 5))
    assert days_overdue(late, TODAY) == 10
    assert days_overdue(on_time, TODAY) == 0
    assert overdue_count([late, on_time, late], TODAY) == 2
