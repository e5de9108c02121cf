from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "ogp.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    nav_items: list[tuple[str, str]] = []
    country_sections: list[tuple[str, str]] = []
