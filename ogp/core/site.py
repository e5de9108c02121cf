"""The address people reach the platform at, for links in e-mails.

E-mails sent while a request is handled link to the scheme, host and port of that request (a
person who signed up on http://127.0.0.1:8117 gets links to it); e-mails sent outside a request
(digests, reminders, queued jobs) use ``settings.SITE_URL``. ``CurrentSiteURLMiddleware`` records
the request's address for the duration of the request.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import lazy

_request_base_url: ContextVar[str | None] = ContextVar("ogp_request_base_url", default=None)


def site_base_url() -> str:
    """``scheme://host[:port]`` of the current request, else ``settings.SITE_URL``."""
    return _request_base_url.get() or settings.SITE_URL.rstrip("/")


def absolute_url(path: str, *, base_url: str | None = None) -> str:
    return (base_url or site_base_url()).rstrip("/") + path


def _reverse_absolute(base_url: str, name: str, kwargs: dict[str, Any]) -> str:
    return base_url + reverse(name, kwargs=kwargs)


def lazy_absolute_url(name: str, **kwargs: Any) -> str:
    """Absolute URL of a named route: the host is taken now (the request's), the path when the
    e-mail is rendered, so it carries the language prefix of the recipient's e-mail."""
    return lazy(_reverse_absolute, str)(site_base_url(), name, kwargs)


class CurrentSiteURLMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            base = f"{request.scheme}://{request.get_host()}"
        except Exception:  # DisallowedHost: Django answers 400 later; e-mails use SITE_URL
            base = None
        token = _request_base_url.set(base)
        try:
            return self.get_response(request)
        finally:
            _request_base_url.reset(token)
