"""The database cache's increment: atomic across workers, and the key keeps its expiry."""

import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings

from ogp.core.db_cache import DatabaseCache

CACHES = {"default": {"BACKEND": "ogp.core.db_cache.DatabaseCache", "LOCATION": "ogp_cache"}}


@pytest.fixture
def table(db):  # type: ignore[no-untyped-def]
    with override_settings(CACHES=CACHES):
        call_command("createcachetable", verbosity=0)
        yield


def test_incr_keeps_the_expiry_and_refuses_missing_keys(table):  # type: ignore[no-untyped-def]
    cache = DatabaseCache("ogp_cache", {})
    with pytest.raises(ValueError):
        cache.incr("absent")
    cache.set("window", 1, 2)
    assert cache.incr("window") == 2
    assert cache.incr("window", 5) == 7
    assert cache.decr("window") == 6
    time.sleep(2.2)  # the window ends when it was set to end, however often it was counted
    assert cache.get("window") is None
    with pytest.raises(ValueError):
        cache.incr("window")


@pytest.mark.django_db(transaction=True)
def test_workers_counting_at_once_lose_no_count():  # type: ignore[no-untyped-def]
    if connection.vendor != "postgresql":
        pytest.skip("threads share one in-memory SQLite test database; PostgreSQL only")
    with override_settings(CACHES=CACHES):
        call_command("createcachetable", verbosity=0)
        DatabaseCache("ogp_cache", {}).set("hits", 0, 60)

        def worker() -> None:
            cache = DatabaseCache("ogp_cache", {})  # one cache object per worker
            for _ in range(25):
                cache.incr("hits")
            connections.close_all()

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert DatabaseCache("ogp_cache", {}).get("hits") == 200
