from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.utils import translation
from django.utils.translation import pgettext

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.site import site_base_url


@dataclass(frozen=True)
class PlatformSite:
    """What account e-mails call the site: the platform's name, not the host and port."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Account e-mails in the recipient's preferred language, naming the platform, with links to
    the address the person used (allauth builds them from the request)."""

    def save_user(self, request, user, form, commit=True):  # type: ignore[no-untyped-def]
        if not commit:
            return super().save_user(request, user, form, commit=False)
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=True)
            audit_record(
                actor=user,
                action=AuditAction.USER_SIGN_UP,
                target=user,
                after=snapshot(user, ["email", "full_name", "role", "preferred_language"]),
            )
        return user

    def send_mail(self, template_prefix, email, context):  # type: ignore[no-untyped-def]
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            base_url = site_base_url()
            context = {
                **context,
                "current_site": PlatformSite(
                    name=pgettext("inside a sentence", "Open Government Partnership platform"),
                    domain=base_url.split("://", 1)[-1],
                ),
                "site_url": base_url,
            }
            return super().send_mail(template_prefix, email, context)

    def get_client_ip(self, request):  # type: ignore[no-untyped-def]
        """Login and sign-up limits key on the same trusted address as the platform's own."""
        from ogp.core.clientip import client_ip

        return client_ip(request)
