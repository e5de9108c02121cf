"""Per-process copies of stored pages: bounded, and never more current than the shared cache."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from ogp.core import cache_middleware
from ogp.core.local_copies import LocalCopies, local_copies


def test_copies_are_bounded_least_recently_used_first_out() -> None:
    copies = LocalCopies(max_bytes=3000)
    copies.put("a", (1, "x" * 1000))
    copies.put("b", (1, "x" * 1000))
    assert copies.get("a") is not None  # "a" is now the most recently used
    copies.put("c", (1, "x" * 1500))
    assert copies.get("b") is None
    assert copies.get("a") == (1, "x" * 1000)
    assert copies.get("c") is not None


def test_a_copy_larger_than_the_bound_is_not_kept_and_zero_turns_them_off() -> None:
    copies = LocalCopies(max_bytes=2000)
    copies.put("big", (1, b"x" * 5000))
    assert copies.get("big") is None
    off = LocalCopies(max_bytes=0)
    off.put("a", (1, "x"))
    assert off.get("a") is None


def test_a_copy_expires_after_its_seconds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ogp.core import local_copies as module

    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    copies = LocalCopies(max_bytes=10_000, seconds=60)
    copies.put("a", (1, "x"))
    now[0] += 59
    assert copies.get("a") is not None
    now[0] += 2
    assert copies.get("a") is None


def test_small_copies_count_at_least_a_kilobyte() -> None:
    copies = LocalCopies(max_bytes=2048)
    for n in range(3):
        copies.put(n, (1, "x"))
    assert copies.get(0) is None  # three 1 KiB copies do not fit in 2 KiB
    assert copies.get(2) is not None


@pytest.fixture
def lean_with_copies(settings):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.OGP_LOCAL_COPIES_BYTES = 1024 * 1024
    settings.OGP_LEAN_LOCAL_SECONDS = 60
    cache.clear()
    local_copies().clear()
    yield
    local_copies().clear()


def _count_cache_reads(monkeypatch):  # type: ignore[no-untyped-def]
    reads: list[object] = []
    real = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(keys) or real(keys))
    return reads


@pytest.mark.django_db
def test_a_visitor_hit_on_the_workers_copy_reads_nothing_from_the_cache(
    lean_with_copies,
    monkeypatch,
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    url = reverse("participation:forum-list")
    first = Client().get(url)
    reads = _count_cache_reads(monkeypatch)
    with django_assert_num_queries(0):
        second = Client().get(url)
    assert reads == []
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.django_db
def test_a_change_made_in_this_process_shows_at_once(lean_with_copies, country) -> None:  # type: ignore[no-untyped-def]
    from ogp.participation.tests.factories import ForumFactory

    url = reverse("participation:forum-list")
    Client().get(url)
    Client().get(url)
    ForumFactory(country=country, name="Local fresh forum")
    assert "Local fresh forum" in Client().get(url).content.decode()


@pytest.mark.django_db
def test_another_workers_change_shows_once_the_reading_is_older_than_allowed(
    lean_with_copies,
    country,  # type: ignore[no-untyped-def]
) -> None:
    from ogp.participation.models import Forum
    from ogp.participation.tests.factories import ForumFactory

    url = reverse("participation:forum-list")
    Client().get(url)
    Client().get(url)
    # another worker saves a forum and bumps the shared generation; this process's reading of
    # the generation is recent, so visitors here keep the copy for at most that long
    reading = cache_middleware._recent.reading
    forum = ForumFactory.build(country=country, name="Elsewhere forum")
    Forum.objects.bulk_create([forum])  # no signal: the bump below is the other worker's
    current = cache.get(cache_middleware.GENERATION_KEY, 0)
    cache.set(cache_middleware.GENERATION_KEY, current + 1, None)
    cache_middleware._recent.reading = reading
    assert "Elsewhere forum" not in Client().get(url).content.decode()
    cache_middleware._recent.reading = (reading[0], float("-inf"))  # the allowed age has passed
    assert "Elsewhere forum" in Client().get(url).content.decode()


@pytest.mark.django_db
def test_signed_in_readers_always_read_the_current_generation(
    lean_with_copies,
    client_for,
    user,
    country,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from ogp.participation.tests.factories import ForumFactory

    url = reverse("participation:forum-list")
    reader = client_for(user)
    reader.get(url)
    reader.get(url)
    reads = _count_cache_reads(monkeypatch)
    page = reader.get(url)
    assert page.status_code == 200
    assert any(cache_middleware.GENERATION_KEY in keys for keys in reads)  # type: ignore[operator]
    ForumFactory(country=country, name="Seen by the reader")
    assert "Seen by the reader" in reader.get(url).content.decode()


@pytest.mark.django_db
def test_a_signed_in_stored_page_costs_one_cache_round_trip(
    lean_with_copies,
    client_for,
    user,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """The session is read with every generation; the user's row and the page are this
    worker's own copies, checked against those generations."""
    url = reverse("participation:forum-list")
    reader = client_for(user)
    reader.get(url)
    reader.get(url)
    reads: list[object] = []
    inside_many = []
    real_many, real_get = cache.get_many, cache.get

    def get_many(keys):  # type: ignore[no-untyped-def]
        reads.append(keys)
        inside_many.append(1)
        try:
            return real_many(keys)  # the local-memory cache of the tests gets key by key
        finally:
            inside_many.pop()

    def get(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not inside_many:
            reads.append(args)
        return real_get(*args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    monkeypatch.setattr(cache, "get", get)
    assert reader.get(url).status_code == 200
    assert len(reads) == 1, reads
    assert cache_middleware.GENERATION_KEY in reads[0]  # type: ignore[operator]


@pytest.mark.django_db
def test_generations_read_with_the_session_last_one_request(
    lean_with_copies,
    client_for,
    user,
    country,  # type: ignore[no-untyped-def]
) -> None:
    from ogp.participation.models import Forum
    from ogp.participation.tests.factories import ForumFactory

    url = reverse("participation:forum-list")
    reader = client_for(user)
    reader.get(url)
    Forum.objects.bulk_create([ForumFactory.build(country=country, name="Another worker's")])
    current = cache.get(cache_middleware.GENERATION_KEY, 0)
    cache.set(cache_middleware.GENERATION_KEY, current + 1, None)  # as another worker bumps
    assert "Another worker&#x27;s" in reader.get(url).content.decode()
