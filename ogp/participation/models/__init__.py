"""Participation models, one module per area."""

from ogp.engagement.models import ContentReport

from .directory import ConsentRecord, Person
from .events import Event, EventKind, Registration
from .follow import Activity, DigestPreference, Follow
from .forums import (
    Forum,
    ForumMembership,
    Meeting,
    MeetingDocument,
    MembershipRequest,
)
from .lists import ListMessage, MailingList, Subscription

__all__ = [
    "Activity",
    "ConsentRecord",
    "ContentReport",
    "DigestPreference",
    "Event",
    "EventKind",
    "Follow",
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
