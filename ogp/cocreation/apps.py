from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "ogp.cocreation"
    label = "cocreation"
    verbose_name = _("Action plan co-creation")
    nav_items: list[tuple[Any, str]] = [(_("Co-creation"), "cocreation:plan-list")]
    hooks = {"plan_process_facts": "ogp.cocreation.hooks.plan_process_facts"}
    country_sections: list[tuple[Any, str]] = [
        (_("Action plans in co-creation and shadow plans"), "cocreation:country"),
    ]
    staff_items: list[tuple[Any, str]] = [
        (_("Submitted action plans (queue)"), "cocreation:staff-queue"),
    ]
