from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ogp.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import collation  # noqa: F401 (registers the SQLite collation on each connection)
