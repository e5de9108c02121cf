"""The lean path: cached public pages for visitors without cookies, with HTTP validators."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def lean(settings):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.OGP_PUBLIC_MAX_AGE = 60


def test_second_visitor_gets_the_stored_copy_without_queries(lean, django_assert_num_queries):  # type: ignore[no-untyped-def]
    url = reverse("participation:forum-list")
    first = Client().get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60"
    assert first["ETag"] and first["Last-Modified"]
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        second = Client().get(url)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["X-Frame-Options"] == "DENY"  # security headers replayed
    assert "Content-Security-Policy" in second


def test_validators_give_not_modified(lean):  # type: ignore[no-untyped-def]
    url = reverse("participation:forum-list")
    etag = Client().get(url)["ETag"]
    Client().get(url)
    again = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_a_change_to_published_data_shows_at_once(lean, country):  # type: ignore[no-untyped-def]
    from ogp.participation.tests.factories import ForumFactory

    url = reverse("participation:forum-list")
    assert "Fresh forum" not in Client().get(url).content.decode()
    ForumFactory(country=country, name="Fresh forum")
    assert "Fresh forum" in Client().get(url).content.decode()


def test_visitors_with_cookies_and_private_pages_skip_it(lean, client_for, staff_user):  # type: ignore[no-untyped-def]
    url = reverse("participation:forum-list")
    Client().get(url)
    signed_in = client_for(staff_user).get(url)
    assert "ETag" not in signed_in  # built for this reader, never stored nor served from store
    staff = client_for(staff_user).get(reverse("participation:staff-forums"))
    assert "ETag" not in staff
    anonymous_staff_page = Client().get(reverse("participation:staff-forums"))
    assert "public" not in anonymous_staff_page.get("Cache-Control", "")


def test_no_store_when_off(settings):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 0
    response = Client().get(reverse("participation:forum-list"))
    assert "ETag" not in response


def test_signed_in_readers_reuse_the_cached_list(lean, client_for, user, country):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ogp.participation.tests.factories import ForumFactory

    ForumFactory(country=country, name="Shared forum")
    url = reverse("participation:forum-list")
    client = client_for(user)
    with CaptureQueriesContext(connection) as first:
        assert "Shared forum" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as second:
        again = client.get(url).content.decode()
    assert "Shared forum" in again
    assert len(second) < len(first)  # the list's own queries are not run again
    assert not any("participation_forum" in q["sql"] for q in second.captured_queries)
    ForumFactory(country=country, name="Newer forum")
    assert "Newer forum" in client.get(url).content.decode()


def test_many_changes_in_one_transaction_bump_once_until_read(lean, country, monkeypatch):  # type: ignore[no-untyped-def]
    """A publication saving many rows pays one bump, yet a reader in the same transaction
    after each change still gets a fresh page (the test itself runs inside a transaction)."""
    from ogp.core import cache_middleware
    from ogp.participation.tests.factories import ForumFactory

    bumps = []
    real_bump = cache_middleware._bump
    monkeypatch.setattr(cache_middleware, "_bump", lambda *key: (bumps.append(1), real_bump(*key)))
    url = reverse("participation:forum-list")
    Client().get(url)
    bumps.clear()
    for n in range(20):
        ForumFactory(country=country, name=f"Batch forum {n}")
    assert len(bumps) == 0  # owed, not paid: nobody read a stored page yet
    assert "Batch forum 19" in Client().get(url).content.decode()
    assert len(bumps) == 1
    ForumFactory(country=country, name="One more forum")
    assert "One more forum" in Client().get(url).content.decode()
    assert len(bumps) == 2


def test_api_and_static_addresses_skip_the_cache_round_trip(lean, monkeypatch):  # type: ignore[no-untyped-def]
    from ogp.core import cache_middleware

    reads = []
    real = cache_middleware.current_generation
    monkeypatch.setattr(
        cache_middleware, "current_generation", lambda *keys: reads.append(keys) or real(*keys)
    )
    assert Client().get("/api/v1/countries/").status_code == 200
    Client().get("/static/none.css")
    # the API's own lean path reads its stored answers (ogp/api/lean.py), never a page's
    assert [keys for keys in reads if any(k.startswith("lean:page:") for k in keys)] == []
    before = len(reads)
    Client().get(reverse("participation:forum-list"))
    assert reads[before][0].startswith("lean:page:")  # a public page still goes through it
