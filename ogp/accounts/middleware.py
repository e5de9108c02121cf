"""Support Unit staff must pass a second factor in *this* session before using the platform.

Having a TOTP device is not enough: a session opened by any other route (the Django admin, a
password-only login, a stolen session of a half-finished login) has no "mfa" authentication
record and is sent to enter a code. Staff without a device are sent to set one up.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .backends import second_factor_enabled

# Pages a staff member without 2FA may still reach: the set-up itself, logout, language.
SETUP_URL_NAMES = {
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
# Pages a staff member with 2FA may reach before entering a code in this session: nothing that
# shows or changes authenticators or recovery codes.
CODE_URL_NAMES = {"mfa_reauthenticate", "account_logout", "health"}


def is_staff_member(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_staff or getattr(user, "is_support_unit", False))
    )


def session_passed_second_factor(request: HttpRequest) -> bool:
    """True when this session's login recorded a verified second factor for this user."""
    from allauth.account.authentication import get_authentication_records

    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(record.get("method") == "mfa" for record in records)


def record_second_factor(request: HttpRequest, user, authenticator) -> None:  # type: ignore[no-untyped-def]
    """A TOTP device just activated with a valid code counts as this session's second factor."""
    from allauth.account.internal.flows.login import record_authentication

    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True
    )


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        if not settings.OGP_REQUIRE_STAFF_2FA or not is_staff_member(request.user):
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        match = request.resolver_match
        url_name = match.url_name if match is not None else None
        if not second_factor_enabled(request.user):
            if match is None or url_name in SETUP_URL_NAMES:
                return None
            messages.warning(
                request,
                _("Support Unit staff must turn on two-factor authentication before continuing."),
            )
            return redirect(reverse("mfa_activate_totp"))
        if session_passed_second_factor(request) or url_name in CODE_URL_NAMES:
            return None
        messages.warning(
            request,
            _("Enter a code from your authenticator app to continue as Support Unit staff."),
        )
        next_url = request.get_full_path() if request.method == "GET" else reverse("home")
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")
