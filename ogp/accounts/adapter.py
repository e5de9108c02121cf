from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import pgettext

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.mail import queue_email
from ogp.core.models import OutboundEmail
from ogp.core.site import site_base_url


@dataclass(frozen=True)
class PlatformSite:
    """What account e-mails call the site: the platform's name, not the host and port."""

    name: str
    domain: str


def outbox_store(template: str, message: EmailMessage) -> OutboundEmail:
    """Put a rendered message in the platform's outbox: delivered by the task queue with
    retries, and listed for staff when the last try fails (as every other e-mail)."""
    html = ""
    body = str(message.body)
    if getattr(message, "content_subtype", "plain") == "html":
        html, body = body, strip_tags(body)
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = str(content)
    email = OutboundEmail.objects.create(
        template=template[:200],
        to=list(message.to),
        subject=str(message.subject)[:998],
        body=body,
        html=html,
        headers=dict(message.extra_headers),
    )
    queue_email(email.pk)
    return email


class AccountAdapter(DefaultAccountAdapter):
    """Account e-mails in the recipient's preferred language, naming the platform, with links to
    the address the person used (allauth builds them from the request). They go through the
    outbox like every other e-mail: retried, and visible to staff when they fail."""

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
            message = self.render_mail(template_prefix, email, context)
        outbox_store(template_prefix, message)

    def get_client_ip(self, request):  # type: ignore[no-untyped-def]
        """Login and sign-up limits key on the same trusted address as the platform's own."""
        from ogp.core.clientip import client_ip

        return client_ip(request)
