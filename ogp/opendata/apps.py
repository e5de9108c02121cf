from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "ogp.opendata"
    label = "opendata"
    verbose_name = _("Open data")
    nav_items: list[tuple[Any, str]] = [(_("Open data"), "opendata:index")]
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {
        "plan_published": "ogp.opendata.signals.plan_published",
        "irm_report_published": "ogp.opendata.signals.irm_report_published",
    }

    def ready(self) -> None:
        from . import signals  # noqa: F401  (rebuild the packages when a cycle is published)
