"""Per-client rate limits: by token (its owner) when one is sent, by address otherwise.

A fixed window counted in the shared cache (DRF's default keeps every request time of the
window in the cache, which grows with the limit). Each worker counts its own requests first
and adds them to the shared count in one increment (``_LocalCounts``): a round trip to Redis
is 60% of the CPU time of a stored answer, and a heavy client's requests then cost one round
trip per worker every ``SYNC_SECONDS`` or every tenth of its limit, whichever comes first. The
first request of a window, and every request past nine tenths of the limit, are counted in the
shared cache at once, so a limit is exact near its end: a client can pass it only by what the
other workers counted and have not yet added (under a tenth of the limit each)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken

SYNC_SECONDS = 0.1  # how long a worker may keep a client's count to itself
_NEVER = float("-inf")


@dataclass
class _Count:
    ends_at: float  # the window's end (time.time())
    shared: int = 0  # the shared count at the last increment (ours included)
    pending: int = 0  # counted here since, not yet added
    synced_at: float = _NEVER


class _LocalCounts:
    """This worker's counts of the current windows, by cache key (the key names the window;
    threads share them). Ended windows are dropped once a second."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[str, _Count] = {}
        self.pruned_at = _NEVER

    def count(self, key: str, ends_at: float, limit: int, duration: int) -> int:
        """This request counted: the client's count in the window, as far as known here."""
        now = time.monotonic()
        with self.lock:
            if now - self.pruned_at >= 1.0:
                wall = time.time()
                self.counts = {k: c for k, c in self.counts.items() if c.ends_at > wall}
                self.pruned_at = now
            entry = self.counts.get(key)
            if entry is None:
                entry = self.counts[key] = _Count(ends_at)
            entry.pending += 1
            estimate = entry.shared + entry.pending
            if (
                entry.synced_at != _NEVER
                and entry.pending < max(1, limit // 10)
                and now - entry.synced_at < SYNC_SECONDS
                and estimate * 10 <= limit * 9
            ):
                return estimate
            delta, entry.pending = entry.pending, 0
        shared = _add(key, delta, duration)
        with self.lock:
            entry.shared, entry.synced_at = shared, now
            return shared + entry.pending


def _add(key: str, delta: int, duration: int) -> int:
    """``delta`` added to the shared count (made for the window's length): the new count."""
    try:
        return int(cache.incr(key, delta))  # one round trip in the common case
    except ValueError:  # the window's first request
        if cache.add(key, delta, duration + 1):
            return delta
        return int(cache.incr(key, delta))


_local = _LocalCounts()


def forget_local_counts() -> None:
    """This worker's counts dropped (the tests, when they empty the shared cache)."""
    global _local
    _local = _LocalCounts()


class ClientRateThrottle(SimpleRateThrottle):
    scope = "anon"  # chosen per request in allow_request

    def __init__(self) -> None:  # the rate depends on the request: read it there
        self.wait_seconds = 0.0

    def allow_request(self, request: Request, view: Any) -> bool:
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES  # read now: settings can change
        self.scope = "token" if isinstance(getattr(request, "auth", None), ApiToken) else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        now = time.time()
        window = int(now // self.duration)
        key = f"{self.get_cache_key(request, view)}:{window}"
        ends_at = (window + 1) * self.duration
        count = _local.count(key, ends_at, self.num_requests, self.duration)
        if count > self.num_requests:
            self.wait_seconds = ends_at - now
            return False
        return True

    def wait(self) -> float:
        return max(self.wait_seconds, 1.0)

    def get_cache_key(self, request: Request, view: Any) -> str:
        ident = f"user-{request.user.pk}" if self.scope == "token" else self.get_ident(request)
        return f"api-throttle:{self.scope}:{ident}"
