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

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from .backends import connect_user_cache

        connect_user_cache()

        authenticator_added.connect(_second_factor_activated, dispatch_uid="ogp-mfa-activated")


def _second_factor_activated(sender, request, user, authenticator, **kwargs):  # type: ignore[no-untyped-def]
    from ogp.accounts.middleware import record_second_factor

    if request is not None and authenticator.type == "totp":
        record_second_factor(request, user, authenticator)
