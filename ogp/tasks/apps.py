from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "ogp.tasks"
    label = "ogp_tasks"
    verbose_name = _("Background tasks")
    # Answers to other apps' hooks (ogp/core/hooks.py), as dotted paths.
    hooks = {"import_runners": "ogp.tasks.imports.import_runners"}
    staff_items: list[tuple[Any, str]] = [
        (_("Background tasks and e-mails that failed"), "ogp_tasks:staff"),
    ]
