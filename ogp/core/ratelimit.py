"""A small fixed-window rate limiter on the shared Django cache (no third-party service).

Used for anonymous submissions (sign-ups to lists, registrations, reports). Login rate limits are
django-allauth's own (ACCOUNT_RATE_LIMITS); both key on `ogp.core.clientip.client_ip`, and both
hold across workers only because the default cache is shared (database or Redis, see settings).
"""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

from ogp.core.clientip import client_ip


def client_key(request: HttpRequest) -> str:
    """Identify the client by its trusted address and user id."""
    user_id = getattr(getattr(request, "user", None), "pk", None) or ""
    return hashlib.sha256(f"{client_ip(request)}|{user_id}".encode()).hexdigest()[:32]


def check_rate(request: HttpRequest, scope: str, limit: int, period: int) -> bool:
    """Count one hit for this client in `scope`; False once more than `limit` in `period` s."""
    key = f"rl:{scope}:{client_key(request)}"
    if cache.add(key, 1, timeout=period):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        return True
    return count <= limit
