from datetime import datetime, timedelta

import pytest

from ogp.participation.domain.workflow import (
    ModerationAction,
    ModerationState,
    ReportSummary,
    RequestAction,
    RequestState,
    SubscriptionAction,
    SubscriptionState,
    TransitionError,
    can_request_membership,
    confirmation_is_current,
    moderation_transition,
    request_transition,
    should_queue,
    subscription_transition,
)

RS, RA = RequestState, RequestAction


@pytest.mark.parametrize(
    ("state", "action", "result"),
    [
        (RS.PENDING, RA.APPROVE, RS.APPROVED),
        (RS.PENDING, RA.DECLINE, RS.DECLINED),
        (RS.PENDING, RA.WITHDRAW, RS.WITHDRAWN),
    ],
)
def test_request_allowed_transitions(state, action, result):
    assert request_transition(state, action, reason="Not a member of the sector") is result


@pytest.mark.parametrize("state", [RS.APPROVED, RS.DECLINED, RS.WITHDRAWN])
@pytest.mark.parametrize("action", list(RA))
def test_decided_requests_are_final(state, action):
    with pytest.raises(TransitionError) as error:
        request_transition(state, action, reason="x")
    assert error.value.code == "request_not_pending"


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_decline_needs_a_reason(reason):
    with pytest.raises(TransitionError) as error:
        request_transition(RS.PENDING, RA.DECLINE, reason=reason)
    assert error.value.code == "reason_required"


def test_approve_needs_no_reason():
    assert request_transition(RS.PENDING, RA.APPROVE) is RS.APPROVED


@pytest.mark.parametrize(
    ("member", "pending", "code"),
    [(False, False, None), (True, False, "already_member"), (False, True, "already_pending"),
     (True, True, "already_member")],
)  # fmt: skip
def test_can_request(member, pending, code):
    assert can_request_membership(is_member=member, has_pending_request=pending) == code


SS, SA = SubscriptionState, SubscriptionAction


@pytest.mark.parametrize(
    ("state", "action", "result"),
    [
        (None, SA.SUBSCRIBE, SS.PENDING),
        (SS.PENDING, SA.SUBSCRIBE, SS.PENDING),
        (SS.UNSUBSCRIBED, SA.SUBSCRIBE, SS.PENDING),
        (SS.PENDING, SA.CONFIRM, SS.CONFIRMED),
        (SS.CONFIRMED, SA.UNSUBSCRIBE, SS.UNSUBSCRIBED),
        (SS.PENDING, SA.UNSUBSCRIBE, SS.UNSUBSCRIBED),
    ],
)
def test_subscription_transitions(state, action, result):
    assert subscription_transition(state, action) is result


@pytest.mark.parametrize(
    ("state", "action", "code"),
    [
        (SS.CONFIRMED, SA.SUBSCRIBE, "already_subscribed"),
        (SS.CONFIRMED, SA.CONFIRM, "not_pending"),  # single use
        (SS.UNSUBSCRIBED, SA.CONFIRM, "not_pending"),
        (None, SA.CONFIRM, "not_pending"),
        (SS.UNSUBSCRIBED, SA.UNSUBSCRIBE, "already_unsubscribed"),
        (None, SA.UNSUBSCRIBE, "already_unsubscribed"),
    ],
)
def test_subscription_refusals(state, action, code):
    with pytest.raises(TransitionError) as error:
        subscription_transition(state, action)
    assert error.value.code == code


ISSUED = datetime(2026, 1, 1, 12, 0)


@pytest.mark.parametrize(
    ("delta", "valid"),
    [
        (timedelta(seconds=-1), False),
        (timedelta(0), True),
        (timedelta(days=7) - timedelta(seconds=1), True),
        (timedelta(days=7), True),
        (timedelta(days=7, seconds=1), False),
    ],
)
def test_confirmation_age(delta, valid):
    assert confirmation_is_current(issued_at=ISSUED, now=ISSUED + delta) is valid


MS, MA = ModerationState, ModerationAction


def test_hide_and_restore():
    assert moderation_transition(MS.VISIBLE, MA.HIDE, reason="Insult") is MS.HIDDEN
    assert moderation_transition(MS.HIDDEN, MA.RESTORE) is MS.VISIBLE


@pytest.mark.parametrize(
    ("state", "action", "reason", "code"),
    [
        (MS.VISIBLE, MA.HIDE, "", "reason_required"),
        (MS.VISIBLE, MA.HIDE, "  ", "reason_required"),
        (MS.HIDDEN, MA.HIDE, "again", "already_hidden"),
        (MS.VISIBLE, MA.RESTORE, "", "not_hidden"),
    ],
)
def test_moderation_refusals(state, action, reason, code):
    with pytest.raises(TransitionError) as error:
        moderation_transition(state, action, reason=reason)
    assert error.value.code == code


@pytest.mark.parametrize(("open_reports", "queued"), [(0, False), (1, True), (3, True)])
def test_queue_threshold(open_reports, queued):
    assert should_queue(ReportSummary(open_reports=open_reports, reporters=open_reports)) is queued
