"""Shared view helpers: the signed-in user, permission refusals and service error messages."""

from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from ogp.accounts.models import User
from ogp.core.errors import ServiceError


def _user(request: HttpRequest) -> User:
    """The logged-in user (views call it after a permission check, so never anonymous)."""
    return cast(User, request.user)


def _deny(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _allowed(request: HttpRequest, perm: str, obj: Any = None) -> bool:
    return request.user.has_perm(perm, obj)


def _error_text(error: ServiceError) -> str:
    return " ".join(str(m) for m in error.messages)
