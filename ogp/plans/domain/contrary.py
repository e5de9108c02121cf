"""'Acting contrary to process': triggers per rule version, and consecutive cycles.

Rule versions are data (``ogp/plans/data/contrary_to_process.json``):

- 2017-2021: the plan is published more than 4 months after its due date (or is still
  unpublished then); IAP2 level below "involve" during development or below "inform" during
  implementation (IRM); no document repository; no progress on any commitment (IRM results).
- 2022: no plan published within 12 months after the end of the previous plan (or none yet
  then); the IRM finds the minimum requirements unmet; no progress on any commitment.

"No progress on any commitment" needs IRM results for every commitment; a plan with no
commitments is never found "without progress". Unknown facts (``None``) never trigger.
Which version applies is decided by the plan's due date (or, for the 2022 "no plan" trigger,
the date the next plan became due: the end of the previous plan).
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "contrary_to_process.json"


class Trigger(StrEnum):
    LATE_PLAN = "late_plan"
    PARTICIPATION_BELOW_MINIMUM = "participation_below_minimum"
    NO_REPOSITORY = "no_repository"
    NO_PROGRESS = "no_progress"
    NO_PLAN_WITHIN_MONTHS = "no_plan_within_months"
    MINIMUM_REQUIREMENTS_NOT_MET = "minimum_requirements_not_met"


@dataclass(frozen=True)
class RuleVersion:
    code: str
    valid_from: date
    valid_to: date | None
    triggers: Mapping[str, Mapping[str, Any]]

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class RuleSet:
    versions: tuple[RuleVersion, ...]
    no_progress_levels: frozenset[str]
    iap2_order: tuple[str, ...]
    procedural_review_after: int

    def version_on(self, day: date) -> RuleVersion | None:
        return next((v for v in self.versions if v.in_force_on(day)), None)

    def version(self, code: str) -> RuleVersion:
        return next(v for v in self.versions if v.code == code)


def parse_rules(data: Mapping[str, Any]) -> RuleSet:
    return RuleSet(
        versions=tuple(
            RuleVersion(
                code=v["code"],
                valid_from=date.fromisoformat(v["valid_from"]),
                valid_to=date.fromisoformat(v["valid_to"]) if v.get("valid_to") else None,
                triggers=v["triggers"],
            )
            for v in data["versions"]
        ),
        no_progress_levels=frozenset(data["no_progress_levels"]),
        iap2_order=tuple(data["iap2_order"]),
        procedural_review_after=int(data["procedural_review_after_consecutive"]),
    )


def load_rules(path: Path = RULES_FILE) -> RuleSet:
    return parse_rules(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class PlanFacts:
    """What is known about one plan (cycle). ``None`` means not known (never a trigger)."""

    label: str
    due: date | None = None  # when the plan was due
    published_on: date | None = None
    previous_plan_end: date | None = None
    iap2_development: str | None = None
    iap2_implementation: str | None = None
    has_repository: bool | None = None
    minimum_requirements_met: bool | None = None
    # IRM completion level per commitment; None: no results report yet
    irm_completion: tuple[str | None, ...] | None = None


@dataclass(frozen=True)
class Finding:
    trigger: Trigger
    rule_version: str
    on: date  # when the trigger was met
    evidence: str  # which facts, in plain words (English; the UI shows translated labels)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _late(version: RuleVersion, facts: PlanFacts, today: date) -> Finding | None:
    if facts.due is None:
        return None
    deadline = add_months(facts.due, int(version.triggers["late_plan"]["months_after_due"]))
    if facts.published_on is not None:
        if facts.published_on > deadline:
            return Finding(
                Trigger.LATE_PLAN, version.code, facts.published_on,
                f"due {facts.due}, published {facts.published_on}, later than {deadline}",
            )  # fmt: skip
        return None
    if today > deadline:
        return Finding(
            Trigger.LATE_PLAN, version.code, today,
            f"due {facts.due}, not published by {deadline}",
        )  # fmt: skip
    return None


def _below(rules: RuleSet, level: str | None, minimum: str) -> bool | None:
    if level is None:
        return None
    order = rules.iap2_order
    if level not in order:
        raise ValueError(f"Unknown IAP2 level {level!r}")
    return order.index(level) < order.index(minimum)


def _participation(
    rules: RuleSet, version: RuleVersion, facts: PlanFacts, on: date
) -> Finding | None:
    minimum = version.triggers["participation_below_minimum"]
    reasons = []
    if _below(rules, facts.iap2_development, minimum["development"]):
        reasons.append(
            f"development at {facts.iap2_development!r} (minimum {minimum['development']!r})"
        )
    if _below(rules, facts.iap2_implementation, minimum["implementation"]):
        reasons.append(
            f"implementation at {facts.iap2_implementation!r} "
            f"(minimum {minimum['implementation']!r})"
        )
    if not reasons:
        return None
    return Finding(Trigger.PARTICIPATION_BELOW_MINIMUM, version.code, on, "; ".join(reasons))


def _no_progress(
    rules: RuleSet, version: RuleVersion, facts: PlanFacts, on: date
) -> Finding | None:
    levels = facts.irm_completion
    if not levels or any(level is None for level in levels):
        return None
    if all(level in rules.no_progress_levels for level in levels):
        return Finding(
            Trigger.NO_PROGRESS, version.code, on,
            f"IRM results: none of {len(levels)} commitments progressed",
        )  # fmt: skip
    return None


def _no_plan(version: RuleVersion, facts: PlanFacts, today: date) -> Finding | None:
    if facts.previous_plan_end is None:
        return None
    months = int(version.triggers["no_plan_within_months"]["months_after_previous_end"])
    deadline = add_months(facts.previous_plan_end, months)
    published = facts.published_on
    if published is not None and published <= deadline:
        return None
    if published is None and today <= deadline:
        return None
    on = published if published is not None else today
    return Finding(
        Trigger.NO_PLAN_WITHIN_MONTHS, version.code, on,
        f"previous plan ended {facts.previous_plan_end}; no plan published by {deadline}",
    )  # fmt: skip


def evaluate(rules: RuleSet, facts: PlanFacts, today: date) -> list[Finding]:
    """Every trigger met by this plan under the rule version in force for it."""
    anchor = facts.due or facts.previous_plan_end or facts.published_on
    if anchor is None:
        return []
    version = rules.version_on(anchor)
    if version is None:
        return []
    on = facts.published_on or today
    findings: list[Finding | None] = []
    triggers = version.triggers
    if Trigger.LATE_PLAN in triggers:
        findings.append(_late(version, facts, today))
    if Trigger.PARTICIPATION_BELOW_MINIMUM in triggers:
        findings.append(_participation(rules, version, facts, on))
    if Trigger.NO_REPOSITORY in triggers and facts.has_repository is False:
        findings.append(Finding(Trigger.NO_REPOSITORY, version.code, on, "no document repository"))
    if Trigger.NO_PLAN_WITHIN_MONTHS in triggers:
        findings.append(_no_plan(version, facts, today))
    if Trigger.MINIMUM_REQUIREMENTS_NOT_MET in triggers and facts.minimum_requirements_met is False:
        findings.append(
            Finding(
                Trigger.MINIMUM_REQUIREMENTS_NOT_MET,
                version.code,
                on,
                "IRM assessment: minimum requirements not met",
            )  # fmt: skip
        )
    if Trigger.NO_PROGRESS in triggers:
        findings.append(_no_progress(rules, version, facts, on))
    return [f for f in findings if f is not None]


def consecutive_contrary(cycles: Sequence[bool]) -> int:
    """How many of the most recent cycles (oldest first) were contrary to process in a row."""
    count = 0
    for contrary in reversed(cycles):
        if not contrary:
            break
        count += 1
    return count


def longest_streak(cycles: Iterable[bool]) -> int:
    best = current = 0
    for contrary in cycles:
        current = current + 1 if contrary else 0
        best = max(best, current)
    return best


def procedural_review_due(rules: RuleSet, cycles: Sequence[bool]) -> bool:
    """Two consecutive cycles contrary to process (the number is data) mean Procedural Review."""
    return consecutive_contrary(cycles) >= rules.procedural_review_after
