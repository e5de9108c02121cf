"""schemathesis against the live schema served by the application: every documented operation
with generated inputs; no 5xx, and no response that contradicts the schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)

pytestmark = pytest.mark.django_db


# the schema as the running application serves it (no database needed to serve it)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())


@pytest.fixture
def api_data(published_cycle, participation_data, letters, plans_data, cocreation_data, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "token": "100000/min"},
    }
    from rest_framework.settings import api_settings

    api_settings.reload()
    # requests run in this thread on the test's connection: do not close it between requests
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        api_settings.reload()


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_conforms_to_its_schema(case, api_data):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            content_type_conformance,
            response_schema_conformance,
            response_headers_conformance,
        ]
    )


@pytest.fixture
def staff_token(staff_user):
    from .conftest import token_for

    auth = token_for(staff_user, ["eligibility:import", "eligibility:cycles"])
    return auth["HTTP_AUTHORIZATION"]


@schema.include(method="POST").parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_writes_with_a_staff_token_never_fail_on_the_server(case, api_data, staff_token):
    case.call_and_validate(
        headers={"Authorization": staff_token},
        checks=[not_a_server_error, content_type_conformance, response_schema_conformance],
    )


@pytest.fixture
def government_token(government_user):
    from .conftest import token_for

    auth = token_for(government_user, ["plans:progress", "cocreation:input"])
    return auth["HTTP_AUTHORIZATION"]


@schema.include(method="POST").parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_writes_with_a_government_token_never_fail_on_the_server(case, api_data, government_token):
    case.call_and_validate(
        headers={"Authorization": government_token},
        checks=[not_a_server_error, content_type_conformance, response_schema_conformance],
    )


@pytest.fixture
def researcher_token(plans_data):
    from .conftest import token_for

    return token_for(plans_data["researcher"], ["plans:irm-coding"])["HTTP_AUTHORIZATION"]


@schema.include(method="PUT").parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_coding_with_a_researcher_token_never_fails_on_the_server(case, api_data, researcher_token):
    case.call_and_validate(
        headers={"Authorization": researcher_token},
        checks=[not_a_server_error, content_type_conformance, response_schema_conformance],
    )
