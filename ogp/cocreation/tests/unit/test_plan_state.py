import pytest

from ogp.cocreation.domain.plan_state import (
    CO_CREATION_STARTED,
    TRANSITIONS,
    PlanActor,
    PlanFacts,
    PlanRefusal,
    PlanRequirement,
    PlanState,
    actions_from,
    decide_plan,
)

S, G, U = PlanState, PlanActor.GOVERNMENT, PlanActor.SUPPORT_UNIT
ALL = PlanFacts(True, True, True, True, "because")


@pytest.mark.parametrize(
    ("source", "action", "actor", "target"),
    [(S.PREPARING, "open", G, S.CO_CREATION), (S.PREPARING, "open", U, S.CO_CREATION),
     (S.CO_CREATION, "submit", G, S.SUBMITTED), (S.RETURNED, "submit", G, S.SUBMITTED),
     (S.SUBMITTED, "return", U, S.RETURNED), (S.SUBMITTED, "publish", U, S.PUBLISHED),
     (S.PREPARING, "withdraw", G, S.WITHDRAWN), (S.CO_CREATION, "withdraw", U, S.WITHDRAWN),
     (S.RETURNED, "withdraw", G, S.WITHDRAWN)],
)  # fmt: skip
def test_allowed(source, action, actor, target):
    decision = decide_plan(source, action, actor, ALL)
    assert (decision.allowed, decision.target, decision.reason) == (True, target, "ok")


@pytest.mark.parametrize(
    ("source", "action", "actor"),
    [(S.CO_CREATION, "submit", U), (S.SUBMITTED, "publish", G), (S.SUBMITTED, "return", G)],
)  # fmt: skip
def test_actor_not_permitted(source, action, actor):
    assert decide_plan(source, action, actor, ALL).reason == PlanRefusal.ACTOR_NOT_PERMITTED


@pytest.mark.parametrize("state", list(PlanState))
@pytest.mark.parametrize("action", ["open", "submit", "return", "publish", "withdraw"])
def test_every_state_action_pair_is_decided(state, action):
    decision = decide_plan(state, action, U, ALL)
    edge = any(t.source == state and t.action == action for t in TRANSITIONS)
    if not edge:
        assert decision.reason == PlanRefusal.NO_SUCH_ACTION
        assert decision.target is None


def test_published_and_withdrawn_are_final():
    for state in (S.PUBLISHED, S.WITHDRAWN):
        assert actions_from(state, G) == ()
        assert actions_from(state, U) == ()


@pytest.mark.parametrize(
    ("source", "action", "facts", "reason"),
    [(S.PREPARING, "open", PlanFacts(timeline_dated=True), PlanRequirement.COUNTRY_JOINED),
     (S.PREPARING, "open", PlanFacts(country_joined=True), PlanRequirement.TIMELINE_DATED),
     (S.CO_CREATION, "submit", PlanFacts(ledger_ok=True), PlanRequirement.FINAL_DRAFT),
     (S.CO_CREATION, "submit", PlanFacts(has_final_draft=True), PlanRequirement.LEDGER_ANSWERED),
     (S.SUBMITTED, "return", PlanFacts(reason=" "), PlanRequirement.REASON_GIVEN),
     (S.SUBMITTED, "publish", PlanFacts(), PlanRequirement.FINAL_DRAFT),
     (S.CO_CREATION, "withdraw", PlanFacts(), PlanRequirement.REASON_GIVEN)],
)  # fmt: skip
def test_requirements(source, action, facts, reason):
    actor = G if action in {"open", "submit", "withdraw"} else U
    decision = decide_plan(source, action, actor, facts)
    assert (decision.allowed, decision.reason) == (False, reason.value)


def test_actions_from_and_started_states():
    assert actions_from(S.PREPARING, G) == ("open", "withdraw")
    assert actions_from(S.SUBMITTED, U) == ("return", "publish")
    assert actions_from(S.SUBMITTED, G) == ()
    assert S.PREPARING not in CO_CREATION_STARTED and S.WITHDRAWN not in CO_CREATION_STARTED
    assert S.PUBLISHED in CO_CREATION_STARTED
