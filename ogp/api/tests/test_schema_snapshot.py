"""The OpenAPI schema is valid and equal to the committed snapshot (a change to the API shows in
review). After an intended change: `python manage.py api_schema_snapshot`."""

from drf_spectacular.validation import validate_schema

from ogp.api.snapshot import SNAPSHOT_PATH, current_schema_yaml


def test_schema_is_valid_openapi_3():
    import yaml

    validate_schema(yaml.safe_load(current_schema_yaml()))


def test_schema_matches_the_committed_snapshot():
    assert SNAPSHOT_PATH.read_text(encoding="utf-8") == current_schema_yaml(), (
        "The API schema changed. If intended, run `python manage.py api_schema_snapshot` "
        "and commit ogp/api/openapi-v1.yaml."
    )
