from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "ogp.opendata"
    label = "opendata"
    verbose_name = _("Open data")
    nav_items: list[tuple[Any, str]] = [(_("Open data"), "opendata:index")]

    def ready(self) -> None:
        from . import signals  # noqa: F401  (rebuild the packages when a cycle is published)
