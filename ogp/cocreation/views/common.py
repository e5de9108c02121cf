"""Helpers shared by the co-creation views."""

from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.accounts.models import User
from ogp.core.errors import ServiceError
from ogp.core.ratelimit import check_rate

from ..models import CoCreationPlan
from ..selectors import plan_get

RATE_LIMITS = {"proposal": (20, 3600), "comment": (60, 3600), "support": (200, 3600)}


def check(request: HttpRequest, perm: str, obj: Any = None) -> HttpResponse | None:
    """None when allowed; otherwise the login page (visitors) or 403 (signed-in users)."""
    if request.user.has_perm(perm, obj):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def visible_plan(request: HttpRequest, slug: str) -> CoCreationPlan:
    """The plan, or 404 when the user may not see it (an unpublished plan of another country
    is not even admitted to exist)."""
    plan = plan_get(slug)
    if not request.user.has_perm("cocreation.view_plan", plan):
        raise Http404
    return plan


def current_user(request: HttpRequest) -> User:
    return cast(User, request.user)


def rate_limited(request: HttpRequest, scope: str) -> HttpResponse | None:
    limit, period = RATE_LIMITS[scope]
    if check_rate(request, f"cocreation:{scope}", limit, period):
        return None
    response = render(
        request, "cocreation/rate_limited.html", {"minutes": period // 60}, status=429
    )
    response["Retry-After"] = str(period)
    return response


def add_service_error(form: Any, error: ServiceError) -> None:
    for message in error.messages:
        form.add_error(None, message)
