"""Request logging (one JSON line per request in production) and refusal of hostile input."""

import logging
import re
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger("ogp.request")


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        if request.path != "/health/":
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": getattr(getattr(request, "user", None), "pk", None),
                },
            )
        return response


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong HTTP method (e.g. GET on a form's POST address) with an empty 405;
    people who reach such an address by reloading or switching language get a page instead."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            from django.shortcuts import render

            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


# C0 control characters and DEL: no address on the platform contains one. In a query, tab and
# line breaks may come from a text field; NUL never (PostgreSQL cannot even store it).
CONTROL_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_IN_QUERY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(request: HttpRequest) -> bool:
    if CONTROL_IN_PATH.search(request.path):
        return True
    return any(
        CONTROL_IN_QUERY.search(key) or any(CONTROL_IN_QUERY.search(v) for v in values)
        for key, values in request.GET.lists()
    )


class HostileInputMiddleware:
    """Answer 400 to control characters in the address or query, before any view (or database
    query) sees them; forget cookies that carry them (a NUL session key would reach the
    database)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name, value in list(request.COOKIES.items()):
            if CONTROL_IN_PATH.search(value):
                del request.COOKIES[name]
        session = getattr(request, "session", None)
        if session is not None and CONTROL_IN_PATH.search(session.session_key or ""):
            request.session = type(session)()
        if has_control_characters(request):
            return HttpResponse(loader.render_to_string("400.html", request=None), status=400)
        return self.get_response(request)
