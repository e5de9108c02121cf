from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EligibilityConfig(AppConfig):
    name = "ogp.eligibility"
    label = "eligibility"
    verbose_name = _("Eligibility")
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {"country_sections": "ogp.eligibility.hooks.country_sections"}
    # Top-level navigation links and country hub sections (see docs/development.md).
    nav_items: list[tuple[Any, str]] = [(_("Eligibility"), "eligibility:index")]
    country_sections: list[tuple[Any, str]] = [(_("Eligibility"), "eligibility:country")]
    staff_items: list[tuple[Any, str]] = [(_("Eligibility cycles and data"), "eligibility:staff")]

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the django-rules permissions)
