import json
import logging

import pytest
from pythonjsonlogger.json import JsonFormatter

pytestmark = pytest.mark.django_db


def test_each_request_is_logged_as_one_structured_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="ogp.request"):
        client.get("/en/")
    (record,) = [r for r in caplog.records if r.name == "ogp.request"]
    line = json.loads(JsonFormatter("%(levelname)s %(message)s").format(record))
    assert line["message"].startswith("GET /en/ 200 ")
    assert (line["method"], line["path"], line["status"]) == ("GET", "/en/", 200)
    assert line["duration_ms"] >= 0


def test_health_checks_are_not_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="ogp.request"):
        client.get("/health/")
    assert not [r for r in caplog.records if r.name == "ogp.request"]
