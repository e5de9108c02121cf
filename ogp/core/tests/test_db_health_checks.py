"""PostgreSQL connections are health-checked at most once per DB_HEALTH_CHECK_SECONDS
(ogp/core/db_backends/postgresql): a connection that passed a check within that time is
taken as it is; after that, or once it is replaced, it is checked again; a failed check still
replaces it."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),  # autocommit on, as between requests
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's backend only"),
]


@pytest.fixture
def checks(monkeypatch):
    connection.ensure_connection()
    seen = []
    usable = [True]
    monkeypatch.setattr(connection, "is_usable", lambda: seen.append(1) or usable[0])
    connection.checked_at = float("-inf")
    yield seen, usable
    connection.close()


def _next_request():
    connection.health_check_enabled = True
    connection.close_if_unusable_or_obsolete()  # request_started
    connection.ensure_connection()
    connection.health_check_enabled = True  # (a new connection reads it from the settings)
    connection.close_if_health_check_failed()  # the request's first query


def test_the_engine_is_ours():
    assert connection.settings_dict["ENGINE"] == "ogp.core.db_backends.postgresql"


def test_checked_at_most_once_per_interval(settings, checks):
    seen, _ = checks
    settings.DB_HEALTH_CHECK_SECONDS = 60
    for _ in range(3):
        _next_request()
    assert len(seen) == 1  # the first request's check stands for the next ones
    settings.DB_HEALTH_CHECK_SECONDS = 0  # checked longer ago than the setting: again
    _next_request()
    _next_request()
    assert len(seen) == 3


def test_a_failed_check_replaces_the_connection_which_is_checked_again(settings, checks):
    seen, usable = checks
    settings.DB_HEALTH_CHECK_SECONDS = 0
    _next_request()
    first = connection.connection
    usable[0] = False  # the server went away
    _next_request()
    assert first.closed and connection.connection is not first  # replaced, then opened
    usable[0] = True
    settings.DB_HEALTH_CHECK_SECONDS = 60  # a new connection is healthy: not checked
    _next_request()
    _next_request()
    assert len(seen) == 2


def test_an_error_in_a_request_closes_an_unusable_connection(settings, checks):
    seen, usable = checks
    settings.DB_HEALTH_CHECK_SECONDS = 60
    _next_request()
    first = connection.connection
    connection.errors_occurred = True  # a query failed in the request ending here
    usable[0] = False
    connection.close_if_unusable_or_obsolete()  # request_finished: Django checks it
    assert connection.connection is None and first.closed
    assert connection.checked_at == float("-inf")
    usable[0] = True
    _next_request()
    assert len(seen) == 2  # the first and Django's after the error; a new one is healthy
