"""The API's lean path: stored answers given to anonymous readers before the other middleware
runs. Two kinds: answers that never change (published cycles' pages, published IRM report
versions), kept 30 days; and every other public read, kept with the generation of the published
data it was built in (ogp/core/cache_middleware.py) and answered only while that generation
stands, as the HTML pages' lean path does: any saved row of a published-data app makes them
stale at once.

The first answer goes through every middleware and the view; when the view marks it storable
(``ConditionalMixin``) it is stored with the headers it left with. A later GET of the same
address, scheme, host, language, ``Origin`` and ``Accept`` without a cookie or an ``Authorization``
header is answered from that copy: same body, same headers (security headers, CSP, CORS, ETag,
Last-Modified, Cache-Control, Vary, Content-Language), a 304 when the validators match, as the
full stack would give. The anonymous rate limit is still counted (the same counter as the
full stack's); over it, the request goes down the full stack, which refuses it. Not run:
sessions, CSRF, authentication, MFA, messages and the request log line (as for the HTML
pages' lean path). Each worker also keeps its own copies (ogp/core/local_copies.py), so a hit
reads only the rate-limit counter from Redis; a generation-bound copy is checked against a
reading of the generation at most ``OGP_LEAN_LOCAL_SECONDS`` old (a second by default), as for
the HTML pages. What a generation does not follow, the date (a co-creation plan's proposals
closing), is at most ``OGP_LEAN_CACHE_SECONDS`` old.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from ogp.core.cache_middleware import (
    GENERATION_KEY,
    NOT_STORED_HEADERS,
    anonymous_host,
    current_generation_kept,
    lean_seconds,
    recent_generation,
)
from ogp.core.local_copies import local_copies

from .throttling import ClientRateThrottle

SECONDS = 60 * 60 * 24 * 30  # as the view's own shared cache: the answer can no longer change
# Headers of the 200 that the full stack's 304 does not carry: the view's own, which Django's
# 304 does not copy (django.utils.cache.get_conditional_response); the other middleware's are
# added to the 304 as to the 200 (a test compares both paths).
_NOT_MODIFIED_DROPPED = frozenset({"content-type", "allow"})


IMMUTABLE = "immutable"
PER_GENERATION = "generation"


def mark_storable(response: HttpResponse, kind: str = IMMUTABLE) -> None:
    """Called by the view for a 200 that can never change (``IMMUTABLE``) or that changes only
    with the published data (``PER_GENERATION``)."""
    response.api_lean = kind  # type: ignore[attr-defined]


def _key(request: HttpRequest, host: str, language: str) -> str:
    origin = request.META.get("HTTP_ORIGIN", "")
    accept = request.META.get("HTTP_ACCEPT", "")  # "application/json; indent=2" is indented
    # the scheme too: the pages' links are absolute
    raw = f"{request.scheme}\n{host}\n{language}\n{origin}\n{accept}\n{request.get_full_path()}"
    return "api:lean:" + hashlib.sha256(raw.encode()).hexdigest()


class ApiLeanMiddleware:
    """First in ``MIDDLEWARE``: answers stored immutable API responses to anonymous readers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.seconds = lean_seconds()
        self.enabled = self.seconds > 0
        self.ssl_redirect = settings.SECURE_SSL_REDIRECT
        self.local_seconds = float(getattr(settings, "OGP_LEAN_LOCAL_SECONDS", 1.0))

    def _eligible(self, request: HttpRequest) -> str | None:
        if not self.enabled or request.method != "GET":
            return None
        if not request.path_info.startswith("/api/"):
            return None
        return anonymous_host(request, ssl_redirect=self.ssl_redirect)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = self._eligible(request)
        if host is None:
            return self.get_response(request)
        # the language LocaleMiddleware would choose (no cookie: Accept-Language, else default);
        # ?lang= is in the address
        language = translation.get_language_from_request(request)
        key = _key(request, host, language)
        copies = local_copies()
        # (None, body, headers): immutable; (generation, body, headers): while it stands
        local = copies.get(key)
        if local is not None and (
            local[0] is None or local[0] == recent_generation(self.local_seconds)
        ):
            return self._answer(request, local[1:], None) or self.get_response(request)
        found = current_generation_kept(key)  # the view's stored rows need no second read
        generation = int(found.get(GENERATION_KEY, 0))
        stored = found.get(key)  # (body, headers) immutable, or (body, headers, generation)
        if stored is not None and (len(stored) == 2 or stored[2] == generation):
            copy = (None if len(stored) == 2 else generation, stored[0], stored[1])
            answer = self._answer(request, stored[:2], (key, copy))
            if answer is not None:
                return answer
            return self.get_response(request)  # over the rate limit: the full stack refuses
        response = self.get_response(request)
        kind = getattr(response, "api_lean", "")
        if kind and response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS]
            if kind == IMMUTABLE:
                cache.set(key, (response.content, headers), SECONDS)
            elif self.seconds:  # the generation read before the view ran: never newer than it
                cache.set(key, (response.content, headers, generation), self.seconds)
        return response

    def _answer(
        self,
        request: HttpRequest,
        stored: tuple[bytes, list[tuple[str, str]]],
        keep: tuple[str, tuple[Any, ...]] | None,
    ) -> HttpResponse | None:
        """The stored answer, counted against the rate limit (None: over it)."""
        if not ClientRateThrottle().allow_request(request, None):
            return None
        if keep is not None:
            local_copies().put(*keep)
        return self._replay(request, stored)

    def _replay(self, request: HttpRequest, stored: tuple[bytes, list[tuple[str, str]]]) -> Any:
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            conditional = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            if conditional is not None:
                return self._not_modified(conditional, headers)
        return response

    @staticmethod
    def _not_modified(conditional: HttpResponse, headers: list[tuple[str, str]]) -> HttpResponse:
        """The 304 with the headers the other middleware add to it on the full stack."""
        if conditional.status_code != 304:
            return conditional
        for name, value in headers:
            if name.lower() not in _NOT_MODIFIED_DROPPED and not conditional.has_header(name):
                conditional[name] = value
        conditional["Content-Length"] = "0"  # as CommonMiddleware sets it
        return conditional
