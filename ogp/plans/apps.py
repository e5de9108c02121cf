from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "ogp.plans"
    label = "plans"
    verbose_name = _("Action plans and commitments")
    default_auto_field = "django.db.models.BigAutoField"
    nav_items: list[tuple[Any, str]] = [(_("Commitments"), "plans:explorer")]
    hooks = {"contrary_to_process_record": "ogp.plans.hooks.contrary_to_process_record"}
    country_sections: list[tuple[Any, str]] = [
        (_("Action plans and commitments"), "plans:country"),
    ]
    staff_items: list[tuple[Any, str]] = [
        (_("Import OGP's commitments and IRM data sheet"), "plans:import"),
        (_("Contrary to process: findings to decide"), "plans:findings"),
    ]
