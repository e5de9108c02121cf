"""Sessions as Django's cached_db engine keeps them, read in the round trip that also reads
every generation of stored pages (:func:`ogp.core.cache_middleware.read_with_generations`).

A signed-in page needs the session, the user's row and the current generation; with the
generation read here and the user's row and the page kept by the worker
(:mod:`ogp.core.local_copies`), a stored page costs one round trip to the cache instead of
three. Writing, expiry and the database fallback are Django's own.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache import DEFAULT_CACHE_ALIAS

from .cache_middleware import read_with_generations


class SessionStore(CachedDBStore):
    def load(self) -> dict[str, Any]:
        if settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS:
            return super().load()  # the generations live in the default cache
        try:
            data = read_with_generations(self.cache_key)
        except Exception:  # noqa: BLE001 - as Django's own: an unreadable cache resets nothing
            data = None
        if data is None:
            return super().load()  # a miss: Django reads the database and fills the cache
        return data  # type: ignore[no-any-return]
