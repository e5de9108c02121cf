"""The membership status state machine: every allowed and every refused transition."""

import dataclasses
import itertools

import pytest

from ogp.membership.domain.status import (
    MEMBER_STATES,
    TRANSITIONS,
    Actor,
    Refusal,
    Requirement,
    Status,
    StatusFacts,
    allowed_targets,
    decide,
    targets_for_actor,
)

S = Status
R = Requirement
SU = {Actor.SUPPORT_UNIT}
SU_SYS = {Actor.SUPPORT_UNIT, Actor.SYSTEM}
GOV = {Actor.GOVERNMENT}
GOV_SU = {Actor.GOVERNMENT, Actor.SUPPORT_UNIT}
JOIN = (R.ELIGIBLE, R.VALUES_CHECK_PASSED, R.UN_MEMBER)
NOT_ELIG = (R.NOT_FULLY_ELIGIBLE, R.REASON_GIVEN)
DECISION = (R.DECISION_REFERENCE, R.REASON_GIVEN)
CONTRARY = (R.CONTRARY_FINDING, R.REASON_GIVEN)

# The specification, written out independently of the implementation's table.
EXPECTED = {
    (S.NOT_ASSESSED, S.ELIGIBLE): (SU_SYS, JOIN),
    (S.NOT_ASSESSED, S.NOT_ELIGIBLE): (SU_SYS, NOT_ELIG),
    (S.NOT_ELIGIBLE, S.ELIGIBLE): (SU_SYS, JOIN),
    (S.ELIGIBLE, S.NOT_ELIGIBLE): (SU_SYS, NOT_ELIG),
    (S.ELIGIBLE, S.LETTER_SUBMITTED): (GOV, (*JOIN, R.LETTER_SUBMITTED)),
    (S.LETTER_SUBMITTED, S.LETTER_RETURNED): (SU, (R.REASON_GIVEN,)),
    (S.LETTER_RETURNED, S.LETTER_SUBMITTED): (GOV, (*JOIN, R.LETTER_SUBMITTED)),
    (S.LETTER_SUBMITTED, S.PARTICIPATING): (SU, (R.LETTER_ACCEPTED,)),
    (S.LETTER_SUBMITTED, S.NOT_ELIGIBLE): (SU_SYS, NOT_ELIG),
    (S.LETTER_RETURNED, S.NOT_ELIGIBLE): (SU_SYS, NOT_ELIG),
    (S.PARTICIPATING, S.ACTIVE): (SU_SYS, (R.CO_CREATION_STARTED,)),
    (S.ACTIVE, S.ELIGIBILITY_REVIEW): (SU_SYS, (R.TWO_CYCLES_BELOW_MINIMUM,)),
    (S.ELIGIBILITY_REVIEW, S.ACTIVE): (SU_SYS, (R.MEETS_MINIMUM,)),
    (S.ACTIVE, S.CONTRARY_TO_PROCESS): (SU, CONTRARY),
    (S.ELIGIBILITY_REVIEW, S.CONTRARY_TO_PROCESS): (SU, CONTRARY),
    (S.CONTRARY_TO_PROCESS, S.ACTIVE): (SU, (R.CONTRARY_RESOLVED,)),
    (S.CONTRARY_TO_PROCESS, S.PROCEDURAL_REVIEW): (SU_SYS, (R.TWO_CONTRARY_CYCLES,)),
    (S.PROCEDURAL_REVIEW, S.ACTIVE): (SU, (R.CONTRARY_RESOLVED,)),
    (S.PROCEDURAL_REVIEW, S.INACTIVE): (SU, DECISION),
    (S.INACTIVE, S.ACTIVE): (SU, DECISION),
    (S.SUSPENDED, S.ACTIVE): (SU, DECISION),
    (S.WITHDRAWN, S.ELIGIBLE): (SU_SYS, JOIN),
    (S.WITHDRAWN, S.NOT_ELIGIBLE): (SU_SYS, NOT_ELIG),
    **{
        (src, S.SUSPENDED): (SU, DECISION)
        for src in (
            S.PARTICIPATING,
            S.ACTIVE,
            S.ELIGIBILITY_REVIEW,
            S.CONTRARY_TO_PROCESS,
            S.PROCEDURAL_REVIEW,
            S.INACTIVE,
        )
    },
    **{
        (src, S.WITHDRAWN): (GOV_SU, (R.WITHDRAWAL_NOTICE,))
        for src in (
            S.PARTICIPATING,
            S.ACTIVE,
            S.ELIGIBILITY_REVIEW,
            S.CONTRARY_TO_PROCESS,
            S.PROCEDURAL_REVIEW,
            S.INACTIVE,
            S.SUSPENDED,
        )
    },
}

# How to satisfy, and how to break, each requirement (starting from StatusFacts()).
SATISFY = {
    R.ELIGIBLE: {"core_eligible": True},
    R.VALUES_CHECK_PASSED: {"values_check_passed": True},
    R.UN_MEMBER: {"un_member": True},
    R.NOT_FULLY_ELIGIBLE: {"core_eligible": False},
    R.LETTER_SUBMITTED: {"letter_submitted": True},
    R.LETTER_ACCEPTED: {"letter_accepted": True},
    R.REASON_GIVEN: {"reason": "Cycle 2026 published"},
    R.CO_CREATION_STARTED: {"co_creation_started": True},
    R.TWO_CYCLES_BELOW_MINIMUM: {"consecutive_cycles_below_minimum": 2},
    R.MEETS_MINIMUM: {"core_eligible": True},
    R.CONTRARY_FINDING: {"contrary_to_process_finding": True},
    R.TWO_CONTRARY_CYCLES: {"consecutive_contrary_cycles": 2},
    R.CONTRARY_RESOLVED: {"contrary_to_process_resolved": True},
    R.DECISION_REFERENCE: {"decision_reference": "SC resolution 2026-04"},
    R.WITHDRAWAL_NOTICE: {"withdrawal_notice": True},
}
BREAK = {
    R.ELIGIBLE: {"core_eligible": False},
    R.VALUES_CHECK_PASSED: {"values_check_passed": False},
    R.UN_MEMBER: {"un_member": False},
    R.NOT_FULLY_ELIGIBLE: {"core_eligible": True, "values_check_passed": True, "un_member": True},
    R.LETTER_SUBMITTED: {"letter_submitted": False},
    R.LETTER_ACCEPTED: {"letter_accepted": False},
    R.REASON_GIVEN: {"reason": "   "},
    R.CO_CREATION_STARTED: {"co_creation_started": False},
    R.TWO_CYCLES_BELOW_MINIMUM: {"consecutive_cycles_below_minimum": 1},
    R.MEETS_MINIMUM: {"core_eligible": False},
    R.CONTRARY_FINDING: {"contrary_to_process_finding": False},
    R.TWO_CONTRARY_CYCLES: {"consecutive_contrary_cycles": 1},
    R.CONTRARY_RESOLVED: {"contrary_to_process_resolved": False},
    R.DECISION_REFERENCE: {"decision_reference": ""},
    R.WITHDRAWAL_NOTICE: {"withdrawal_notice": False},
}


def facts_meeting(requirements, *, except_for=None):
    values = {}
    for req in requirements:
        if req != except_for:
            values.update(SATISFY[req])
    if except_for is not None:
        values.update(BREAK[except_for])
    return StatusFacts(**values)


def test_table_matches_specification():
    table = {(t.source, t.target): (set(t.actors), t.requires) for t in TRANSITIONS}
    assert table == EXPECTED


def test_every_requirement_has_a_satisfy_and_break_case():
    assert set(SATISFY) == set(Requirement) == set(BREAK)


GRID = list(itertools.product(Status, Status, Actor))


@pytest.mark.parametrize(("source", "target", "actor"), GRID)
def test_full_grid(source, target, actor):
    expected = EXPECTED.get((source, target))
    if source == target:
        decision = decide(source, target, actor, StatusFacts())
        assert (decision.allowed, decision.reason) == (False, Refusal.SAME_STATUS)
        return
    if expected is None:
        # No facts can make an undefined transition possible.
        everything = facts_meeting(list(Requirement))
        decision = decide(source, target, actor, everything)
        assert (decision.allowed, decision.reason) == (False, Refusal.NO_SUCH_TRANSITION)
        return
    actors, requirements = expected
    facts = facts_meeting(requirements)
    decision = decide(source, target, actor, facts)
    if actor not in actors:
        assert (decision.allowed, decision.reason) == (False, Refusal.ACTOR_NOT_PERMITTED)
        return
    assert decision.allowed, decision
    assert decision.reason == "ok"
    assert decision.transition is not None
    assert target in allowed_targets(source, actor, facts)


REQUIREMENT_CASES = [
    (source, target, actor, req)
    for (source, target), (actors, reqs) in EXPECTED.items()
    for actor in sorted(actors)
    for req in reqs
]


@pytest.mark.parametrize(("source", "target", "actor", "requirement"), REQUIREMENT_CASES)
def test_each_requirement_refuses_when_unmet(source, target, actor, requirement):
    _, reqs = EXPECTED[(source, target)]
    facts = facts_meeting(reqs, except_for=requirement)
    decision = decide(source, target, actor, facts)
    assert not decision.allowed
    assert decision.reason == requirement.value
    assert target not in allowed_targets(source, actor, facts)


@pytest.mark.parametrize(("cycles", "allowed"), [(0, False), (1, False), (2, True), (3, True)])
def test_eligibility_review_after_two_consecutive_cycles(cycles, allowed):
    facts = StatusFacts(consecutive_cycles_below_minimum=cycles)
    decision = decide(S.ACTIVE, S.ELIGIBILITY_REVIEW, Actor.SYSTEM, facts)
    assert decision.allowed is allowed


@pytest.mark.parametrize(("cycles", "allowed"), [(0, False), (1, False), (2, True), (3, True)])
def test_procedural_review_after_two_consecutive_contrary_cycles(cycles, allowed):
    facts = StatusFacts(consecutive_contrary_cycles=cycles)
    decision = decide(S.CONTRARY_TO_PROCESS, S.PROCEDURAL_REVIEW, Actor.SYSTEM, facts)
    assert decision.allowed is allowed


@pytest.mark.parametrize(
    ("core", "values", "un", "reason"),
    [
        (None, True, True, R.ELIGIBLE),
        (True, None, True, R.VALUES_CHECK_PASSED),
        (False, False, False, R.ELIGIBLE),
        (True, False, True, R.VALUES_CHECK_PASSED),
        (True, True, False, R.UN_MEMBER),
        (True, True, True, "ok"),
    ],
)
def test_rejoining_after_withdrawal_requires_eligibility_again(core, values, un, reason):
    facts = StatusFacts(core_eligible=core, values_check_passed=values, un_member=un)
    decision = decide(S.WITHDRAWN, S.ELIGIBLE, Actor.SYSTEM, facts)
    assert decision.reason == reason


def test_unknown_eligibility_is_not_a_finding_of_ineligibility():
    facts = StatusFacts(core_eligible=None, values_check_passed=None, reason="x")
    decision = decide(S.ELIGIBLE, S.NOT_ELIGIBLE, Actor.SYSTEM, facts)
    assert decision.reason == R.NOT_FULLY_ELIGIBLE


@pytest.mark.parametrize(
    "facts",
    [
        StatusFacts(core_eligible=False, values_check_passed=True, reason="r"),
        StatusFacts(core_eligible=True, values_check_passed=False, reason="r"),
        StatusFacts(core_eligible=True, values_check_passed=True, un_member=False, reason="r"),
    ],
)
def test_any_failed_condition_makes_a_country_not_eligible(facts):
    assert decide(S.ELIGIBLE, S.NOT_ELIGIBLE, Actor.SUPPORT_UNIT, facts).allowed


def test_requirements_checked_in_order_first_unmet_is_reported():
    decision = decide(S.ELIGIBLE, S.LETTER_SUBMITTED, Actor.GOVERNMENT, StatusFacts())
    assert decision.reason == R.ELIGIBLE


def test_values_are_accepted_as_plain_strings():
    decision = decide(
        "letter_submitted", "participating", "support_unit", StatusFacts(letter_accepted=True)
    )
    assert decision.allowed


def test_targets_for_actor_lists_only_the_actors_transitions():
    gov = {t.target for t in targets_for_actor(S.ACTIVE, Actor.GOVERNMENT)}
    assert gov == {S.WITHDRAWN}
    su = {t.target for t in targets_for_actor(S.ACTIVE, Actor.SUPPORT_UNIT)}
    assert su == {S.ELIGIBILITY_REVIEW, S.CONTRARY_TO_PROCESS, S.SUSPENDED, S.WITHDRAWN}


def test_member_states():
    assert S.ELIGIBLE not in MEMBER_STATES
    assert S.WITHDRAWN not in MEMBER_STATES
    assert S.PARTICIPATING in MEMBER_STATES


def test_facts_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        StatusFacts().reason = "x"  # type: ignore[misc]


CYCLE_CASES = [
    # current, core, values, un, review -> expected
    (S.NOT_ASSESSED, True, True, True, False, S.ELIGIBLE),
    (S.NOT_ASSESSED, False, True, True, False, S.NOT_ELIGIBLE),
    (S.NOT_ASSESSED, None, None, True, False, None),
    (S.NOT_ASSESSED, True, None, True, False, None),
    (S.NOT_ASSESSED, True, True, False, False, S.NOT_ELIGIBLE),
    (S.NOT_ELIGIBLE, True, True, True, False, S.ELIGIBLE),
    (S.NOT_ELIGIBLE, False, True, True, False, None),
    (S.NOT_ELIGIBLE, True, False, True, False, None),
    (S.WITHDRAWN, True, True, True, False, S.ELIGIBLE),
    (S.WITHDRAWN, True, False, True, False, S.NOT_ELIGIBLE),
    (S.ELIGIBLE, True, True, True, False, None),
    (S.ELIGIBLE, False, True, True, False, S.NOT_ELIGIBLE),
    (S.ELIGIBLE, True, False, True, False, S.NOT_ELIGIBLE),
    (S.ELIGIBLE, None, None, True, False, None),
    (S.LETTER_SUBMITTED, False, False, True, False, None),
    (S.LETTER_RETURNED, False, False, True, False, None),
    (S.PARTICIPATING, False, None, True, True, None),
    (S.ACTIVE, False, None, True, True, S.ELIGIBILITY_REVIEW),
    (S.ACTIVE, False, None, True, False, None),
    (S.ACTIVE, True, None, True, False, None),
    (S.ELIGIBILITY_REVIEW, True, None, True, False, S.ACTIVE),
    (S.ELIGIBILITY_REVIEW, False, None, True, True, None),
    (S.ELIGIBILITY_REVIEW, None, None, True, False, None),
    (S.SUSPENDED, True, True, True, False, None),
    (S.PROCEDURAL_REVIEW, False, None, True, True, None),
]


@pytest.mark.parametrize(("current", "core", "values", "un", "review", "expected"), CYCLE_CASES)
def test_status_after_cycle(current, core, values, un, review, expected):
    from ogp.membership.domain.status import status_after_cycle

    result = status_after_cycle(
        current,
        core_eligible=core,
        values_check_passed=values,
        un_member=un,
        eligibility_review=review,
    )
    assert result == expected
    if result is not None:
        # Whatever a cycle implies is a transition the system may make with those facts.
        facts = StatusFacts(
            core_eligible=core,
            values_check_passed=values,
            un_member=un,
            consecutive_cycles_below_minimum=2 if review else 0,
            reason="Eligibility cycle published",
        )
        assert decide(current, result, Actor.SYSTEM, facts).allowed
