"""Django's PostgreSQL backend, whose persistent connections are health-checked at most once
per ``DB_HEALTH_CHECK_SECONDS`` (a second by default) instead of before every request.

With ``CONN_HEALTH_CHECKS`` Django sends ``SELECT 1`` before each request reuses a connection:
a round trip on every request (5% of an uncached API page's time, and the server's work). A
connection that passed a check less than a second ago is taken as it is; one checked longer
ago (where a restarted server or a dropped link shows) is checked as before. A server that
restarts within that second costs at most the requests that find it before Django closes the
connection (after a failed query, ``errors_occurred``, Django checks it and closes it); the
next request opens a new one, which is checked again.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db.backends.postgresql import base

_NEVER = float("-inf")


class DatabaseWrapper(base.DatabaseWrapper):
    checked_at: float = _NEVER

    def close_if_health_check_failed(self) -> None:
        wrapper: Any = self  # attributes Django sets in connect(), which the stubs leave out
        if self.connection is None or not wrapper.health_check_enabled or wrapper.health_check_done:
            return
        seconds = float(getattr(settings, "DB_HEALTH_CHECK_SECONDS", 1.0))
        if time.monotonic() - self.checked_at < seconds:
            wrapper.health_check_done = True  # checked a moment ago: taken as it is
            return
        super().close_if_health_check_failed()
        if self.connection is not None:  # it passed
            self.checked_at = time.monotonic()

    def connect(self) -> None:
        super().connect()
        self.checked_at = time.monotonic()  # a new connection is healthy (Django's rule too)

    def close(self) -> None:
        super().close()
        self.checked_at = _NEVER
