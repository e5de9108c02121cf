"""The directory is stored per kind of reader and whether the reader has an entry: the same
HTML as a fresh build, the reader's own entry link right at once, and the personal focus-area
list never shared."""

import re

import pytest
from django.urls import reverse

from ogp.participation.services.directory import person_save

pytestmark = pytest.mark.django_db

URL = reverse("participation:directory")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def stored(settings, each_copy_tier):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300


def _entry(user):  # type: ignore[no-untyped-def]
    return person_save(
        acting_user=user, consent=True, full_name="Ana Stored", job_title="", email="",
        phone="", bio="", public_fields=[],
    )  # fmt: skip


def _html(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return TOKEN.sub("", response.content.decode())


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_stored_directory_equals_a_fresh_build(stored, settings, client_for, user, language):  # type: ignore[no-untyped-def]
    _entry(user)
    url = reverse("participation:directory").replace("/en/", f"/{language}/")
    client = client_for(user)
    client.get(url)
    from_store = _html(client.get(url))
    settings.OGP_LEAN_CACHE_SECONDS = 0
    assert from_store == _html(client.get(url))


def test_a_second_page_runs_no_query(stored, client_for, user, django_assert_num_queries):  # type: ignore[no-untyped-def]
    client = client_for(user)
    client.get(URL)
    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200


def test_the_own_entry_link_follows_the_reader(stored, client_for, user, researcher_user):  # type: ignore[no-untyped-def]
    _entry(researcher_user)
    without = client_for(user).get(URL).content.decode()
    assert "List myself in the directory" in without
    assert "Edit my directory entry" in client_for(researcher_user).get(URL).content.decode()
    _entry(user)
    assert "Edit my directory entry" in client_for(user).get(URL).content.decode()


def test_a_focus_area_search_is_the_readers_own(stored, client_for, user, monkeypatch):  # type: ignore[no-untyped-def]
    from ogp.core import shared_pages

    stores: list[str] = []
    real = shared_pages.django_cache.set
    monkeypatch.setattr(
        shared_pages.django_cache,
        "set",
        lambda key, *a, **k: stores.append(key) or real(key, *a, **k),
    )
    assert client_for(user).get(URL + "?focus_area=1").status_code == 200
    assert not [key for key in stores if key.startswith("shared:page:")]
