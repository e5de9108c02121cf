"""What participation answers to other apps' hooks (declared on ParticipationConfig.hooks)."""

from typing import Any

from ogp.core.hooks import PageSection

from .models import Event, ForumMembership


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
