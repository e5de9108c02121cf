"""Helpers shared by the engagement views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.core.errors import ServiceError
from ogp.core.ratelimit import check_rate

# Submissions per client: at most LIMIT per PERIOD seconds. The key keeps the name it had when
# these pages lived in participation, so a limit reached just before a deployment still holds.
RATE_LIMITS = {"report": (10, 3600)}


def rate_limited(request: HttpRequest, scope: str) -> HttpResponse | None:
    limit, period = RATE_LIMITS[scope]
    if check_rate(request, f"participation:{scope}", limit, period):
        return None
    response = render(
        request, "engagement/rate_limited.html", {"minutes": period // 60}, status=429
    )
    response["Retry-After"] = str(period)
    return response


def add_service_error(form, error: ServiceError) -> None:  # type: ignore[no-untyped-def]
    for message in error.messages:
        form.add_error(None, message)
