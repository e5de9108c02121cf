"""Helpers shared by the participation views."""

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.accounts.models import User
from ogp.core.errors import ServiceError
from ogp.core.ratelimit import check_rate

# Anonymous and signed-in submissions: at most LIMIT per PERIOD seconds per client and scope.
RATE_LIMITS = {
    "subscribe": (5, 3600),
    "register": (20, 3600),
    "forum-request": (10, 3600),
    "directory": (20, 3600),
}


def current_user(request: HttpRequest) -> User:
    """The signed-in user (call after a permission check that requires authentication)."""
    return cast(User, request.user)


def rate_limited(request: HttpRequest, scope: str) -> HttpResponse | None:
    limit, period = RATE_LIMITS[scope]
    if check_rate(request, f"participation:{scope}", limit, period):
        return None
    response = render(
        request,
        "participation/rate_limited.html",
        {"minutes": period // 60},
        status=429,
    )
    response["Retry-After"] = str(period)
    return response


def add_service_error(form, error: ServiceError) -> None:  # type: ignore[no-untyped-def]
    for message in error.messages:
        form.add_error(None, message)
