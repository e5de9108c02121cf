"""Helpers shared by the co-creation views."""

import hashlib
from functools import wraps
from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

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


VISITOR_CACHE_SECONDS = 60  # bounds staleness from writes made outside this app (moderation)


def visitor_page_cache(view: Any) -> Any:
    """Serve visitors without cookies a cached copy of a public plan page.

    The key holds the language, the full path and the plan's revision, which every service of
    this app bumps when it changes what the pages show; hiding by moderators (another app)
    shows within ``VISITOR_CACHE_SECONDS``. Signed-in users always get a fresh page.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.COOKIES:
            return view(request, slug, *args, **kwargs)
        revision = (
            CoCreationPlan.objects.filter(slug=slug).values_list("revision", flat=True).first()
        )
        if revision is None:
            return view(request, slug, *args, **kwargs)
        raw = ":".join([translation.get_language() or "en", request.get_full_path(), str(revision)])
        key = "cocreation-page:" + hashlib.sha256(raw.encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, slug, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            cache.set(key, (response.content, response["Content-Type"]), VISITOR_CACHE_SECONDS)
        return response

    return wrapped


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
