"""The Redis cache keeps one client per connection pool (no Redis server needed: a client
connects only when a command runs), and its shortcuts (one round trip for ``incr``, no
memcached key checks, no ``int()`` tried on pickles) keep Django's behaviour."""

import os
import secrets
import threading
import warnings

import pytest
import redis
from django.core.cache.backends.base import CacheKeyWarning
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from ogp.core.redis_cache import RedisCache


def make(location: str = "redis://127.0.0.1:6379/0") -> RedisCache:
    return RedisCache(location, {"KEY_PREFIX": "t"})


def test_one_client_per_pool_reused_by_every_call():
    cache = make()
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client(None, write=True) is first
    assert first.connection_pool is cache._cache._pools[0]


def test_reads_spread_over_replicas_each_with_its_own_client():
    cache = make("redis://127.0.0.1:6379/0,redis://127.0.0.1:6380/0")
    writer = cache._cache.get_client(None, write=True)
    reader = cache._cache.get_client("k")
    assert writer.connection_pool.connection_kwargs["port"] == 6379
    assert reader.connection_pool.connection_kwargs["port"] == 6380
    assert cache._cache.get_client("k") is reader


def test_threads_share_the_client():
    cache = make()
    seen = []
    threads = [
        threading.Thread(target=lambda: seen.append(cache._cache.get_client())) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in seen}) == 1


# With a Redis server (TEST_REDIS_URL, else the local default; skipped without one): the
# shortcuts keep Django's behaviour.


@pytest.fixture
def live():
    location = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    cache = RedisCache(location, {"KEY_PREFIX": f"test-{secrets.token_hex(4)}"})
    django = DjangoRedisCache(location, {"KEY_PREFIX": cache.key_prefix})
    try:
        cache._cache.get_client().ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server")
    yield cache, django
    client = cache._cache.get_client()
    keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
    if keys:
        client.delete(*keys)


def test_incr_is_djangos_in_one_round_trip(live):
    cache, django = live
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    assert cache.get("missing") is None  # not made by the failed increment
    cache.set("n", 5)
    assert cache.incr("n") == 6 and cache.incr("n", 10) == 16 and cache.incr("n", -20) == -4
    assert django.get("n") == -4 and django.incr("n") == cache.get("n") == -3
    sent = []
    client = cache._cache.get_client(write=True)
    original = client.execute_command
    client.execute_command = lambda *args, **kw: sent.append(args[0]) or original(*args, **kw)
    try:
        cache.incr("n")
    finally:
        del client.execute_command
    assert sent == ["EVALSHA"]
    script = cache._cache._incr_scripts[id(client)]
    script.sha = "0" * 40  # as after a restart of Redis (no script under that digest)
    assert cache.incr("n") == -1  # the script is loaded again


def test_values_read_back_as_djangos_serializer_reads_them(live):
    cache, django = live
    values = [0, -7, 2**70, True, 1.5, "12", b"34", "", None, [1, "a"], {"k": (1, b"x")}]
    for i, value in enumerate(values):
        cache.set(f"v{i}", value)
        assert cache.get(f"v{i}", "default") == django.get(f"v{i}", "default") == value
        django.set(f"w{i}", value)
        assert cache.get(f"w{i}", "default") == value
    many = cache.get_many([f"v{i}" for i in range(len(values))] + ["absent"])
    assert many == django.get_many([f"v{i}" for i in range(len(values))] + ["absent"])


def test_keys_memcached_would_refuse_are_kept_as_they_are(live):
    cache, django = live
    key = "api:v1:results:2024:en:/api/v1/cycles/2024/results/?q=a b\n" + "x" * 300
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no CacheKeyWarning
        cache.set(key, "page")
        assert cache.get_many([key]) == {key: "page"}
    with pytest.warns(CacheKeyWarning):
        assert django.get(key) == "page"  # the same key in Redis
