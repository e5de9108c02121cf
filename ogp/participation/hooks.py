"""What participation answers to other apps' hooks (declared on ParticipationConfig.hooks)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ogp.core.hooks import FollowTarget, PageSection
from ogp.countries.models import Country

from .models import Event, Forum, ForumMembership


def follow_targets() -> list[FollowTarget]:
    """Countries (their civil-society page), forums and events can be followed; digests tell
    followers what changed on them."""
    return [
        FollowTarget(
            kind="country", model=Country, key="iso3", label=_("country"),
            url=lambda country: reverse("participation:country", args=[country.iso3]),
        ),
        FollowTarget(kind="forum", model=Forum, key="slug", label=_("forum")),
        FollowTarget(kind="event", model=Event, key="slug", label=_("event")),
    ]  # fmt: skip


def organisation_sections(organisation: Any) -> list[PageSection]:
    """The organisation's forum seats and events, on the organisation page."""
    memberships = (
        ForumMembership.objects.filter(organisation=organisation)
        .select_related("forum", "forum__country")
        .order_by("forum__name")
    )
    events = Event.objects.filter(organisation=organisation).order_by("-starts_at")[:20]
    return [
        PageSection(
            template="organisations/_forum_memberships.html",
            context={"forum_memberships": memberships},
            order=10,
        ),
        PageSection(template="organisations/_events.html", context={"events": events}, order=20),
    ]
