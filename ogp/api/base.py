"""What every API view shares: the language of labels, conditional GET (ETag, Last-Modified),
cache lifetimes, and a shared cache for responses that never change (published cycles)."""

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from .lean import PER_GENERATION, mark_storable

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description="Language of the labels (default: Accept-Language, then English).",
)
SHORT_MAX_AGE = 60
IMMUTABLE_MAX_AGE = 60 * 60 * 24 * 30
SHARED_CACHE_SECONDS = 60 * 60 * 24 * 30


class ConditionalMixin:
    """ETag from the body, Last-Modified from `last_modified()`; 304 when nothing changed."""

    #: set per request by views whose data can never change (published cycles)
    immutable = False
    #: answers built only from the published-data apps' rows (ogp/core/cache_middleware.py):
    #: the lean path may give them to anonymous readers while the data's generation stands
    stored_per_generation = False
    request: Request

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        lang = request.query_params.get("lang", "")
        codes = [code for code, _name in settings.LANGUAGES]
        if lang in codes:
            translation.activate(lang)
        elif (translation.get_language() or "")[:2] not in codes:
            translation.activate(settings.LANGUAGE_CODE)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]

    def last_modified(self) -> datetime | None:
        return None

    def known_query_parameters(self) -> set[str]:
        """The query parameters this view reads: language, format, pages, order, filters."""
        names = {"lang", "format", "cursor", "page_size", "ordering"}
        filterset = getattr(self, "filterset_class", None)
        if filterset is not None:
            names.update(filterset.base_filters)
        return names

    def shared_cache_key(self) -> str | None:
        """A key under which the rendered response may be kept for every client."""
        return None

    def finalize_response(
        self, request: Request, response: HttpResponse, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if isinstance(response, Response):
            response.render()
        lang = translation.get_language() or settings.LANGUAGE_CODE
        response["Content-Language"] = lang
        patch_vary_headers(response, ["Accept-Language"])
        etag = response.get("ETag") or (
            '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
        )
        response["ETag"] = etag
        from_cache = getattr(response, "from_shared_cache", False)
        modified = None if from_cache else self.last_modified()  # the stored header is kept
        if modified is not None:
            response["Last-Modified"] = http_date(modified.timestamp())
        if from_cache:
            self.immutable = True
        max_age = IMMUTABLE_MAX_AGE if self.immutable else SHORT_MAX_AGE
        response["Cache-Control"] = f"public, max-age={max_age}" + (
            ", immutable" if self.immutable else ""
        )
        # an address with parameters the view does not read is answered but never stored: it
        # would only fill the cache, one 30-day copy per made-up parameter
        known = set(request.query_params) <= self.known_query_parameters()
        storable = self.immutable and known
        if storable:
            mark_storable(response)  # the lean path may answer it to anonymous readers
        elif known and self.stored_per_generation:
            mark_storable(response, PER_GENERATION)  # to anonymous readers, while it stands
        key = self.shared_cache_key()
        if key and storable and not from_cache:
            cache.set(
                key, (response.content, etag, response.get("Last-Modified")), SHARED_CACHE_SECONDS
            )
        stored = response.get("Last-Modified")
        conditional = get_conditional_response(
            request,
            etag=etag,
            last_modified=int(modified.timestamp())
            if modified
            else parse_http_date_safe(stored or ""),
            response=response,
        )
        return conditional or response

    def cached_response(self) -> HttpResponse | None:
        """The stored rendering of an immutable response, answered without touching the
        database (conditional GET included)."""
        key = self.shared_cache_key()
        return self.stored_response(cache.get(key) if key else None)

    @staticmethod
    def stored_response(hit: Any) -> HttpResponse | None:
        """The response kept by `finalize_response` (None: nothing was kept)."""
        if hit is None:
            return None
        content, etag, modified = hit
        response = HttpResponse(content, content_type="application/json")
        response["ETag"] = etag
        if modified:
            response["Last-Modified"] = modified
        response.from_shared_cache = True  # type: ignore[attr-defined]
        return response


@extend_schema(parameters=[LANG_PARAMETER])
class PublicReadViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only collection of public objects."""

    stored_per_generation = True
