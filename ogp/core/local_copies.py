"""Per-process copies of stored answers, so that a hit costs no transfer from the shared cache.

A stored page (tens of kilobytes) read from Redis on every request costs a round trip that
carries the whole body and its unpickling; in the worker's own memory it costs a dictionary
lookup. Copies are kept with the generation they were stored in, and the caller compares that
generation with the current one before answering, exactly as with the shared copy: a local
copy is never more current than the shared cache, only closer.

The memory is bounded (``OGP_LOCAL_COPIES_BYTES``, least recently used first out), and each
copy lives at most ``OGP_LOCAL_COPIES_SECONDS``: what no generation tracks (names shown in
stored audit rows, counts changed by a queryset update) is then at most that much older than
the shared copy's own expiry allows. The copies are shared by the worker's threads under a lock
(cachetools' caches are not thread-safe). ``0`` bytes turns them off, as in the test settings.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Hashable
from typing import Any

from cachetools import TTLCache
from django.conf import settings


def _size(value: tuple[Any, ...]) -> int:
    # the body dominates (or the bodies, for a tuple of rows); every copy counts at least a
    # kilobyte for its key and headers
    body = value[1]
    if isinstance(body, tuple):
        return max(sum(len(part) for part in body if isinstance(part, str | bytes)), 1024)
    return max(len(body), 1024) if isinstance(body, str | bytes) else 1024


class LocalCopies:
    """A bounded map of key -> stored tuple ``(generation, body, ...)`` for one process, each
    entry kept at most ``seconds``."""

    def __init__(self, max_bytes: int, seconds: float = 60.0) -> None:
        self.max_bytes = max_bytes
        self.seconds = seconds
        self._lock = threading.Lock()
        self._copies: TTLCache[Hashable, tuple[Any, ...]] = TTLCache(
            maxsize=max(max_bytes, 1), ttl=seconds, timer=time.monotonic, getsizeof=_size
        )

    def get(self, key: Hashable) -> tuple[Any, ...] | None:
        if not self.max_bytes:
            return None
        with self._lock:
            return self._copies.get(key)

    def get_many(self, keys: list[Hashable]) -> list[tuple[Any, ...] | None]:
        """Each key's copy or None, under one acquisition of the lock."""
        if not self.max_bytes:
            return [None] * len(keys)
        with self._lock:
            return [self._copies.get(key) for key in keys]

    def put(self, key: Hashable, value: tuple[Any, ...]) -> None:
        if not self.max_bytes or _size(value) > self.max_bytes:
            return
        with self._lock:
            self._copies[key] = value

    def put_many(self, values: dict[Hashable, tuple[Any, ...]]) -> None:
        if not self.max_bytes:
            return
        with self._lock:
            for key, value in values.items():
                if _size(value) <= self.max_bytes:
                    self._copies[key] = value

    def clear(self) -> None:
        with self._lock:
            self._copies.clear()


_copies: LocalCopies | None = None


def local_copies() -> LocalCopies:
    """This process's copies, sized from the settings when first used."""
    global _copies
    wanted = int(getattr(settings, "OGP_LOCAL_COPIES_BYTES", 0))
    seconds = float(getattr(settings, "OGP_LOCAL_COPIES_SECONDS", 60.0))
    if _copies is None or (_copies.max_bytes, _copies.seconds) != (wanted, seconds):
        _copies = LocalCopies(wanted, seconds)
    return _copies
