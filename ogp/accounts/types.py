"""Typing helpers for views behind a permission check (the user is signed in)."""

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User  # type: ignore[assignment]
