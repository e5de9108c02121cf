"""Home page, health check and error pages."""

import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ogp.core.cache_middleware import public_page
from ogp.core.shared_pages import shared_page


@shared_page()
@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_GET
def design(request: HttpRequest) -> HttpResponse:
    """The design system's components, as they render (see docs/design-system.md)."""
    from django import forms
    from django.utils.translation import gettext_lazy as _

    class ExampleForm(forms.Form):
        email = forms.EmailField(label=_("E-mail address"), help_text=_("We never share it."))
        language = forms.ChoiceField(
            label=_("Language"),
            choices=[("en", "English"), ("fr", "Français"), ("es", "Español")],
            widget=forms.RadioSelect,
        )

    form = ExampleForm({"email": "not-an-address", "language": ""})
    form.is_valid()
    return render(request, "core/design.html", {"form": form})


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database and cache answer, 503 otherwise."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = "error"
    try:
        cache.set("health-check", "1", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "1" else "error"
    except Exception:  # noqa: BLE001
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


# Retry-After for pages answered while the database is unreachable (seconds).
DATABASE_RETRY_AFTER = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 with Retry-After when the cause is the database being out of reach (the
    next request reconnects by itself). Neither page touches the database or the session."""
    if _database_unreachable(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return render(request, "500.html", status=500)


def _database_unreachable(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        if isinstance(error, DatabaseError):
            return False
        error = error.__cause__ or error.__context__
    return False
