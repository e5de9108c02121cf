"""Django's database cache, with an increment that is atomic and keeps the key's expiry.

The embedded default (and any install without Redis) keeps rate-limit counters in the
database cache. Django's ``DatabaseCache.incr`` is a read followed by a ``set``: two workers
counting at once both write the same number, and the ``set`` gives the key a new default
timeout, so a fixed rate-limit window that keeps receiving requests never ends. Here the
row is locked while it is read and changed (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
transactions here begin IMMEDIATE, which takes the write lock), and only the value changes.
"""

from __future__ import annotations

import base64
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        q = connection.ops.quote_name
        table = q(self._table)  # type: ignore[attr-defined]  # set by BaseDatabaseCache
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {q('value')}, {q('expires')} FROM {table} "  # noqa: S608 (names quoted)
                f"WHERE {q('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is not None:
                expires = row[1]
                expression = models.Expression(output_field=models.DateTimeField())
                for converter in connection.ops.get_db_converters(
                    expression
                ) + expression.get_db_converters(connection):
                    expires = converter(expires, expression, connection)
            if row is None or expires < tz_now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301 (ours)
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {q('value')} = %s WHERE {q('cache_key')} = %s",  # noqa: S608
                [encoded, key],
            )
        return value
