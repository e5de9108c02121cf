"""No state change on GET: every page a role can reach by GET (every URL without arguments, and
every same-site link found on the pages, breadth first) changes no row and records no audit event.

Runs on the demo content (`seed`) plus a government workspace, a letter and a question, so that
the object pages are reached through real links.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import ROLES

pytestmark = pytest.mark.django_db

MAX_PAGES = 160  # per role; the breadth-first order reaches every kind of page well before
SKIP_PREFIXES = ("/static/", "/media/", "/admin/", "/en/account/logout", "/__")
SKIP_MODELS = {"sessions.session"}  # signing in (before the crawl) writes the session


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _static_urls() -> list[str]:
    """Every URL pattern without arguments, under /en/."""
    found: list[str] = []

    def walk(patterns, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for entry in patterns:
            route = str(entry.pattern)
            if isinstance(entry, URLResolver):
                if "<" in route or "(?P" in route:
                    if route.startswith("^") and "language" in route or route == "":
                        walk(entry.url_patterns, prefix)
                    continue
                walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern) and "<" not in route and "(?" not in route:
                found.append("/" + (prefix + route).lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return sorted({url.replace("//", "/") for url in found})


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in SKIP_MODELS and model._meta.managed
    }


def _crawl(client) -> list[str]:  # type: ignore[no-untyped-def]
    queue = deque(
        [
            "/en/",
            "/en/account/staff/",
            *[f"/en{u}" if not u.startswith("/en") else u for u in _static_urls()],
        ]
    )
    seen: set[str] = set()
    visited = []
    while queue and len(visited) < MAX_PAGES:
        url = urldefrag(queue.popleft())[0]
        if url in seen or not url.startswith("/") or url.startswith(SKIP_PREFIXES):
            continue
        seen.add(url)
        response = client.get(url)
        visited.append(url)
        assert response.status_code < 500, url
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            parts = urlparse(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(("/en/", "/fr/", "/es/")) and not parts.path.startswith(
                "/en/"
            ):
                continue  # the same pages in another language
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return visited


@pytest.fixture
def demo(country, government_user, civil_society_user):
    call_command("seed", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from ogp.membership import services as membership
    from ogp.membership.tests.factories import COMPLETE_LETTER

    membership.letter_create(acting_user=government_user, country=country, **COMPLETE_LETTER)
    membership.inquiry_create(
        acting_user=government_user, country=country, subject="Timeline", body="When?"
    )


@pytest.mark.parametrize("role", ROLES)
def test_no_get_changes_anything(demo, actors, client_for, role):
    from ogp.audit.models import AuditEvent

    client = client_for(None if role == "anonymous" else actors[role])
    events = AuditEvent.objects.count()
    before = _row_counts()
    visited = _crawl(client)
    assert len(visited) > 20
    assert AuditEvent.objects.count() == events
    after = _row_counts()
    assert {k: (before[k], after[k]) for k in before if before[k] != after[k]} == {}
