"""Writes on implementation and co-creation: progress updates with evidence, proposals to an
open co-creation, IRM coding. The same services (audit included) and permission rules as the
web forms; a role x action grid with token scopes, and direct-id attempts on another country's
objects or on a report the researcher is not assigned to."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.cocreation.models import Proposal
from ogp.plans.models import IRMCommitmentCoding, ProgressEvidence, ProgressUpdate

from .conftest import token_for

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


def headers(user, scopes):
    return {} if user is None else token_for(user, scopes)


def expected(role, allowed):
    return 401 if role == "anonymous" else (201 if allowed else 403)


def pdf_upload(name="evidence.pdf"):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Portal launch report")
    pdf.save()
    return SimpleUploadedFile(name, buffer.getvalue(), "application/pdf")


# --- progress updates -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_progress_update_grid(client, plans_data, users, role):
    """Only the government of the milestone's country posts progress."""
    milestone = plans_data["milestone"]
    before = ProgressUpdate.objects.count()
    response = client.post(
        f"/api/v1/milestones/{milestone.pk}/progress-updates/",
        {"status": "substantial", "narrative": "Half done.", "evidence_link": "https://ex.org/a"},
        content_type="application/json",
        **headers(users[role], ["plans:progress"]),
    )
    allowed = role == "government"
    assert response.status_code == expected(role, allowed), response.content
    assert ProgressUpdate.objects.count() == before + (1 if allowed else 0)


def test_a_government_token_cannot_write_to_another_countrys_milestone(
    client, plans_data, government_user, other_government_user
):
    for user, milestone, allowed in (
        (government_user, plans_data["other_milestone"], False),
        (other_government_user, plans_data["milestone"], False),
        (other_government_user, plans_data["other_milestone"], True),
    ):
        response = client.post(
            f"/api/v1/milestones/{milestone.pk}/progress-updates/",
            {"status": "limited", "narrative": "Begun.", "evidence_link": "https://ex.org/b"},
            content_type="application/json",
            **token_for(user, ["plans:progress"]),
        )
        assert response.status_code == (201 if allowed else 403)
    assert not ProgressUpdate.objects.filter(
        milestone=plans_data["milestone"], narrative="Begun."
    ).exists()


def test_progress_needs_its_scope(client, plans_data, government_user):
    response = client.post(
        f"/api/v1/milestones/{plans_data['milestone'].pk}/progress-updates/",
        {"status": "limited", "narrative": "x", "evidence_link": "https://ex.org/c"},
        content_type="application/json",
        **token_for(government_user, ["cocreation:input", "plans:irm-coding"]),
    )
    assert response.status_code == 403


def test_progress_with_a_pdf_goes_through_the_service_and_audit(
    client, plans_data, government_user
):
    milestone = plans_data["milestone"]
    response = client.post(
        f"/api/v1/milestones/{milestone.pk}/progress-updates/",
        {"status": "complete", "narrative": "Launched.", "evidence_file": pdf_upload()},
        **token_for(government_user, ["plans:progress"]),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"]["code"] == "complete"
    (evidence,) = body["evidence"]
    assert evidence["file_name"] == "evidence.pdf" and evidence["download_url"]
    assert ProgressEvidence.objects.get(pk=evidence["id"]).file.name.endswith(".pdf")
    event = AuditEvent.objects.filter(action=AuditAction.PROGRESS_UPDATE_CREATE).latest("pk")
    assert event.actor_id == government_user.pk
    assert f"update {body['id']}" in event.note
    download = client.get(evidence["download_url"].split("127.0.0.1:8000")[-1])
    assert download.status_code == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"status": "complete", "narrative": "No proof."},
            "Add evidence (a PDF document or a link), or say why there is none.",
        ),
        ({"status": "golden", "narrative": "x", "evidence_link": "https://ex.org"}, "status"),
        ({"status": "complete", "narrative": "x", "evidence_link": "not a link"}, "evidence_link"),
    ],
)
def test_progress_refusals_are_the_web_forms(client, plans_data, government_user, data, message):
    response = client.post(
        f"/api/v1/milestones/{plans_data['milestone'].pk}/progress-updates/",
        data,
        content_type="application/json",
        **token_for(government_user, ["plans:progress"]),
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert message in error["fields"] or message in str(error["fields"])


def test_a_renamed_file_is_refused_as_on_the_web(client, plans_data, government_user):
    fake = SimpleUploadedFile("report.pdf", b"PK\x03\x04 a zip, renamed", "application/pdf")
    response = client.post(
        f"/api/v1/milestones/{plans_data['milestone'].pk}/progress-updates/",
        {"status": "complete", "narrative": "x", "evidence_file": fake},
        **token_for(government_user, ["plans:progress"]),
    )
    assert response.status_code == 400
    assert "report.pdf is not a PDF document" in str(response.json()["error"]["fields"])
    assert not ProgressUpdate.objects.filter(narrative="x").exists()


def test_progress_on_a_missing_milestone_is_404(client, plans_data, government_user):
    response = client.post(
        "/api/v1/milestones/999999/progress-updates/",
        {"status": "complete", "narrative": "x"},
        content_type="application/json",
        **token_for(government_user, ["plans:progress"]),
    )
    assert response.status_code == 404


# --- proposals ------------------------------------------------------------------------------

PROPOSAL = {
    "title": "Open the procurement register",
    "problem": "Nobody can see who wins contracts.",
    "solution": "Publish the register as open data.",
    "values": ["transparency", "inclusion"],
    "policy_area": "open_contracting",
}


@pytest.mark.parametrize("role", ROLES)
def test_proposal_grid(client, cocreation_data, users, role):
    """Anyone signed in proposes while co-creation is open (as on the web)."""
    response = client.post(
        "/api/v1/cocreation-plans/zedland-2026/proposals/",
        PROPOSAL,
        content_type="application/json",
        **headers(users[role], ["cocreation:input"]),
    )
    allowed = role != "anonymous"
    assert response.status_code == expected(role, allowed), response.content
    if allowed:
        body = response.json()
        assert body["response"]["ref"].startswith("P-")
        assert [v["code"] for v in body["values"]] == ["transparency", "inclusion"]
        proposal = Proposal.objects.get(pk=body["id"])
        assert proposal.author == users[role] and proposal.ledger_entry
        assert AuditEvent.objects.filter(
            action=AuditAction.PROPOSAL_CREATE, actor_id=users[role].pk
        ).exists()


def test_proposals_only_to_an_open_public_co_creation(client, cocreation_data, user):
    auth = token_for(user, ["cocreation:input"])
    url = "/api/v1/cocreation-plans/{}/proposals/"
    prepared = client.post(
        url.format("zedland-next"), PROPOSAL, content_type="application/json", **auth
    )
    assert prepared.status_code == 404  # not public: as if it did not exist
    plan = cocreation_data["plan"]
    plan.proposals_open = False
    plan.save()
    closed = client.post(url.format(plan.slug), PROPOSAL, content_type="application/json", **auth)
    assert closed.status_code == 403
    wrong_scope = token_for(user, ["plans:progress"])
    plan.proposals_open = True
    plan.save()
    scoped = client.post(
        url.format(plan.slug), PROPOSAL, content_type="application/json", **wrong_scope
    )
    assert scoped.status_code == 403


def test_a_proposal_must_serve_a_core_value(client, cocreation_data, user):
    response = client.post(
        "/api/v1/cocreation-plans/zedland-2026/proposals/",
        {**PROPOSAL, "values": ["inclusion"]},
        content_type="application/json",
        **token_for(user, ["cocreation:input"]),
    )
    assert response.status_code == 400
    assert "transparency" in str(response.json()["error"]["fields"])


# --- IRM coding -----------------------------------------------------------------------------


def coding_url(data, identifier="ZY0001"):
    return f"/api/v1/irm-reports/{data['draft_report'].pk}/coding/{identifier}/"


@pytest.mark.parametrize("role", [*ROLES, "assigned"])
def test_irm_coding_grid(client, plans_data, users, role):
    """Only researchers assigned to the report code it (direct ids included)."""
    user = plans_data["researcher"] if role == "assigned" else users[role]
    response = client.put(
        coding_url(plans_data),
        {"values": {"design.verifiable": "yes", "design.relevance": "nr"}, "notes": "Clear."},
        content_type="application/json",
        **headers(user, ["plans:irm-coding"]),
    )
    allowed = role == "assigned"
    assert response.status_code == (401 if role == "anonymous" else 200 if allowed else 403), (
        response.content
    )
    exists = IRMCommitmentCoding.objects.filter(report=plans_data["draft_report"]).exists()
    assert exists is allowed
    if allowed:
        assert response.json()["values"] == {"design.verifiable": "yes", "design.relevance": "nr"}
        assert AuditEvent.objects.filter(action=AuditAction.IRM_CODING_SAVE).exists()


def test_irm_coding_refusals(client, plans_data):
    auth = token_for(plans_data["researcher"], ["plans:irm-coding"])
    level = client.put(
        coding_url(plans_data),
        {"values": {"design.verifiable": "maybe"}},
        content_type="application/json",
        **auth,
    )
    assert level.status_code == 400
    indicator = client.put(
        coding_url(plans_data),
        {"values": {"end_of_term.completion": "complete"}},
        content_type="application/json",
        **auth,
    )
    assert indicator.status_code == 400
    elsewhere = client.put(
        coding_url(plans_data, "ZZ0001"),
        {"values": {"design.verifiable": "yes"}},
        content_type="application/json",
        **auth,
    )
    assert elsewhere.status_code == 404  # a commitment of another plan
    scope = client.put(
        coding_url(plans_data),
        {"values": {"design.verifiable": "yes"}},
        content_type="application/json",
        **token_for(plans_data["researcher"], ["plans:progress"]),
    )
    assert scope.status_code == 403
    assert not IRMCommitmentCoding.objects.filter(report=plans_data["draft_report"]).exists()
