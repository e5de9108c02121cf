"""The OGP membership status lifecycle of a country, as a pure state machine.

Standard library only: the Django layer maps the country's recorded facts onto
:class:`StatusFacts` and asks :func:`decide` whether a change is allowed before it
records the change (``ogp.countries.services.country_membership_status_set``).

Sources (see ``docs/membership.md`` and ``../shared/docs/ogp-process.md``):

* joining: eligible (Core Eligibility + Values Check, UN members only) -> letter of
  intent -> participating once onboarding starts -> active member (sections 1-3);
* Eligibility Review: a member below the minimum for two consecutive cycles, left
  when it meets the minimum again (section 1.1);
* acting contrary to process, Procedural Review after two consecutive cycles,
  inactive (resulting from Procedural Review), suspended (Response Policy),
  withdrawn (section 4.6); rejoining after withdrawal goes through eligibility and
  a new letter of intent.

A country holds one status at a time. Where two situations overlap (for example a
member under Eligibility Review that also acts contrary to process), the
transitions below let the Support Unit move the country to the more serious one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.StrEnum):
    """Same values as ``ogp.countries.models.MembershipStatus``."""

    NOT_ASSESSED = "not_assessed"
    NOT_ELIGIBLE = "not_eligible"
    ELIGIBLE = "eligible"
    LETTER_SUBMITTED = "letter_submitted"
    LETTER_RETURNED = "letter_returned"
    PARTICIPATING = "participating"
    ACTIVE = "active"
    ELIGIBILITY_REVIEW = "eligibility_review"
    CONTRARY_TO_PROCESS = "contrary_to_process"
    PROCEDURAL_REVIEW = "procedural_review"
    INACTIVE = "inactive"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"


class Actor(enum.StrEnum):
    """Who triggers a change."""

    SUPPORT_UNIT = "support_unit"
    GOVERNMENT = "government"
    SYSTEM = "system"  # automatic jobs, e.g. publication of an eligibility cycle


class Requirement(enum.StrEnum):
    """What a transition requires. The value doubles as the refusal reason code."""

    ELIGIBLE = "not_eligible"
    VALUES_CHECK_PASSED = "values_check_not_passed"
    UN_MEMBER = "not_un_member"
    NOT_FULLY_ELIGIBLE = "still_eligible"
    LETTER_SUBMITTED = "no_letter_submitted"
    LETTER_ACCEPTED = "letter_not_accepted"
    REASON_GIVEN = "no_reason_given"
    CO_CREATION_STARTED = "co_creation_not_started"
    TWO_CYCLES_BELOW_MINIMUM = "fewer_than_two_cycles_below_minimum"
    MEETS_MINIMUM = "still_below_minimum"
    CONTRARY_FINDING = "no_contrary_to_process_finding"
    TWO_CONTRARY_CYCLES = "fewer_than_two_contrary_cycles"
    CONTRARY_RESOLVED = "contrary_to_process_not_resolved"
    DECISION_REFERENCE = "no_decision_reference"
    WITHDRAWAL_NOTICE = "no_withdrawal_notice"


class Refusal(enum.StrEnum):
    """Reason codes for refusals that are not an unmet requirement."""

    SAME_STATUS = "same_status"
    NO_SUCH_TRANSITION = "no_such_transition"
    ACTOR_NOT_PERMITTED = "actor_not_permitted"


@dataclass(frozen=True)
class StatusFacts:
    """What is known about the country when a change is asked for.

    ``core_eligible`` and ``values_check_passed`` are ``None`` when unknown
    (no published cycle covers the country, or not enough data).
    """

    core_eligible: bool | None = None
    values_check_passed: bool | None = None
    un_member: bool = True
    letter_submitted: bool = False
    letter_accepted: bool = False
    reason: str = ""
    co_creation_started: bool = False
    consecutive_cycles_below_minimum: int = 0
    contrary_to_process_finding: bool = False
    consecutive_contrary_cycles: int = 0
    contrary_to_process_resolved: bool = False
    decision_reference: str = ""
    withdrawal_notice: bool = False

    @property
    def fully_eligible(self) -> bool:
        """Eligible to join: Core Eligibility, Values Check and UN membership."""
        return bool(self.core_eligible) and bool(self.values_check_passed) and self.un_member


def requirement_met(requirement: Requirement, facts: StatusFacts) -> bool:
    match requirement:
        case Requirement.ELIGIBLE:
            return facts.core_eligible is True
        case Requirement.VALUES_CHECK_PASSED:
            return facts.values_check_passed is True
        case Requirement.UN_MEMBER:
            return facts.un_member
        case Requirement.NOT_FULLY_ELIGIBLE:
            # A newer assessment says the country can no longer join; "unknown"
            # (no data) is not a finding, so it does not count.
            return (
                facts.core_eligible is False
                or facts.values_check_passed is False
                or not facts.un_member
            )
        case Requirement.LETTER_SUBMITTED:
            return facts.letter_submitted
        case Requirement.LETTER_ACCEPTED:
            return facts.letter_accepted
        case Requirement.REASON_GIVEN:
            return bool(facts.reason.strip())
        case Requirement.CO_CREATION_STARTED:
            return facts.co_creation_started
        case Requirement.TWO_CYCLES_BELOW_MINIMUM:
            return facts.consecutive_cycles_below_minimum >= 2
        case Requirement.MEETS_MINIMUM:
            return facts.core_eligible is True
        case Requirement.CONTRARY_FINDING:
            return facts.contrary_to_process_finding
        case Requirement.TWO_CONTRARY_CYCLES:
            return facts.consecutive_contrary_cycles >= 2
        case Requirement.CONTRARY_RESOLVED:
            return facts.contrary_to_process_resolved
        case Requirement.DECISION_REFERENCE:
            return bool(facts.decision_reference.strip())
        case Requirement.WITHDRAWAL_NOTICE:
            return facts.withdrawal_notice
    raise ValueError(requirement)  # pragma: no cover - exhaustive match


@dataclass(frozen=True)
class Transition:
    source: Status
    target: Status
    actors: frozenset[Actor]
    requires: tuple[Requirement, ...]
    summary: str  # plain English, for docs and the admin help text


@dataclass(frozen=True)
class Decision:
    allowed: bool
    source: Status
    target: Status
    actor: Actor
    reason: str  # "ok", a Refusal value or a Requirement value
    transition: Transition | None = None


SU = frozenset({Actor.SUPPORT_UNIT})
SU_SYSTEM = frozenset({Actor.SUPPORT_UNIT, Actor.SYSTEM})
GOV = frozenset({Actor.GOVERNMENT})
GOV_SU = frozenset({Actor.GOVERNMENT, Actor.SUPPORT_UNIT})

_JOIN = (Requirement.ELIGIBLE, Requirement.VALUES_CHECK_PASSED, Requirement.UN_MEMBER)
_SUBMIT = (*_JOIN, Requirement.LETTER_SUBMITTED)

# Member states a country can be suspended or withdraw from.
MEMBER_STATES: frozenset[Status] = frozenset(
    {
        Status.PARTICIPATING,
        Status.ACTIVE,
        Status.ELIGIBILITY_REVIEW,
        Status.CONTRARY_TO_PROCESS,
        Status.PROCEDURAL_REVIEW,
        Status.INACTIVE,
        Status.SUSPENDED,
    }
)


def _t(
    source: Status,
    target: Status,
    actors: frozenset[Actor],
    requires: tuple[Requirement, ...],
    summary: str,
) -> Transition:
    return Transition(source, target, actors, requires, summary)


_NOT_ELIGIBLE_ANY = (Requirement.NOT_FULLY_ELIGIBLE, Requirement.REASON_GIVEN)

TRANSITIONS: tuple[Transition, ...] = (
    # Eligibility assessment of non-members.
    _t(Status.NOT_ASSESSED, Status.ELIGIBLE, SU_SYSTEM, _JOIN, "First assessment: eligible."),
    _t(
        Status.NOT_ASSESSED,
        Status.NOT_ELIGIBLE,
        SU_SYSTEM,
        _NOT_ELIGIBLE_ANY,
        "First assessment: not eligible.",
    ),
    _t(Status.NOT_ELIGIBLE, Status.ELIGIBLE, SU_SYSTEM, _JOIN, "A new cycle finds it eligible."),
    _t(
        Status.ELIGIBLE,
        Status.NOT_ELIGIBLE,
        SU_SYSTEM,
        _NOT_ELIGIBLE_ANY,
        "A new cycle finds it no longer eligible.",
    ),
    # Letter of intent.
    _t(
        Status.ELIGIBLE,
        Status.LETTER_SUBMITTED,
        GOV,
        _SUBMIT,
        "The government submits a signed letter of intent.",
    ),
    _t(
        Status.LETTER_SUBMITTED,
        Status.LETTER_RETURNED,
        SU,
        (Requirement.REASON_GIVEN,),
        "The Support Unit returns the letter for changes, with reasons.",
    ),
    _t(
        Status.LETTER_RETURNED,
        Status.LETTER_SUBMITTED,
        GOV,
        _SUBMIT,
        "The government submits the corrected letter.",
    ),
    _t(
        Status.LETTER_SUBMITTED,
        Status.PARTICIPATING,
        SU,
        (Requirement.LETTER_ACCEPTED,),
        "The Support Unit accepts the letter; onboarding starts.",
    ),
    _t(
        Status.LETTER_SUBMITTED,
        Status.NOT_ELIGIBLE,
        SU_SYSTEM,
        _NOT_ELIGIBLE_ANY,
        "A new cycle finds it no longer eligible while the letter is pending.",
    ),
    _t(
        Status.LETTER_RETURNED,
        Status.NOT_ELIGIBLE,
        SU_SYSTEM,
        _NOT_ELIGIBLE_ANY,
        "A new cycle finds it no longer eligible while the letter is being corrected.",
    ),
    # Onboarding.
    _t(
        Status.PARTICIPATING,
        Status.ACTIVE,
        SU_SYSTEM,
        (Requirement.CO_CREATION_STARTED,),
        "Co-creation of the first action plan with civil society has started.",
    ),
    # Eligibility Review.
    _t(
        Status.ACTIVE,
        Status.ELIGIBILITY_REVIEW,
        SU_SYSTEM,
        (Requirement.TWO_CYCLES_BELOW_MINIMUM,),
        "Below the eligibility minimum for two consecutive cycles.",
    ),
    _t(
        Status.ELIGIBILITY_REVIEW,
        Status.ACTIVE,
        SU_SYSTEM,
        (Requirement.MEETS_MINIMUM,),
        "Meets the eligibility minimum again.",
    ),
    # Acting contrary to process and Procedural Review.
    _t(
        Status.ACTIVE,
        Status.CONTRARY_TO_PROCESS,
        SU,
        (Requirement.CONTRARY_FINDING, Requirement.REASON_GIVEN),
        "The Support Unit finds the country acted contrary to process and notifies it.",
    ),
    _t(
        Status.ELIGIBILITY_REVIEW,
        Status.CONTRARY_TO_PROCESS,
        SU,
        (Requirement.CONTRARY_FINDING, Requirement.REASON_GIVEN),
        "A country under Eligibility Review also acts contrary to process.",
    ),
    _t(
        Status.CONTRARY_TO_PROCESS,
        Status.ACTIVE,
        SU,
        (Requirement.CONTRARY_RESOLVED,),
        "The next cycle follows the process.",
    ),
    _t(
        Status.CONTRARY_TO_PROCESS,
        Status.PROCEDURAL_REVIEW,
        SU_SYSTEM,
        (Requirement.TWO_CONTRARY_CYCLES,),
        "Contrary to process for two consecutive cycles: Procedural Review.",
    ),
    _t(
        Status.PROCEDURAL_REVIEW,
        Status.ACTIVE,
        SU,
        (Requirement.CONTRARY_RESOLVED,),
        "The second instance is fixed under the published protocol.",
    ),
    _t(
        Status.PROCEDURAL_REVIEW,
        Status.INACTIVE,
        SU,
        (Requirement.DECISION_REFERENCE, Requirement.REASON_GIVEN),
        "Steering Committee decision: inactive after Procedural Review.",
    ),
    _t(
        Status.INACTIVE,
        Status.ACTIVE,
        SU,
        (Requirement.DECISION_REFERENCE, Requirement.REASON_GIVEN),
        "Steering Committee decision: active again.",
    ),
    # Response Policy.
    *(
        _t(
            source,
            Status.SUSPENDED,
            SU,
            (Requirement.DECISION_REFERENCE, Requirement.REASON_GIVEN),
            "Suspended under the Response Policy.",
        )
        for source in sorted(MEMBER_STATES - {Status.SUSPENDED})
    ),
    _t(
        Status.SUSPENDED,
        Status.ACTIVE,
        SU,
        (Requirement.DECISION_REFERENCE, Requirement.REASON_GIVEN),
        "Suspension lifted by the Steering Committee.",
    ),
    # Withdrawal and rejoining.
    *(
        _t(
            source,
            Status.WITHDRAWN,
            GOV_SU,
            (Requirement.WITHDRAWAL_NOTICE,),
            "The government notifies its withdrawal from OGP.",
        )
        for source in sorted(MEMBER_STATES)
    ),
    _t(
        Status.WITHDRAWN,
        Status.ELIGIBLE,
        SU_SYSTEM,
        _JOIN,
        "Rejoining: eligible again (Core Eligibility and Values Check); a new letter follows.",
    ),
    _t(
        Status.WITHDRAWN,
        Status.NOT_ELIGIBLE,
        SU_SYSTEM,
        _NOT_ELIGIBLE_ANY,
        "A withdrawn country is assessed as not eligible to rejoin.",
    ),
)

_BY_EDGE: dict[tuple[Status, Status], Transition] = {(t.source, t.target): t for t in TRANSITIONS}
if len(_BY_EDGE) != len(TRANSITIONS):  # pragma: no cover - guards the table above
    raise RuntimeError("duplicate membership status transition")


def transition_for(source: Status | str, target: Status | str) -> Transition | None:
    return _BY_EDGE.get((Status(source), Status(target)))


def decide(
    source: Status | str, target: Status | str, actor: Actor | str, facts: StatusFacts
) -> Decision:
    """May ``actor`` move a country from ``source`` to ``target`` given ``facts``?

    Refusal reasons, in the order they are checked: ``same_status``,
    ``no_such_transition``, ``actor_not_permitted``, then the first unmet
    :class:`Requirement` in the transition's order.
    """
    src, dst, who = Status(source), Status(target), Actor(actor)
    if src == dst:
        return Decision(False, src, dst, who, Refusal.SAME_STATUS)
    transition = _BY_EDGE.get((src, dst))
    if transition is None:
        return Decision(False, src, dst, who, Refusal.NO_SUCH_TRANSITION)
    if who not in transition.actors:
        return Decision(False, src, dst, who, Refusal.ACTOR_NOT_PERMITTED, transition)
    for requirement in transition.requires:
        if not requirement_met(requirement, facts):
            return Decision(False, src, dst, who, requirement.value, transition)
    return Decision(True, src, dst, who, "ok", transition)


def allowed_targets(
    source: Status | str, actor: Actor | str, facts: StatusFacts
) -> tuple[Status, ...]:
    """Targets ``actor`` may move to from ``source`` right now, in table order."""
    return tuple(
        t.target
        for t in TRANSITIONS
        if t.source == Status(source) and decide(t.source, t.target, actor, facts).allowed
    )


def targets_for_actor(source: Status | str, actor: Actor | str) -> tuple[Transition, ...]:
    """Transitions ``actor`` may trigger from ``source`` (requirements not checked)."""
    return tuple(t for t in TRANSITIONS if t.source == Status(source) and Actor(actor) in t.actors)


_ASSESSABLE = frozenset({Status.NOT_ASSESSED, Status.NOT_ELIGIBLE, Status.WITHDRAWN})


def status_after_cycle(
    current: Status | str,
    *,
    core_eligible: bool | None,
    values_check_passed: bool | None,
    un_member: bool,
    eligibility_review: bool,
) -> Status | None:
    """The status a newly published eligibility cycle implies, or None for "no change".

    Non-members become eligible or not eligible; an eligible country that fails becomes not
    eligible (a pending letter is left to the Support Unit); an active member flagged for
    Eligibility Review enters it, and leaves it when it meets the minimum again. "Unknown"
    (no data) never changes anything.
    """
    current = Status(current)  # type: ignore[assignment]  # normalise a plain string
    facts = StatusFacts(
        core_eligible=core_eligible, values_check_passed=values_check_passed, un_member=un_member
    )
    failed = requirement_met(Requirement.NOT_FULLY_ELIGIBLE, facts)
    if current in _ASSESSABLE:
        if facts.fully_eligible:
            return Status.ELIGIBLE
        if failed and current != Status.NOT_ELIGIBLE:
            return Status.NOT_ELIGIBLE
        return None
    if current == Status.ELIGIBLE:
        return Status.NOT_ELIGIBLE if failed else None
    if current == Status.ACTIVE and eligibility_review:
        return Status.ELIGIBILITY_REVIEW
    if current == Status.ELIGIBILITY_REVIEW and core_eligible is True:
        return Status.ACTIVE
    return None
