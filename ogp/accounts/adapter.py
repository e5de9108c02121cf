from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Send account e-mails in the recipient's preferred language."""

    def send_mail(self, template_prefix, email, context):  # type: ignore[no-untyped-def]
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)

    def get_client_ip(self, request):  # type: ignore[no-untyped-def]
        """Login and sign-up limits key on the same trusted address as the platform's own."""
        from ogp.core.clientip import client_ip

        return client_ip(request)
