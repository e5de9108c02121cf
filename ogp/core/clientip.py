"""The client's address, the same for every limit on the platform (allauth's included).

`X-Forwarded-For` is written by whoever sends the request, so only the entries appended by the
proxies we run can be believed. With `TRUSTED_PROXY_COUNT = n` (the number of proxies in front of
the application, 1 for the documented nginx), the client is the n-th entry from the right: the
address the outermost trusted proxy saw. Anything to its left is the client's own claim and is
ignored. With 0 (no proxy), the header is ignored and the socket address is used.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _clean(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.5:443"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address of the client as seen by the outermost proxy we trust (or by the socket)."""
    remote = _clean(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - a key only
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if trusted <= 0:
        return remote
    forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [hop for hop in forwarded if hop.strip()]
    if not forwarded:
        return remote
    # Fewer entries than trusted proxies: every entry was written by one of ours; take the first.
    chosen = forwarded[-trusted] if len(forwarded) >= trusted else forwarded[0]
    return _clean(chosen) or remote
