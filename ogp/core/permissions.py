"""View decorator on django-rules: visitors are sent to log in, signed-in users get a 403."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def permission_required(
    perm: str | tuple[str, ...], fn: Callable[..., Any] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Like rules' decorator; `fn(request, *args, **kwargs)` returns the object to check."""
    perms = (perm,) if isinstance(perm, str) else perm

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            obj = fn(request, *args, **kwargs) if fn is not None else None
            if request.user.has_perms(perms, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        return wrapped

    return decorator
