from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "ogp.participation"
    label = "participation"
    verbose_name = _("Participation")
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {
        "organisation_sections": "ogp.participation.hooks.organisation_sections",
        "follow_targets": "ogp.participation.hooks.follow_targets",
    }
    # Top-level navigation links and country hub sections (see docs/development.md).
    nav_items: list[tuple[Any, str]] = [
        (_("Take part"), "participation:overview"),
        (_("Forums"), "participation:forum-list"),
        (_("Events"), "participation:event-list"),
        (_("Directory"), "participation:directory"),
    ]
    country_sections: list[tuple[Any, str]] = [
        (_("Civil society: what you can do now"), "participation:country"),
    ]
    # Links on the Support Unit's home page.
    staff_items: list[tuple[Any, str]] = [
        (_("Forums and the six-month meeting rule"), "participation:staff-forums"),
        (_("Mailing lists: subscribers, export, send a message"), "participation:staff-lists"),
        (_("Moderation queue"), "engagement:moderation-queue"),
        (_("Add an event"), "participation:event-create"),
    ]

    def staff_checklist(self) -> list[dict[str, Any]]:
        from django.db.models import Exists, OuterRef
        from django.urls import reverse

        from ogp.engagement.models import ContentReport

        from .models import ForumMembership, MembershipRequest

        coordinators = ForumMembership.objects.filter(
            forum=OuterRef("forum"), role=ForumMembership.Role.COORDINATOR
        )
        return [
            {
                "kind": "waiting",
                "label": _("Requests to join forums without a coordinator"),
                "count": MembershipRequest.objects.filter(state="pending")
                .exclude(Exists(coordinators))
                .count(),
                "url": reverse("participation:staff-forums"),
            },
            {
                "kind": "waiting",
                "label": _("Reports of content to moderate"),
                "count": ContentReport.objects.filter(state=ContentReport.State.OPEN).count(),
                "url": reverse("engagement:moderation-queue"),
            },
        ]
