from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ogp.monitoring"
    label = "monitoring"
    verbose_name = _("Self-assessments and public comment on monitoring reports")
    default_auto_field = "django.db.models.BigAutoField"
    hooks = {
        "irm_report_publish_refusals": "ogp.monitoring.hooks.irm_report_publish_refusals",
        "follow_targets": "ogp.monitoring.hooks.follow_targets",
    }
    country_sections: list[tuple[Any, str]] = [
        (_("Self-assessments and comments on IRM drafts"), "monitoring:country"),
    ]
