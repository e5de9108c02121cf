from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ogp.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def staff_checklist(self) -> list[dict[str, Any]]:
        from django.urls import reverse

        from .models import RoleRequest

        return [
            {
                "kind": "waiting",
                "label": _("Role requests"),
                "count": RoleRequest.objects.filter(state=RoleRequest.State.PENDING).count(),
                "url": reverse("accounts:staff-home") + "#requests-heading",
            }
        ]
