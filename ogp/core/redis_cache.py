"""Django's Redis cache, keeping one client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call, and
each one fills a table of about 160 response callbacks: on a page answered from the lean path
(ogp/core/cache_middleware.py) that was a third of the request's CPU time. A ``redis.Redis`` is
safe to share between threads (each command takes a connection from the pool), so one is kept
per pool, made on first use.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}
        self._lock = threading.Lock()

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        base: Any = self  # Django's private attributes, which the type stubs leave out
        index = base._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            with self._lock:
                client = self._clients.get(index)
                if client is None:
                    if index not in base._pools:
                        base._pools[index] = base._pool_class.from_url(
                            base._servers[index], **base._pool_options
                        )
                    client = self._clients[index] = base._client(connection_pool=base._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
