from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "ogp.search"
    label = "search"
    verbose_name = _("Search")
    nav_items: list[tuple[Any, str]] = [(_("Search"), "search:page")]

    def ready(self) -> None:
        from . import plan_documents, registry  # noqa: F401  (connect the index signals)

        plan_documents.register_plan_types()
