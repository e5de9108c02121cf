"""The life of an action plan on the platform, as a pure state machine.

preparing --open--> co_creation --submit--> submitted --publish--> published
                                   ^            |
                                   +--resubmit--returned <--return--+
preparing / co_creation / returned --withdraw--> withdrawn

Opening co-creation needs a timeline with dated steps and a country that has joined OGP (a letter
of intent accepted); submitting needs a published draft with at least one commitment and a
complete ledger or a public reason (see ledger.py); returning and withdrawing need a reason.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class PlanState(enum.StrEnum):
    PREPARING = "preparing"
    CO_CREATION = "co_creation"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


# From these states on, co-creation with civil society "has started" (membership: active).
CO_CREATION_STARTED = frozenset(
    {PlanState.CO_CREATION, PlanState.SUBMITTED, PlanState.RETURNED, PlanState.PUBLISHED}
)
# States in which the government still edits the plan's drafts, timeline and ledger.
EDITABLE = frozenset({PlanState.PREPARING, PlanState.CO_CREATION, PlanState.RETURNED})
# States visible to the public (preparing and withdrawn-before-opening plans are not).
PUBLIC = CO_CREATION_STARTED


class PlanActor(enum.StrEnum):
    GOVERNMENT = "government"
    SUPPORT_UNIT = "support_unit"


class PlanRequirement(enum.StrEnum):
    TIMELINE_DATED = "timeline_not_dated"
    COUNTRY_JOINED = "country_not_joined"
    FINAL_DRAFT = "no_final_draft"
    LEDGER_ANSWERED = "inputs_unanswered"
    REASON_GIVEN = "no_reason_given"


@dataclass(frozen=True)
class PlanFacts:
    timeline_dated: bool = False  # every step has a start and an end date
    country_joined: bool = False  # letter of intent accepted (participating or later)
    has_final_draft: bool = False  # a published draft version with at least one commitment
    ledger_ok: bool = False  # ledger complete, or a public reason given for what is not
    reason: str = ""


def _met(requirement: PlanRequirement, facts: PlanFacts) -> bool:
    match requirement:
        case PlanRequirement.TIMELINE_DATED:
            return facts.timeline_dated
        case PlanRequirement.COUNTRY_JOINED:
            return facts.country_joined
        case PlanRequirement.FINAL_DRAFT:
            return facts.has_final_draft
        case PlanRequirement.LEDGER_ANSWERED:
            return facts.ledger_ok
        case PlanRequirement.REASON_GIVEN:
            return bool(facts.reason.strip())
    raise ValueError(requirement)  # pragma: no cover - exhaustive match


@dataclass(frozen=True)
class PlanTransition:
    action: str
    source: PlanState
    target: PlanState
    actors: frozenset[PlanActor]
    requires: tuple[PlanRequirement, ...]


GOV = frozenset({PlanActor.GOVERNMENT})
SU = frozenset({PlanActor.SUPPORT_UNIT})
BOTH = GOV | SU
_SUBMIT = (PlanRequirement.FINAL_DRAFT, PlanRequirement.LEDGER_ANSWERED)

TRANSITIONS: tuple[PlanTransition, ...] = (
    PlanTransition(
        "open",
        PlanState.PREPARING,
        PlanState.CO_CREATION,
        BOTH,
        (PlanRequirement.COUNTRY_JOINED, PlanRequirement.TIMELINE_DATED),
    ),
    PlanTransition("submit", PlanState.CO_CREATION, PlanState.SUBMITTED, GOV, _SUBMIT),
    PlanTransition("submit", PlanState.RETURNED, PlanState.SUBMITTED, GOV, _SUBMIT),
    PlanTransition(
        "return", PlanState.SUBMITTED, PlanState.RETURNED, SU, (PlanRequirement.REASON_GIVEN,)
    ),
    PlanTransition(
        "publish", PlanState.SUBMITTED, PlanState.PUBLISHED, SU, (PlanRequirement.FINAL_DRAFT,)
    ),
    *(
        PlanTransition(
            "withdraw", source, PlanState.WITHDRAWN, BOTH, (PlanRequirement.REASON_GIVEN,)
        )
        for source in (PlanState.PREPARING, PlanState.CO_CREATION, PlanState.RETURNED)
    ),
)


class PlanRefusal(enum.StrEnum):
    NO_SUCH_ACTION = "no_such_action"
    ACTOR_NOT_PERMITTED = "actor_not_permitted"


@dataclass(frozen=True)
class PlanDecision:
    allowed: bool
    action: str
    source: PlanState
    target: PlanState | None
    reason: str  # "ok", a PlanRefusal or a PlanRequirement value


def decide_plan(
    source: PlanState | str, action: str, actor: PlanActor | str, facts: PlanFacts
) -> PlanDecision:
    """May ``actor`` do ``action`` on a plan in state ``source``? First unmet reason wins."""
    src, who = PlanState(source), PlanActor(actor)
    transition = next((t for t in TRANSITIONS if t.source == src and t.action == action), None)
    if transition is None:
        return PlanDecision(False, action, src, None, PlanRefusal.NO_SUCH_ACTION)
    if who not in transition.actors:
        return PlanDecision(False, action, src, transition.target, PlanRefusal.ACTOR_NOT_PERMITTED)
    for requirement in transition.requires:
        if not _met(requirement, facts):
            return PlanDecision(False, action, src, transition.target, requirement.value)
    return PlanDecision(True, action, src, transition.target, "ok")


def actions_from(source: PlanState | str, actor: PlanActor | str) -> tuple[str, ...]:
    """Actions ``actor`` may try from ``source`` (requirements not checked), in table order."""
    src, who = PlanState(source), PlanActor(actor)
    return tuple(t.action for t in TRANSITIONS if t.source == src and who in t.actors)
