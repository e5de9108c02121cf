from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ogp.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from ogp.core import checks  # noqa: F401 - registers the deploy checks

        # registers the SQLite collation on each connection; stale-page signals of the lean path
        from . import cache_middleware, collation  # noqa: F401
