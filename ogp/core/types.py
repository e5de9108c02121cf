"""Typing helpers for views behind a permission check (the user is signed in)."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from ogp.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: "User"  # type: ignore[assignment]
