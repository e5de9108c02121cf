"""The lean path: published pages for visitors without cookies, served before the rest runs.

A view opts in with :func:`public_page`. The first visitor's response (after every other
middleware has added its security headers) is stored in the cache with an ``ETag`` and a
``Last-Modified`` date; later visitors without cookies get that copy from the first middleware,
with one cache round trip and none of sessions, locale, CSRF, authentication, MFA, messages,
CSP or request logging. ``Cache-Control: public`` lets nginx (``proxy_cache``, see the README)
or a CDN keep it too; ``Vary: Cookie`` keeps signed-in readers away from that copy.

Any saved or deleted row of the published-data apps bumps a generation number; stored copies
of an older generation are never served, so a change shows on the next request.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.safestring import SafeString, mark_safe

from .csrf_placeholder import csrf_placeholder, with_reader_token
from .local_copies import local_copies

GENERATION_KEY = "lean:generation"
# Apps whose rows appear on public pages; a change in any of them makes stored pages stale.
PUBLISHED_APPS = frozenset(
    {
        "countries",
        "organisations",
        "eligibility",
        "membership",
        "participation",
        "engagement",
        "plans",
        "cocreation",
        "monitoring",
    }
)
# Headers that belong to one response only and are not replayed from the stored copy.
NOT_STORED_HEADERS = frozenset({"set-cookie", "content-length", "date"})


def lean_seconds() -> int:
    """How long the cache keeps a copy (0 turns the lean path off, as in the test settings)."""
    return int(getattr(settings, "OGP_LEAN_CACHE_SECONDS", 300))


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a view's answers to cookie-less visitors as the same for all of them (cacheable)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.lean_cache = True  # type: ignore[attr-defined]
        return response

    return wrapped


# Apps whose rows appear only on staff pages: their saves bump a generation of their own
# (``scopes=`` of :func:`cached_fragment`), not the published pages' one.
SCOPED_APPS = {"accounts": "accounts", "audit": "audit"}
# saves that change nothing a stored page shows (a sign-in stamps ``last_login``)
_UNSHOWN_UPDATES = {"accounts": frozenset({"last_login"})}


def scope_key(scope: str) -> str:
    """The cache key of the generation of ``scope`` (see ``SCOPED_APPS``)."""
    return f"{GENERATION_KEY}:{scope}"


def _with_reader_token(request: HttpRequest, html: str) -> SafeString:
    # rendered by our own template, escaped there
    return mark_safe(with_reader_token(request, html))  # noqa: S308


def cached_fragment(
    request: HttpRequest,
    name: str,
    template: str,
    build: Callable[[], dict[str, Any]],
    *,
    scopes: tuple[str, ...] = (),
) -> SafeString:
    """HTML of a part of a page that is the same for every reader of that address (published
    data: lists, their filters and page links), rendered once per generation and language and
    reused for signed-in readers too. ``build`` runs (and queries) only when rendering.

    ``scopes`` names further generations the part depends on (rows of ``SCOPED_APPS``, shown
    on staff pages). ``{% csrf_token %}`` in ``template`` stores a placeholder, replaced by the
    reader's own token on every answer."""
    seconds = lean_seconds()
    if not seconds:
        html = render_to_string(template, {**build(), "csrf_token": csrf_placeholder()})
        return _with_reader_token(request, html)
    language = translation.get_language() or "en"
    raw = f"{name}:{language}:{request.get_full_path()}"
    key = "lean:fragment:" + hashlib.sha256(raw.encode()).hexdigest()
    # one round trip: the stored copy carries the generations it was rendered in
    generation_keys = [GENERATION_KEY, *(scope_key(scope) for scope in scopes)]
    copies = local_copies()
    local = copies.get(key)
    if local is not None:
        # this worker's copy: only the (small) current generations are read
        found = current_generation(*generation_keys[1:])
        if local[0] == tuple(found.get(k, 0) for k in generation_keys):
            return _with_reader_token(request, local[1])
    found = current_generation(key, *generation_keys[1:])
    generation = tuple(found.get(k, 0) for k in generation_keys)
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        copies.put(key, stored)
        return _with_reader_token(request, stored[1])
    html = render_to_string(template, {**build(), "csrf_token": csrf_placeholder()})
    cache.set(key, (generation, html), seconds)
    copies.put(key, (generation, html))
    return _with_reader_token(request, html)


def generation_value(key: str, compute: Callable[[], Any]) -> Any:
    """A small value that depends on published rows (a reader's own fact a stored page is keyed
    on), computed once per generation and kept for ``lean_seconds()``: one cache round trip."""
    found = current_generation(key)
    generation = found.get(GENERATION_KEY, 0)
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    cache.set(key, (generation, value), lean_seconds())
    return value


def cached_rows(
    name: str, ids: Sequence[Any], render: Callable[[list[Any]], dict[Any, str]]
) -> list[SafeString]:
    """HTML of rows that never change once written (append-only records such as audit
    events), one stored copy per row and language, in the order of ``ids``. ``render`` gets the
    ids not stored yet and returns their HTML by id (an id it leaves out is left out). A list
    page then runs only its query of ids: a new row is on the first page at once, and every
    other row of it comes from the cache. Copies expire after ``lean_seconds()``, so names
    looked up while rendering (related rows) are at most that old."""
    seconds = lean_seconds()
    if not seconds:
        fresh = render(list(ids))
        return [mark_safe(fresh[i]) for i in ids if i in fresh]  # noqa: S308 (our template)
    language = translation.get_language() or "en"
    keys = {i: f"lean:row:{name}:{language}:{i}" for i in ids}
    found = cache.get_many(list(keys.values())) if keys else {}
    missing = [i for i in ids if keys[i] not in found]
    if missing:
        fresh = render(missing)
        stored = {keys[i]: fresh[i] for i in missing if i in fresh}
        cache.set_many(stored, seconds)
        found.update(stored)
    # rendered by our own template, escaped there
    return [mark_safe(found[keys[i]]) for i in ids if keys[i] in found]  # noqa: S308


def _bump(key: str = GENERATION_KEY) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, int(time.time() * 1000), None)
    _recent.reading = (0, float("-inf"))  # this process's next recent_generation() reads again
    _prefetched.values = None  # and this request's next read too


class _Recent:
    """The generation as this process last read it, and when (``time.monotonic()``): one
    tuple, replaced whole, so that a thread never pairs one read's value with another's time."""

    reading: tuple[int, float] = (0, float("-inf"))


_recent = _Recent()


def recent_generation(max_age: float) -> int:
    """The generation, read from the cache at most ``max_age`` seconds ago by this process
    (``0``: read now). Only the lean path's readers (no cookie, so no write of their own to
    see) accept an older reading; a bump in this process always reads again."""
    value, read_at = _recent.reading
    if _pending.stale or max_age <= 0 or time.monotonic() - read_at >= max_age:
        return int(current_generation().get(GENERATION_KEY, 0))
    return int(value)


class _Pending(threading.local):
    """Generations (cache keys) with rows changed in this thread since its last bump. Inside a
    transaction only this thread can see the new rows, so the bump waits until this thread
    next reads the generation (or the transaction commits): a publication saving thousands of
    rows bumps once, not once per row, and a reader in the same transaction still never gets
    a copy older than them."""

    def __init__(self) -> None:
        self.stale: set[str] = set()


_pending = _Pending()
# one function per generation, so that a transaction's commit bump is recognised (and
# registered once) however many rows it saves
_bumpers: dict[str, Callable[[], None]] = {}


def _bumper(key: str) -> Callable[[], None]:
    if key not in _bumpers:
        _bumpers[key] = lambda: _bump(key)
    return _bumpers[key]


class _Prefetched(threading.local):
    """Every generation, read in the round trip that loaded this request's session
    (:func:`read_with_generations`): this request's later reads of them use it. Dropped when a
    request starts or ends and when this thread bumps a generation."""

    values: dict[str, Any] | None = None


_prefetched = _Prefetched()


def _forget_prefetched(**_: Any) -> None:
    _prefetched.values = None


def _all_generation_keys() -> list[str]:
    return [GENERATION_KEY, *(scope_key(scope) for scope in sorted(set(SCOPED_APPS.values())))]


def current_generation(*keys: str) -> dict[str, Any]:
    """The generation and `keys` from the cache in one round trip, after any bump this
    thread still owes. Generations read with this request's session are not read again."""
    if _pending.stale:
        stale, _pending.stale = _pending.stale, set()
        for key in stale:
            _bump(key)
    prefetched = _prefetched.values
    if prefetched is not None:
        wanted = [key for key in keys if key not in prefetched]
        return {**prefetched, **cache.get_many(wanted)} if wanted else dict(prefetched)
    found = cache.get_many([GENERATION_KEY, *keys])
    _recent.reading = (found.get(GENERATION_KEY, 0), time.monotonic())
    return found


def current_generation_kept(*keys: str) -> dict[str, Any]:
    """:func:`current_generation`, the generation then used by the rest of this request (for a
    reader without a session, who has no write of their own to see: the API's lean path)."""
    found = current_generation(*keys)
    if _prefetched.values is None:
        _prefetched.values = {GENERATION_KEY: found.get(GENERATION_KEY, 0)}
    return found


def read_with_generations(key: str) -> Any:
    """``key`` (a signed-in reader's session) read in the same round trip as every generation,
    which the rest of this request then uses: a stored page or user row kept by this worker
    (:mod:`ogp.core.local_copies`) is then answered with no further round trip."""
    generation_keys = _all_generation_keys()
    found = current_generation(key, *generation_keys[1:])
    _prefetched.values = {k: found.get(k, 0) for k in generation_keys}
    return found.get(key)


def bump_generation(scope: str = "", **_: Any) -> None:
    """Make every stored page stale (of ``scope`` only, when given): at once outside a
    transaction; inside one, before this thread's next read of a stored page and again when
    the transaction commits (so that a page another worker rebuilt from the old rows in
    between is not kept). One commit bump per atomic block is enough, however many rows it
    saves."""
    key = scope_key(scope) if scope else GENERATION_KEY
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump(key)
        return
    _pending.stale.add(key)
    bump = _bumper(key)
    if any(
        item[1] is bump and list(item[0]) == list(connection.savepoint_ids)
        for item in connection.run_on_commit
    ):
        return
    transaction.on_commit(bump)


def _on_change(sender: Any, **kwargs: Any) -> None:
    # Migrations save through historical models (module "__fake__"), possibly before the
    # cache table exists; a fresh database has no stored pages to make stale anyway.
    if getattr(sender, "__module__", "") == "__fake__":
        return
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label in PUBLISHED_APPS:
        bump_generation()
    scope = SCOPED_APPS.get(meta.app_label)
    if scope:
        fields = kwargs.get("update_fields")
        if fields and set(fields) <= _UNSHOWN_UPDATES.get(meta.app_label, frozenset()):
            return
        bump_generation(scope)


request_started.connect(_forget_prefetched, dispatch_uid="lean-cache-prefetch-start")
request_finished.connect(_forget_prefetched, dispatch_uid="lean-cache-prefetch-end")
post_save.connect(_on_change, dispatch_uid="lean-cache-save")
post_delete.connect(_on_change, dispatch_uid="lean-cache-delete")
m2m_changed.connect(_on_change, dispatch_uid="lean-cache-m2m")


def _key(request: HttpRequest, host: str) -> str:
    raw = f"{request.method == 'HEAD' and 'GET' or request.method}:{host}:{request.get_full_path()}"
    return "lean:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _not_modified(request: HttpRequest, etag: str, last_modified: int) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match == "*"
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified <= since


def anonymous_host(request: HttpRequest, *, ssl_redirect: bool) -> str | None:
    """The host of a request with no cookie and no credentials that no earlier step redirects
    (the readers stored answers may be given to before the rest of the stack runs)."""
    meta = request.META
    if meta.get("HTTP_COOKIE") or meta.get("HTTP_AUTHORIZATION"):
        return None
    if ssl_redirect and not request.is_secure():
        return None  # SecurityMiddleware redirects to https first
    try:
        return request.get_host()
    except DisallowedHost:
        return None


class LeanPageCacheMiddleware:
    """First in ``MIDDLEWARE``: answers cached public pages before any other middleware runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.seconds = lean_seconds()
        self.max_age = int(getattr(settings, "OGP_PUBLIC_MAX_AGE", 60))
        self.ssl_redirect = settings.SECURE_SSL_REDIRECT
        # how old a reading of the generation a hit on this worker's own copy may use
        self.local_seconds = float(getattr(settings, "OGP_LEAN_LOCAL_SECONDS", 1.0))
        # Addresses no view of which opts in: the API (its own shared cache, rate limits and
        # validators) and static files. They skip the cache round trip that would only miss.
        self.skip = ("/api/", settings.STATIC_URL or "/static/")
        assert apps.ready

    def _eligible(self, request: HttpRequest) -> str | None:
        if not self.seconds or request.method not in ("GET", "HEAD"):
            return None
        if request.path_info.startswith(self.skip):
            return None
        return anonymous_host(request, ssl_redirect=self.ssl_redirect)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = self._eligible(request)
        if host is None:
            return self.get_response(request)
        key = _key(request, host)
        copies = local_copies()
        local = copies.get(key)
        if local is not None and local[0] == recent_generation(self.local_seconds):
            return self._replay(request, local)
        found = current_generation(key)
        generation = found.get(GENERATION_KEY, 0)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            copies.put(key, stored)
            return self._replay(request, stored)
        response = self.get_response(request)
        if self._storable(response):
            copies.put(key, self._store(key, generation, response))
        return response

    def _storable(self, response: HttpResponse) -> bool:
        return (
            getattr(response, "lean_cache", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    def _store(self, key: str, generation: int, response: HttpResponse) -> tuple[Any, ...]:
        content = response.content
        etag = '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'
        last_modified = int(time.time())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        patch_vary_headers(response, ("Cookie",))
        headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED_HEADERS]
        stored = (generation, content, headers, etag, last_modified)
        cache.set(key, stored, self.seconds)
        return stored

    def _replay(self, request: HttpRequest, stored: tuple[Any, ...]) -> HttpResponse:
        _, content, headers, etag, last_modified = stored
        response: HttpResponse
        if _not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
            for name, value in headers:
                if name.lower() not in ("content-type",):
                    response[name] = value
            return response
        response = HttpResponse(b"" if request.method == "HEAD" else content)
        for name, value in headers:
            response[name] = value
        if request.method == "HEAD":
            response["Content-Length"] = str(len(content))
        return response
