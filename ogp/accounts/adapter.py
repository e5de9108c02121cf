from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Send account e-mails in the recipient's preferred language."""

    def send_mail(self, template_prefix, email, context):  # type: ignore[no-untyped-def]
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
