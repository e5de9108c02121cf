"""Per-client rate limits: by token (its owner) when one is sent, by address otherwise.

A fixed window counted with one atomic cache increment per request (DRF's default keeps every
request time of the window in the cache, which grows with the limit)."""

import time
from typing import Any

from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


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
        try:
            count = cache.incr(key)  # one round trip in the common case
        except ValueError:  # first request of the window
            count = 1 if cache.add(key, 1, self.duration + 1) else cache.incr(key)
        if count > self.num_requests:
            self.wait_seconds = (window + 1) * self.duration - now
            return False
        return True

    def wait(self) -> float:
        return max(self.wait_seconds, 1.0)

    def get_cache_key(self, request: Request, view: Any) -> str:
        ident = f"user-{request.user.pk}" if self.scope == "token" else self.get_ident(request)
        return f"api-throttle:{self.scope}:{ident}"
