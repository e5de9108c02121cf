"""Milestone progress rolled up to a commitment, and overdue milestones.

Rule (version ``ROLLUP_V1``, stated on every commitment page):

- each milestone status scores: not started 0, limited 25, substantial 75, complete 100;
- a withdrawn milestone leaves the calculation (neither numerator nor denominator);
- a commitment's progress is the weighted mean of its milestones' scores; a milestone without a
  weight weighs 1; when every weight is 0 the milestones weigh equally;
- the commitment's level: "withdrawn" when every milestone is withdrawn, "not started" at 0,
  "complete" at 100, "substantial" from 50, else "limited"; no milestones: no level.
- a milestone is overdue when its due date is before ``today`` and it is neither complete nor
  withdrawn (the due date itself is still on time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class MilestoneStatus(StrEnum):
    NOT_STARTED = "not_started"
    LIMITED = "limited"
    SUBSTANTIAL = "substantial"
    COMPLETE = "complete"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class RollupRule:
    code: str
    scores: Mapping[MilestoneStatus, int]
    substantial_from: int


ROLLUP_V1 = RollupRule(
    code="rollup-v1",
    scores={
        MilestoneStatus.NOT_STARTED: 0,
        MilestoneStatus.LIMITED: 25,
        MilestoneStatus.SUBSTANTIAL: 75,
        MilestoneStatus.COMPLETE: 100,
    },
    substantial_from=50,
)


@dataclass(frozen=True)
class MilestoneFact:
    status: MilestoneStatus
    weight: Decimal | None = None
    due: date | None = None


@dataclass(frozen=True)
class Rollup:
    progress: Decimal | None  # 0-100, one decimal; None when nothing counts
    level: MilestoneStatus | None
    counted: int
    withdrawn: int
    rule: str = field(default=ROLLUP_V1.code)


def roll_up(milestones: Iterable[MilestoneFact], rule: RollupRule = ROLLUP_V1) -> Rollup:
    items = list(milestones)
    counted = [m for m in items if m.status != MilestoneStatus.WITHDRAWN]
    withdrawn = len(items) - len(counted)
    if not items:
        return Rollup(None, None, 0, 0, rule.code)
    if not counted:
        return Rollup(None, MilestoneStatus.WITHDRAWN, 0, withdrawn, rule.code)
    for m in counted:
        if m.weight is not None and m.weight < 0:
            raise ValueError("A milestone weight cannot be negative.")
    weights = [Decimal(1) if m.weight is None else Decimal(m.weight) for m in counted]
    if sum(weights) == 0:
        weights = [Decimal(1)] * len(counted)
    total = sum(w * rule.scores[m.status] for w, m in zip(weights, counted, strict=True))
    progress = (Decimal(total) / sum(weights)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if progress == 0:
        level = MilestoneStatus.NOT_STARTED
    elif progress == 100:
        level = MilestoneStatus.COMPLETE
    elif progress >= rule.substantial_from:
        level = MilestoneStatus.SUBSTANTIAL
    else:
        level = MilestoneStatus.LIMITED
    return Rollup(progress, level, len(counted), withdrawn, rule.code)


DONE = frozenset({MilestoneStatus.COMPLETE, MilestoneStatus.WITHDRAWN})


def is_overdue(milestone: MilestoneFact, today: date) -> bool:
    return milestone.due is not None and milestone.due < today and milestone.status not in DONE


def days_overdue(milestone: MilestoneFact, today: date) -> int:
    if not is_overdue(milestone, today):
        return 0
    assert milestone.due is not None
    return (today - milestone.due).days


def overdue_count(milestones: Iterable[MilestoneFact], today: date) -> int:
    return sum(1 for m in milestones if is_overdue(m, today))
