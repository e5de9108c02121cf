"""Pages stored once per kind of reader: signed-in readers of published data get a stored copy.

The lean path (:mod:`ogp.core.cache_middleware`) serves visitors without cookies. Readers with
a session go through every middleware (sessions, authentication, the staff second factor, CSRF,
messages, CSP), and then, for views marked :func:`shared_page`, the view's own work (queries,
templates) is done once per kind of reader instead of once per request:

- the kind of reader is what the page's permissions read (role, country, staff flags), given by
  the view's ``reader`` function: two government contacts of one country see the same page;
- the copy is keyed on that kind, the address (query included), the host, the language and
  the published-data generation, so any change to published rows shows on the next request;
- CSRF tokens are written as a placeholder when the copy is rendered and replaced by the
  reader's own token on every answer;
- a reader with messages waiting (flash messages are read once) gets a fresh page, not stored;
- each worker keeps its own copies too (:mod:`ogp.core.local_copies`), so a hit reads only the
  current generation from the cache, not the page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache as django_cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from .cache_middleware import GENERATION_KEY, current_generation, lean_seconds, scope_key
from .csrf_placeholder import RENDERING_FOR_STORAGE, with_reader_token
from .local_copies import local_copies

# Headers the middleware adds on the way out; stored copies keep only what the view set.
_VIEW_HEADERS = frozenset({"content-type", "content-language", "content-disposition"})

Reader = Callable[..., Hashable | None]


def reader_kind(request: HttpRequest, *_: Any, **__: Any) -> Hashable:
    """What the permissions of published pages read: visitor, or role, country and staff flags
    (django-rules predicates in ``ogp.accounts.predicates`` test nothing else of the user)."""
    user = request.user
    if not user.is_authenticated:
        return "visitor"
    return (
        getattr(user, "role", ""),
        getattr(user, "country_id", None),
        bool(getattr(user, "is_support_unit", False)),
        user.is_staff,
        user.is_superuser,
    )


def _messages_waiting(request: HttpRequest) -> bool:
    # len() loads the stored messages without marking them read
    return hasattr(request, "_messages") and len(get_messages(request)) > 0


def _key(request: HttpRequest, name: str, reader: Hashable) -> str:
    raw = "\x1f".join(
        [
            name,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            repr(reader),
        ]
    )
    return "shared:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
    )


def shared_page(
    reader: Reader = reader_kind, *, scopes: tuple[str, ...] = ()
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Store the view's GET answers per kind of reader (``reader(request, *args, **kwargs)``;
    ``None``: this reader's page is built every time). The view must show nothing of the
    reader beyond what ``reader`` returns, and only published data (the generation's apps) or
    rows of the named ``scopes`` (``SCOPED_APPS``: accounts, audit, for staff pages).

    A stored copy is answered without calling the view: a permission the view checks itself
    must be checked outside (``permission_required`` above this decorator), for every reader."""
    generation_keys = [GENERATION_KEY, *(scope_key(scope) for scope in scopes)]

    def generation_of(found: dict[str, Any]) -> Any:
        # a bare number without scopes, as stored copies have always been keyed
        if not scopes:
            return found.get(GENERATION_KEY, 0)
        return tuple(found.get(k, 0) for k in generation_keys)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        name = f"{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            seconds = lean_seconds()
            if (
                not seconds
                or request.method != "GET"
                or not request.COOKIES  # the lean path's readers: stored whole, headers too
                or _messages_waiting(request)
            ):
                return view(request, *args, **kwargs)
            kind = reader(request, *args, **kwargs)
            if kind is None:
                return view(request, *args, **kwargs)
            key = _key(request, name, kind)
            copies = local_copies()
            local = copies.get(key)
            # this worker's copy: only the (small) current generations are read
            if local is not None and local[0] == generation_of(
                current_generation(*generation_keys[1:])
            ):
                return _answer(request, local[1], local[2])
            found = current_generation(key, *generation_keys[1:])
            generation = generation_of(found)
            stored = found.get(key)
            if stored is not None and stored[0] == generation:
                copies.put(key, stored)
                return _answer(request, stored[1], stored[2])
            setattr(request, RENDERING_FOR_STORAGE, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                setattr(request, RENDERING_FOR_STORAGE, False)
            if not _storable(response):
                if not response.streaming and response.get("Content-Type", "").startswith(
                    "text/html"
                ):
                    response.content = with_reader_token(
                        request, response.content.decode(response.charset)
                    )
                return response
            html = response.content.decode(response.charset)
            headers = [(k, v) for k, v in response.items() if k.lower() in _VIEW_HEADERS]
            django_cache.set(key, (generation, html, headers), seconds)
            copies.put(key, (generation, html, headers))
            return _answer(request, html, headers, status=response.status_code)

        return wrapped

    return decorator


def _answer(
    request: HttpRequest, html: str, headers: list[tuple[str, str]], status: int = 200
) -> HttpResponse:
    response = HttpResponse(with_reader_token(request, html), status=status)
    for name, value in headers:
        response[name] = value
    return response
