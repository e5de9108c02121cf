"""Per-client rate limits: by token (its owner) when one is sent, by address otherwise."""

from typing import Any

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class ClientRateThrottle(SimpleRateThrottle):
    scope = "anon"  # chosen per request in allow_request

    def __init__(self) -> None:  # the rate depends on the request: read it there
        pass

    def allow_request(self, request: Request, view: Any) -> bool:
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES  # read now: settings can change
        self.scope = "token" if isinstance(getattr(request, "auth", None), ApiToken) else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str:
        ident = f"user-{request.user.pk}" if self.scope == "token" else self.get_ident(request)
        return f"api-throttle:{self.scope}:{ident}"
