"""Django's Redis cache, keeping one client per connection pool, with three shortcuts that keep
Django's behaviour.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call, and
each one fills a table of about 160 response callbacks: on a page answered from the lean path
(ogp/core/cache_middleware.py) that was a third of the request's CPU time. A ``redis.Redis`` is
safe to share between threads (each command takes a connection from the pool), so one is kept
per pool, made on first use.

- Keys are not checked for memcached: Django's ``validate_key`` warns about keys memcached would
  refuse (over 250 characters, spaces, control characters); Redis takes any key, and checking
  the 51 keys of an API page of stored rows (ogp/api/rows.py) was 5% of its CPU time. The
  tests and development run on caches that still warn (local memory, database), so a key that
  would not be portable is still seen where the code is tested.
- ``incr`` is one round trip instead of two (Django sends EXISTS, then INCRBY): a script does
  both in Redis, which is also atomic (no key made between the two by an expiry). Still a
  ``ValueError`` for a missing key, as Django's.
- Values are unpickled without first trying ``int()`` on them (Django's serializer stores
  integers as they are and everything else pickled, and reads every value by trying ``int``
  first: an exception for each row of a page). A pickle of protocol 2 or later starts with
  the PROTO opcode (0x80), which no integer's digits can start with.
"""

from __future__ import annotations

import pickle
import threading
from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.core.cache.backends.redis import RedisSerializer as DjangoRedisSerializer

_PICKLE_PROTO = b"\x80"
# INCRBY only when the key exists (Django's incr raises for a missing key)
_INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
return false
"""


class RedisSerializer(DjangoRedisSerializer):
    def loads(self, data: Any) -> Any:
        if data[:1] == _PICKLE_PROTO:
            return pickle.loads(data)  # noqa: S301 (our own cache, as Django's serializer)
        return super().loads(data)


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, servers: Any, serializer: Any = None, **kwargs: Any) -> None:
        super().__init__(servers, serializer=serializer or RedisSerializer, **kwargs)
        self._clients: dict[int, Any] = {}
        self._lock = threading.Lock()
        self._incr_scripts: dict[int, Any] = {}

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

    def incr(self, key: Any, delta: int) -> Any:
        client = self.get_client(key, write=True)
        script = self._incr_scripts.get(id(client))
        if script is None:
            script = self._incr_scripts[id(client)] = client.register_script(_INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class RedisCache(DjangoRedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def make_and_validate_key(self, key: Any, version: int | None = None) -> str:
        """The key with its prefix and version, without memcached's checks (see above)."""
        return self.make_key(key, version=version)
