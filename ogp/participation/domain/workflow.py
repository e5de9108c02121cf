"""State machines for forum membership requests, mailing-list subscriptions and moderation.

Each machine is a table of ``(state, action) -> new state`` plus the conditions a transition
needs (a reason to decline or hide). :func:`transition` raises :class:`TransitionError` with a
stable ``code`` that the Django layer turns into a translated message.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

# moderation moved to ogp.engagement.domain.moderation (any content can be moderated)
from ogp.engagement.domain.moderation import (  # noqa: F401  (re-exported)
    ModerationAction,
    ModerationState,
    ReportState,
    ReportSummary,
    TransitionError,
    moderation_transition,
    should_queue,
)

# --- forum membership requests -------------------------------------------------------------


class RequestState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class RequestAction(enum.StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    WITHDRAW = "withdraw"


_REQUEST_TABLE: dict[tuple[RequestState, RequestAction], RequestState] = {
    (RequestState.PENDING, RequestAction.APPROVE): RequestState.APPROVED,
    (RequestState.PENDING, RequestAction.DECLINE): RequestState.DECLINED,
    (RequestState.PENDING, RequestAction.WITHDRAW): RequestState.WITHDRAWN,
}


def request_transition(
    state: RequestState, action: RequestAction, *, reason: str = ""
) -> RequestState:
    target = _REQUEST_TABLE.get((state, action))
    if target is None:
        raise TransitionError("request_not_pending")
    if action is RequestAction.DECLINE and not reason.strip():
        raise TransitionError("reason_required")
    return target


def can_request_membership(*, is_member: bool, has_pending_request: bool) -> str | None:
    """``None`` when a new request may be made, otherwise the refusal code."""
    if is_member:
        return "already_member"
    if has_pending_request:
        return "already_pending"
    return None


# --- mailing-list subscriptions ------------------------------------------------------------


class SubscriptionState(enum.StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    UNSUBSCRIBED = "unsubscribed"


class SubscriptionAction(enum.StrEnum):
    SUBSCRIBE = "subscribe"
    CONFIRM = "confirm"
    UNSUBSCRIBE = "unsubscribe"


_SubscriptionKey = tuple[SubscriptionState | None, SubscriptionAction]

_SUBSCRIPTION_TABLE: dict[_SubscriptionKey, SubscriptionState] = {
    (None, SubscriptionAction.SUBSCRIBE): SubscriptionState.PENDING,
    (SubscriptionState.PENDING, SubscriptionAction.SUBSCRIBE): SubscriptionState.PENDING,
    (SubscriptionState.UNSUBSCRIBED, SubscriptionAction.SUBSCRIBE): SubscriptionState.PENDING,
    (SubscriptionState.PENDING, SubscriptionAction.CONFIRM): SubscriptionState.CONFIRMED,
    (SubscriptionState.CONFIRMED, SubscriptionAction.UNSUBSCRIBE): SubscriptionState.UNSUBSCRIBED,
    (SubscriptionState.PENDING, SubscriptionAction.UNSUBSCRIBE): SubscriptionState.UNSUBSCRIBED,
}

#: How long a double opt-in confirmation link stays valid.
CONFIRMATION_MAX_AGE = timedelta(days=7)


def subscription_transition(
    state: SubscriptionState | None, action: SubscriptionAction
) -> SubscriptionState:
    """``state`` is ``None`` for an address never subscribed to that list.

    Subscribing again while confirmed is refused (``already_subscribed``); confirming a
    subscription that is no longer pending is refused (``not_pending``): confirmation links are
    single-use. Unsubscribing twice is refused (``already_unsubscribed``).
    """
    target = _SUBSCRIPTION_TABLE.get((state, action))
    if target is not None:
        return target
    if action is SubscriptionAction.SUBSCRIBE:
        raise TransitionError("already_subscribed")
    if action is SubscriptionAction.CONFIRM:
        raise TransitionError("not_pending")
    raise TransitionError("already_unsubscribed")


def confirmation_is_current(
    *, issued_at: datetime, now: datetime, max_age: timedelta = CONFIRMATION_MAX_AGE
) -> bool:
    """A confirmation link is valid up to and including ``max_age`` after it was issued."""
    return issued_at <= now <= issued_at + max_age
