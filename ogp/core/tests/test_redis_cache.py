"""The Redis cache keeps one client per connection pool (no Redis server needed: a client
connects only when a command runs)."""

import threading

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
