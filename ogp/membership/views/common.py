"""Shared view helpers: the signed-in user and service error messages (permissions:
`ogp.core.permissions`)."""

from typing import cast

from django.http import HttpRequest

from ogp.accounts.models import User
from ogp.core.errors import ServiceError


def _user(request: HttpRequest) -> User:
    """The logged-in user (views call it after a permission check, so never anonymous)."""
    return cast(User, request.user)


def _error_text(error: ServiceError) -> str:
    return " ".join(str(m) for m in error.messages)
