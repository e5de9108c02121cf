"""Participation models, one module per area."""

from .directory import ConsentRecord, Person
from .events import Event, EventKind, Registration
from .forums import (
    Forum,
    ForumMembership,
    Meeting,
    MeetingDocument,
    MembershipRequest,
)
from .lists import ListMessage, MailingList, Subscription

__all__ = [
    "ConsentRecord",
    "Event",
    "EventKind",
    "Forum",
    "ForumMembership",
    "ListMessage",
    "MailingList",
    "Meeting",
    "MeetingDocument",
    "MembershipRequest",
    "Person",
    "Registration",
    "Subscription",
]
