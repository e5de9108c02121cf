"""Dataclasses that one app produces and several others read, defined once here (the lowest
layer) so that no app keeps its own copy. Plain Python: pure domain rules may import them.

- `EligibilitySummary`: a country's result in the latest published eligibility cycle, produced by
  `ogp.eligibility` and read by countries (hub page), membership (joining) and participation
  (guidance). See docs/eligibility.md, "For other apps".
- `ContraryToProcessRecord`: what the confirmed contrary-to-process findings of `ogp.plans` say
  about a country, read by membership's status changes (instead of counters staff typed in).
"""

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
    criteria: tuple[CriterionSummary, ...]
    pathway: tuple[str, ...] = ()  # plain-language improvements, in the active language
    values_check: bool | None = None  # None: not applicable to members, or no data
    eligibility_review: bool = False
    at_risk: bool = False


@dataclass(frozen=True, slots=True)
class CyclePublished:
    """Sent when an eligibility cycle is published. `newest` is False when an older cycle is
    published to back-fill history (current statuses must not move then; `summaries` is empty).
    Otherwise `summaries` holds every covered country's summary by country id, so that receivers
    do not read the cycle again."""

    cycle_year: int
    newest: bool
    summaries: dict[int, EligibilitySummary]


@dataclass(frozen=True, slots=True)
class ContraryToProcessRecord:
    """The newest national plan with a confirmed finding (empty: none) and how many cycles in a
    row, up to that plan, were confirmed contrary to process."""

    latest_plan: str = ""
    latest_found_on: str = ""  # ISO date of that plan's newest confirmed finding
    consecutive_cycles: int = 0

    @property
    def confirmed(self) -> bool:
        return bool(self.latest_plan)


@dataclass(frozen=True, slots=True)
class PlanPublished:
    """Sent when an action plan is published (co-creation's publication creates its public
    record). `ogp_id` names the `plans.ActionPlan`."""

    ogp_id: str
    country_iso3: str


@dataclass(frozen=True, slots=True)
class IRMReportPublished:
    """Sent when an IRM report's version is published (its coding is then public data)."""

    report_id: int
    plan_ogp_id: str
    kind: str
    version: int
