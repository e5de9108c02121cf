"""Finding 12: while the database is unreachable, pages answer 503 with Retry-After."""

import pytest
from django.db import OperationalError, connections
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    def down():  # type: ignore[no-untyped-def]
        # every query opens a cursor, and every cursor first makes sure the connection is up
        monkeypatch.setattr(connections["default"], "ensure_connection", refuse)

    return down


@pytest.mark.parametrize("path", ["/en/countries/", "/fr/members/", "/en/participate/events/"])
def test_pages_answer_503_with_retry_after(database_down, path):
    client = Client(raise_request_exception=False)
    client.get(path)  # warm: the page works with the database up
    database_down()
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "cannot reach its database" in response.content.decode() or path.startswith("/fr/")


def test_a_signed_in_visitor_gets_503_too(database_down, user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    database_down()
    assert client.get("/en/account/").status_code == 503


def test_other_errors_are_still_500(rf):
    from ogp.core.views import server_error

    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Retry-After" not in response
