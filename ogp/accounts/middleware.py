"""Support Unit staff must set up two-factor authentication before using the platform."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Pages a staff member without 2FA may still reach: the set-up itself, logout, language.
ALLOWED_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_generate_recovery_codes",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "account_confirm_email",
    "health",
}


def _needs_second_factor(user) -> bool:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False):
        return False
    if not (user.is_staff or getattr(user, "is_support_unit", False)):
        return False
    from allauth.mfa.utils import is_mfa_enabled

    return not is_mfa_enabled(user)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        if not settings.OGP_REQUIRE_STAFF_2FA or not _needs_second_factor(request.user):
            return None
        match = request.resolver_match
        if match is None or match.url_name in ALLOWED_URL_NAMES:
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        messages.warning(
            request,
            _("Support Unit staff must turn on two-factor authentication before continuing."),
        )
        return redirect(reverse("mfa_activate_totp"))
