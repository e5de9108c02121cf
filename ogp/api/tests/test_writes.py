"""Write endpoints: the same services and permission rules as the web forms; tokens add scopes.
A role x action grid, token scopes included, and direct-id attempts on another country."""

import pytest

from ogp.audit.models import AuditEvent
from ogp.eligibility.models import CycleState, DatasetRelease, EvidenceSubmission

from .conftest import FIX, token_for

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "public",
    "civil_society",
    "government",
    "other_government",
    "researcher",
    "support_unit",
]


@pytest.fixture
def users(
    user, civil_society_user, government_user, other_government_user, researcher_user, staff_user
):
    return {
        "anonymous": None,
        "public": user,
        "civil_society": civil_society_user,
        "government": government_user,
        "other_government": other_government_user,
        "researcher": researcher_user,
        "support_unit": staff_user,
    }


def headers(users, role, scopes):
    return {} if users[role] is None else token_for(users[role], scopes)


def csv_upload(name="eiu_new.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        name, b"country_name,iso3,year,civlib_eiu\nNamibia,NAM,2024,9.1\n", "text/csv"
    )


@pytest.mark.parametrize("role", ROLES)
def test_import_grid(client, imported, users, role):
    response = client.post(
        "/api/v1/releases/import/",
        {"file": csv_upload(), "published_on": "2024-02-01"},
        **headers(users, role, ["eligibility:import"]),
    )
    allowed = role == "support_unit"
    assert response.status_code == (201 if allowed else 401 if role == "anonymous" else 403)
    assert DatasetRelease.objects.filter(file_name="eiu_new.csv").exists() is allowed


def test_import_needs_the_scope_even_for_staff(client, imported, staff_user):
    response = client.post(
        "/api/v1/releases/import/",
        {"file": csv_upload()},
        **token_for(staff_user, ["eligibility:cycles"]),
    )
    assert response.status_code == 403
    assert not DatasetRelease.objects.filter(file_name="eiu_new.csv").exists()


def test_import_error_names_the_line_and_writes_nothing(client, imported, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("bad.csv", b"country_name,iso3,year,civlib_eiu\nX,NAM,20x4,9\n")
    before = DatasetRelease.objects.count()
    response = client.post(
        "/api/v1/releases/import/",
        {"file": bad, "kind": "eiu"},
        **token_for(staff_user, ["eligibility:import"]),
    )
    assert response.status_code == 400, response.content
    assert "bad.csv" in str(response.json()["error"])
    assert DatasetRelease.objects.count() == before


def test_import_same_bytes_changes_nothing(client, imported, staff_user):
    auth = token_for(staff_user, ["eligibility:import"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = (FIX / "eiu_small.csv").read_bytes()
    response = client.post(
        "/api/v1/releases/import/", {"file": SimpleUploadedFile("eiu_small.csv", data)}, **auth
    )
    assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_cycle_compute_and_publish_grid(client, open_cycle, users, role):
    auth = headers(users, role, ["eligibility:cycles"])
    computed = client.post("/api/v1/cycles/2024/compute/", **auth)
    published = client.post("/api/v1/cycles/2024/publish/", **auth)
    open_cycle.refresh_from_db()
    if role == "support_unit":
        assert computed.status_code == 200 and published.status_code == 200
        assert published.json()["state"]["code"] == "published"
        assert open_cycle.state == CycleState.PUBLISHED
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {"cycle.compute", "cycle.publish"} <= actions
    else:
        assert computed.status_code in (401, 403) and published.status_code in (401, 403)
        assert open_cycle.state == CycleState.DRAFT


def test_publish_refusal_from_the_service_is_a_clear_400(client, open_cycle, staff_user):
    response = client.post(
        "/api/v1/cycles/2024/publish/", **token_for(staff_user, ["eligibility:cycles"])
    )
    assert response.status_code == 400
    assert "Compute the cycle" in response.json()["error"]["fields"]["non_field_errors"][0]


def evidence(country="ZZA"):
    return {
        "cycle": 2024,
        "country": country,
        "criterion": "fiscal_transparency",
        "summary": "The budget is online now.",
        "source_url": "https://example.org/b",
    }


@pytest.mark.parametrize("role", ROLES)
def test_evidence_grid_on_own_country(client, open_cycle, users, role):
    response = client.post(
        "/api/v1/evidence/",
        evidence(),
        content_type="application/json",
        **headers(users, role, ["eligibility:evidence"]),
    )
    # the web form's rule: the country's government or civil society
    allowed = role in ("government", "civil_society")
    expected = 201 if allowed else 401 if role == "anonymous" else 403
    assert response.status_code == expected, response.content
    assert EvidenceSubmission.objects.exists() is allowed


def test_government_token_cannot_write_for_another_country(
    client, open_cycle, other_country, government_user
):
    other_country.un_member = True
    other_country.save()
    response = client.post(
        "/api/v1/evidence/",
        evidence(other_country.iso3),
        content_type="application/json",
        **token_for(government_user, ["eligibility:evidence"]),
    )
    assert response.status_code == 403
    assert not EvidenceSubmission.objects.exists()


def test_evidence_scope_is_required(client, open_cycle, government_user):
    response = client.post(
        "/api/v1/evidence/",
        evidence(),
        content_type="application/json",
        **token_for(government_user, ["eligibility:import"]),
    )
    assert response.status_code == 403


def test_session_writes_need_csrf(open_cycle, staff_user):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)
    response = browser.post("/api/v1/cycles/2024/compute/")
    assert response.status_code == 403
    open_cycle.refresh_from_db()
    assert open_cycle.state == CycleState.DRAFT
