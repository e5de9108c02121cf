from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """Moderation, content reports, follows, activity and digests, on any model (generic
    relations), for the domain apps above it (participation today; plans, co-creation and
    monitoring reports next)."""

    name = "ogp.engagement"
    label = "engagement"
    verbose_name = _("Engagement")
