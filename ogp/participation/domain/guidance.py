"""Which phases of the OGP process a country's civil society can act on now.

The founding text gives civil society advice for five phases: becoming eligible, deciding to
join, co-creating an action plan, implementation and independent monitoring. The phases that
apply are chosen from the country's membership status and, when one exists, its latest published
eligibility summary (:class:`ogp.core.summaries.EligibilitySummary`, plain Python like this module).

Mapping (documented in ``docs/participation.md``):

========================  ======================================================
status                    phases shown
========================  ======================================================
not_assessed, not_elig.   becoming eligible (+ deciding to join if the latest
                          summary already says "eligible")
eligible                  deciding to join
letter_returned           deciding to join
letter_submitted          deciding to join, co-creation
participating             co-creation
active                    co-creation, implementation, independent monitoring
eligibility_review        becoming eligible, implementation, independent monitoring
contrary_to_process,      co-creation, implementation, independent monitoring
procedural_review
inactive                  deciding to join, independent monitoring
suspended                 independent monitoring
withdrawn                 deciding to join (+ becoming eligible when the latest
                          summary is not "eligible")
========================  ======================================================

Countries that are not UN members cannot join OGP (background note on non-universally
recognised states): no joining phase applies, only the note.

Shortfalls: every criterion of the summary below its maximum, with the third party that
measures it; criteria without data are listed as "no data". ``points_short`` applies the
published pass rule (at least 75% of the points available to the country).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ogp.core.summaries import CriterionSummary, EligibilitySummary

PASS_NUMERATOR = 3
PASS_DENOMINATOR = 4


class Phase(enum.StrEnum):
    BECOMING_ELIGIBLE = "becoming_eligible"
    DECIDING_TO_JOIN = "deciding_to_join"
    CO_CREATION = "co_creation"
    IMPLEMENTATION = "implementation"
    INDEPENDENT_MONITORING = "independent_monitoring"


PHASE_ORDER = tuple(Phase)


# The eligibility summary is defined once, in ogp.core.summaries (plain Python); these names stay
# for the guidance rules and their tests.
CriterionInput = CriterionSummary
EligibilityInput = EligibilitySummary


@dataclass(frozen=True)
class Shortfall:
    code: str
    label: str
    points: int | None
    max_points: int
    source: str

    @property
    def no_data(self) -> bool:
        return self.points is None

    @property
    def missing_points(self) -> int:
        return self.max_points if self.points is None else self.max_points - self.points


@dataclass(frozen=True)
class Guidance:
    phases: tuple[Phase, ...]
    shortfalls: tuple[Shortfall, ...]
    points_short: int | None  # None when unknown (no summary, or not enough data)
    eligibility: EligibilityInput | None
    can_join: bool  # False for non-UN states

    @property
    def shows_eligibility(self) -> bool:
        return Phase.BECOMING_ELIGIBLE in self.phases


_BY_STATUS: dict[str, tuple[Phase, ...]] = {
    "not_assessed": (Phase.BECOMING_ELIGIBLE,),
    "not_eligible": (Phase.BECOMING_ELIGIBLE,),
    "eligible": (Phase.DECIDING_TO_JOIN,),
    "letter_returned": (Phase.DECIDING_TO_JOIN,),
    "letter_submitted": (Phase.DECIDING_TO_JOIN, Phase.CO_CREATION),
    "participating": (Phase.CO_CREATION,),
    "active": (Phase.CO_CREATION, Phase.IMPLEMENTATION, Phase.INDEPENDENT_MONITORING),
    "eligibility_review": (
        Phase.BECOMING_ELIGIBLE,
        Phase.IMPLEMENTATION,
        Phase.INDEPENDENT_MONITORING,
    ),
    "contrary_to_process": (
        Phase.CO_CREATION,
        Phase.IMPLEMENTATION,
        Phase.INDEPENDENT_MONITORING,
    ),
    "procedural_review": (
        Phase.CO_CREATION,
        Phase.IMPLEMENTATION,
        Phase.INDEPENDENT_MONITORING,
    ),
    "inactive": (Phase.DECIDING_TO_JOIN, Phase.INDEPENDENT_MONITORING),
    "suspended": (Phase.INDEPENDENT_MONITORING,),
    "withdrawn": (Phase.DECIDING_TO_JOIN,),
}

KNOWN_STATUSES = frozenset(_BY_STATUS)


def points_needed_to_pass(maximum: int) -> int:
    """Smallest total reaching 75% of ``maximum`` (12 of 16, 9 of 12)."""
    return -(-maximum * PASS_NUMERATOR // PASS_DENOMINATOR)


def shortfalls(criteria: Iterable[CriterionInput]) -> tuple[Shortfall, ...]:
    return tuple(
        Shortfall(
            code=c.code,
            label=c.label,
            points=c.points,
            max_points=c.max_points,
            source=c.source,
        )
        for c in criteria
        if c.points is None or c.points < c.max_points
    )


def country_guidance(
    *, status: str, eligibility: EligibilityInput | None, un_member: bool = True
) -> Guidance:
    if status not in _BY_STATUS:
        raise ValueError(f"unknown membership status: {status!r}")
    if not un_member:
        return Guidance(
            phases=(),
            shortfalls=(),
            points_short=None,
            eligibility=eligibility,
            can_join=False,
        )
    phases = set(_BY_STATUS[status])
    summary_status = eligibility.status if eligibility else None
    if status in {"not_assessed", "not_eligible"} and summary_status == "eligible":
        phases.add(Phase.DECIDING_TO_JOIN)
    if status == "withdrawn" and eligibility is not None and summary_status != "eligible":
        phases.add(Phase.BECOMING_ELIGIBLE)
    ordered = tuple(p for p in PHASE_ORDER if p in phases)
    gaps: tuple[Shortfall, ...] = ()
    points_short: int | None = None
    if eligibility is not None and Phase.BECOMING_ELIGIBLE in phases:
        gaps = shortfalls(eligibility.criteria)
        if summary_status != "not_enough_data" and eligibility.maximum > 0:
            points_short = max(0, points_needed_to_pass(eligibility.maximum) - eligibility.total)
    return Guidance(
        phases=ordered,
        shortfalls=gaps,
        points_short=points_short,
        eligibility=eligibility,
        can_join=True,
    )
