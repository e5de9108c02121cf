from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation
from django.utils.translation import pgettext

from ogp.core.site import site_base_url


@dataclass(frozen=True)
class PlatformSite:
    """What account e-mails call the site: the platform's name, not the host and port."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Account e-mails in the recipient's preferred language, naming the platform, with links to
    the address the person used (allauth builds them from the request)."""

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
