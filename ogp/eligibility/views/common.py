"""Shared view helpers: the manage permission, localised names and the public page cache."""

from __future__ import annotations

import hashlib
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from .. import selectors
from ..models import Cycle, CycleState

MANAGE = "eligibility.manage_eligibility"


def _name(row: dict[str, Any]) -> str:
    lang = (translation.get_language() or "en")[:2]
    return row.get(f"name_{lang}") or row["name_en"]


# ---------------------------------------------------------------- public pages


def _publication_token() -> str:
    """Changes whenever a cycle is published (one query); part of every full-page cache key."""
    agg = Cycle.objects.filter(state=CycleState.PUBLISHED).aggregate(
        n=Count("id"), last=Max("published_at")
    )
    return f"{agg['n']}-{agg['last'].timestamp() if agg['last'] else 0}"


def public_page_cache(view: Any) -> Any:
    """Serve visitors without cookies (no session, no messages) a cached copy of a public page.

    Published cycles never change; the key holds the language, the full path and the
    publication token, so a new publication shows at once. Signed-in users always get a fresh
    page (their navigation and permissions differ).
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.COOKIES:
            return view(request, *args, **kwargs)
        raw = ":".join(
            [translation.get_language() or "en", request.get_full_path(), _publication_token()]
        )
        key = "elig-page:" + hashlib.sha256(raw.encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            page = HttpResponse(content, content_type=content_type)
            page.lean_cache = True  # type: ignore[attr-defined]
            return page
        response = view(request, *args, **kwargs)
        response.lean_cache = True  # type: ignore[attr-defined]  # the lean path may keep it too
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            cache.set(key, (response.content, response["Content-Type"]), selectors.CACHE_SECONDS)
        return response

    return wrapped


def _cached_body(key: str | None, template: str, build: Any) -> str:
    """Render a page body once per key (published data never changes); no request needed."""
    if key:
        key = "elig-body:" + hashlib.sha256(key.encode()).hexdigest()
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string(template, build())
        if key:
            cache.set(key, html, selectors.CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our own template, escaped there)
