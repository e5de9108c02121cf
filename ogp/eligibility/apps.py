from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EligibilityConfig(AppConfig):
    name = "ogp.eligibility"
    label = "eligibility"
    verbose_name = _("Eligibility")
    # Top-level navigation links and country hub sections (see docs/development.md).
    nav_items: list[tuple[str, str]] = []
    country_sections: list[tuple[str, str]] = []
