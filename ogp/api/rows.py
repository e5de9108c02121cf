"""List pages from rows serialised once: each row's JSON is kept in the cache, keyed by the
row, its version and the language, so a page is one query for the keys of its rows, one cache
round trip and a join of bytes; only rows missing from the cache are read in full and
serialised (and stored).

A stored row carries the generation of the published data (ogp/core/cache_middleware.py) it
was rendered in: any saved or deleted row of the published-data apps (a country's name, a
plan, a policy area...) makes every stored row stale, as it does the stored HTML pages. Rows
live as long as those pages (``OGP_LEAN_CACHE_SECONDS``; 0 turns this off, as in the tests).
The bytes are the ones DRF's JSON renderer gives for the whole page (a test compares them).
Each worker keeps its own copies of the rows it read or rendered (ogp/core/local_copies.py),
checked against the same generation: a page then carries no row from Redis. The keys query
leaves out what only a full row needs (``keys_only``); ``load_rows`` adds it for the rows
read in full.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Hashable
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from ogp.core.cache_middleware import GENERATION_KEY, current_generation, lean_seconds
from ogp.core.local_copies import local_copies

_EMPTY_RESULTS = b'"results":[]}'


class RenderedRows(list[bytes]):
    """The rows of a page, each already rendered as JSON."""


class RowsJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, which splices pre-rendered rows into the page."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        rows = data.get("results") if isinstance(data, dict) else None
        if not isinstance(rows, RenderedRows):
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type or "", renderer_context or {}) is None:
            head = super().render({**data, "results": []}, accepted_media_type, renderer_context)
            if head.endswith(_EMPTY_RESULTS):  # "results" is the page's last key
                return head[: -len(_EMPTY_RESULTS)] + b'"results":[' + b",".join(rows) + b"]}"
        whole = {**data, "results": [json.loads(row) for row in rows]}  # indented: as DRF
        return super().render(whole, accepted_media_type, renderer_context)


class CachedRowsMixin:
    """For a list view: ``row_key`` names a row's stored JSON from the row's key columns (a
    dict); ``rows_cacheable`` may turn the cache off for a request (rows that can still
    change without a version)."""

    row_kind = ""
    #: columns the key needs besides the primary key and the orderings (the cursor's)
    row_key_columns: tuple[str, ...] = ()
    #: expressions the key needs, by name (a version read as text: no value decoded per row)
    row_key_expressions: dict[str, Any] = {}
    renderer_classes = [RowsJSONRenderer]
    request: Request
    ordering_fields: list[str]

    def rows_cacheable(self) -> bool:
        return True

    #: set while the keys query is built: ``get_queryset`` (or the filter set) may then leave
    #: out what only a full row needs (joins, deferred columns), which ``load_rows`` adds
    keys_only = False

    def load_rows(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """``queryset`` with the joins and columns its rows' serialiser reads."""
        return queryset

    def listed(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """For ``get_queryset``: the keys query's rows as they are, others loaded."""
        return queryset if self.keys_only else self.load_rows(queryset)

    def row_key(self, row: dict[str, Any], language: str) -> str:
        return f"api:row:{self.row_kind}:{language}:{row['id']}"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        seconds = lean_seconds()
        if not seconds or not self.rows_cacheable():
            return super().list(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
        view: Any = self
        self.keys_only = True
        try:
            queryset: QuerySet[Any] = view.filter_queryset(view.get_queryset())
        finally:
            self.keys_only = False
        ordering = view.paginator.get_ordering(request, queryset, view)  # the cursor's
        columns = {"id", *self.row_key_columns, *(field.lstrip("-") for field in ordering)}
        # dicts, not model instances: the cursor reads its position from them too
        page = view.paginate_queryset(queryset.values(*sorted(columns), **self.row_key_expressions))
        language = translation.get_language() or "en"
        keys = [self.row_key(row, language) for row in page]
        joined = "\n".join(keys).encode()
        generation, rows = _page_rows(view, queryset, page, keys, joined, seconds)
        response: Response = view.get_paginated_response(RenderedRows(rows))
        # the rows' keys and the generation they are current in name the rows' bytes, the
        # links the rest: a validator without hashing the page (160 kB for 50 commitments)
        names = (
            cache.key_prefix,
            generation,
            request.accepted_media_type,  # indented or not
            response.data["next"],
            response.data["previous"],
        )
        digest = hashlib.blake2b(repr(names).encode(), digest_size=16)
        digest.update(joined)
        response["ETag"] = f'"{digest.hexdigest()}"'
        return response


def _page_rows(
    view: Any,
    queryset: QuerySet[Any],
    page: list[dict[str, Any]],
    keys: list[str],
    joined: bytes,
    seconds: int,
) -> tuple[int, list[bytes]]:
    """The generation and the page's rows: this worker's copy of the page's rows together
    (one lookup), else each row's own copy, else the shared cache (in the round trip that
    reads the generation every copy is checked against), else rendered and stored."""
    copies = local_copies()
    together_key = ("api:rows", hashlib.blake2b(joined, digest_size=16).digest())
    together = copies.get(together_key)
    if together is not None:
        found = current_generation()
        if together[0] == found.get(GENERATION_KEY, 0):
            return together[0], list(together[1])
    local = copies.get_many(keys)  # type: ignore[arg-type]
    lacking = [key for key, copy in zip(keys, local, strict=True) if copy is None]
    found = (
        current_generation(*lacking) if together is None else {**found, **cache.get_many(lacking)}
    )
    generation = found.get(GENERATION_KEY, 0)
    rows: list[bytes | None] = []
    shared: dict[Hashable, tuple[Any, ...]] = {}
    for key, copy in zip(keys, local, strict=True):
        stored = copy if copy is not None else found.get(key)
        current = stored is not None and stored[0] == generation
        rows.append(stored[1] if current else None)  # type: ignore[index]
        if current and copy is None:
            shared[key] = stored  # type: ignore[assignment]
    missing = [i for i, row in enumerate(rows) if row is None]
    if missing:
        wanted = view.load_rows(queryset).filter(pk__in=[page[i]["id"] for i in missing])
        full = {obj.pk: obj for obj in wanted}
        objects = [full[page[i]["id"]] for i in missing]
        renderer = JSONRenderer()
        rendered = [renderer.render(d) for d in view.get_serializer(objects, many=True).data]
        fresh = {}
        for i, row in zip(missing, rendered, strict=True):
            rows[i] = row
            fresh[keys[i]] = (generation, row)
        cache.set_many(fresh, seconds)
        shared.update(fresh)
    complete = [row for row in rows if row is not None]
    shared[together_key] = (generation, tuple(complete))
    copies.put_many(shared)
    return generation, complete
