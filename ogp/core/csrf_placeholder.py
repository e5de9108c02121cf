"""The reader's CSRF token in stored HTML: written as a placeholder when a page or fragment is
rendered for storage, replaced by each reader's own token when it is answered. Shared by the
stored fragments (``cache_middleware``), the pages stored per kind of reader (``shared_pages``)
and the stored header (``templatetags.ogp``)."""

from __future__ import annotations

import hashlib
from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape

# Set on a request whose page is being rendered for storage: templates write the placeholder.
RENDERING_FOR_STORAGE = "_ogp_shared_page_rendering"


@cache
def csrf_placeholder() -> str:
    """Stands in for the reader's CSRF token in stored HTML. Derived from the secret key, so
    every worker writes and replaces the same string and page content cannot guess it."""
    digest = hashlib.sha256(f"ogp-csrf-placeholder:{settings.SECRET_KEY}".encode()).hexdigest()
    return f"ogpcsrf{digest[:24]}"


def rendering_for_storage(request: HttpRequest | None) -> bool:
    return bool(getattr(request, RENDERING_FOR_STORAGE, False))


def csrf_context(request: HttpRequest) -> dict[str, str]:
    """Context processor (after Django's built-in ``csrf``): while a page is rendered for
    storage, ``{% csrf_token %}`` writes the placeholder instead of this reader's token."""
    if rendering_for_storage(request):
        return {"csrf_token": csrf_placeholder()}
    return {}


def with_reader_token(request: HttpRequest, html: str) -> str:
    """The reader's own token where ``html`` has the placeholder; left as it is while a page
    is rendered for storage (its fragments must not carry this reader's token to others)."""
    placeholder = csrf_placeholder()
    if placeholder not in html or rendering_for_storage(request):
        return html
    return html.replace(placeholder, escape(get_token(request)))
