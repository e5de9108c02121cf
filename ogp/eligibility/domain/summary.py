"""The eligibility summary other apps read (see /docs/eligibility.md, "For other apps")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CriterionSummary:
    code: str
    label: str
    points: int | None
    max_points: int
    source: str  # publisher/dataset label, e.g. "Open Budget Survey 2019"


@dataclass(frozen=True, slots=True)
class EligibilitySummary:
    cycle_year: int
    status: str  # "eligible", "not_eligible", "not_enough_data"
    total: int
    maximum: int
    values_check: bool | None  # None: not applicable to members, or no data
    eligibility_review: bool
    at_risk: bool
    criteria: tuple[CriterionSummary, ...]
    pathway: tuple[str, ...]  # plain-language improvements, in the active language
