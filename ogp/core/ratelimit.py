"""A small fixed-window rate limiter on the Django cache (no third-party service).

Used for anonymous submissions (sign-ups to lists, registrations, reports). Login rate limits are
django-allauth's own (ACCOUNT_RATE_LIMITS).
"""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest) -> str:
    """Identify the client by IP (first X-Forwarded-For hop behind a proxy) and user id."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    ip = forwarded.split(",")[0].strip() if forwarded else request.META.get("REMOTE_ADDR", "")
    user_id = getattr(getattr(request, "user", None), "pk", None) or ""
    return hashlib.sha256(f"{ip}|{user_id}".encode()).hexdigest()[:32]


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
