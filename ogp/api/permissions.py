"""Reads are open to everyone; writes need a signed-in user (or a token with the view's scope)
and then the same django-rules permission as the web form, checked on the object."""

from typing import Any

from rest_framework import permissions
from rest_framework.request import Request

from .models import ApiToken


def token_scopes(request: Request) -> set[str] | None:
    """The scopes of the request's token, or None when the request is not token-authenticated
    (a browser session: its CSRF-protected writes are limited by the role alone)."""
    auth = getattr(request, "auth", None)
    return set(auth.scopes) if isinstance(auth, ApiToken) else None


class ReadOnlyOrScopedWrite(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False
        scope = getattr(view, "required_scope", None)
        scopes = token_scopes(request)
        if scope is None:
            return False  # a view that writes must say which scope it needs
        return scopes is None or scope in scopes
