"""The one permission idiom, over django-rules (each app's rules.py declares the permissions).

Views:
- `@permission_required("app.perm")`, or `@permission_required("app.perm", fn=load)` where
  `load(request, *args, **kwargs)` returns the object to check;
- `require(request, "app.perm", obj)` inside a view once the object is loaded;
- `can(request, "app.perm", obj)` for what a page offers (links, buttons).
A visitor who is not allowed is sent to log in (`LoginRequired`, turned into a redirect by
`PermissionMiddleware`); a signed-in user gets 403.

Services check the same permission with `ensure(user, "app.perm", obj)`, which raises
`ServiceError` (a refusal the caller shows), so a view and a service can never disagree.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .errors import ServiceError


class LoginRequired(PermissionDenied):
    """Not allowed, and not signed in: the answer is the login page."""


def require(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


def require_visible(request: HttpRequest, perm: str, obj: Any) -> None:
    """For private objects (a question to the Support Unit, a draft): one the reader may not
    see answers exactly like one that does not exist, so ids reveal nothing. Visitors who are
    not signed in get the login page in both cases."""
    if obj is not None and request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise Http404(_("Page not found"))


def can(request: HttpRequest, perm: str, obj: Any = None) -> bool:
    return bool(request.user.has_perm(perm, obj))


def ensure(user: Any, perm: str, obj: Any = None, message: str | None = None) -> None:
    """For services: refuse with a ServiceError (`message`, or a general one) unless `user` has
    `perm` on `obj`."""
    if user is None or not user.has_perm(perm, obj):
        raise ServiceError(message or _("You are not allowed to do this."), code="forbidden")


def permission_required(
    perm: str | tuple[str, ...], fn: Callable[..., Any] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Like rules' decorator; `fn(request, *args, **kwargs)` returns the object to check."""
    perms = (perm,) if isinstance(perm, str) else perm

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            obj = fn(request, *args, **kwargs) if fn is not None else None
            for name in perms:
                require(request, name, obj)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class PermissionMiddleware:
    """Turns `LoginRequired` raised by a view into the login page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None
