"""Permission grid: role x action on this country's and another country's reports, and direct
URL attempts (another government cannot edit, answer or publish; only the IRM report's assigned
researchers answer comments on it)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.tests.factories import CivilSocietyUserFactory, ResearcherUserFactory, UserFactory
from ogp.core.errors import ServiceError
from ogp.engagement.selectors import is_following
from ogp.monitoring.models import SelfAssessmentComment
from ogp.monitoring.services import (
    irm_comment_create,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_open_for_comment,
)
from ogp.plans.services import irm_report_create, irm_report_update

pytestmark = pytest.mark.django_db
ROLES = [
    "visitor", "public", "civil_society", "researcher", "assigned", "government",
    "other_government", "staff",
]  # fmt: skip


@pytest.fixture
def world(plan, staff_user, government_user, other_government_user, researcher_user):
    today = timezone.localdate()
    draft = self_assessment_create(acting_user=government_user, plan=plan, kind="end_of_term")
    report = self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")
    report = self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=today, closes=today + timedelta(7)
    )
    comment = self_assessment_comment_create(
        acting_user=UserFactory(), report=report, target="section:introduction", body="Hm"
    )
    assigned = ResearcherUserFactory()
    irm = irm_report_create(
        acting_user=staff_user, plan=plan, kind="action_plan_review", researchers=[assigned]
    )
    irm = irm_report_update(
        acting_user=assigned, report=irm, summary="Draft summary", analysis="",
        minimum_requirements={}, comment_opens=today, comment_closes=today + timedelta(14),
    )  # fmt: skip
    irm_comment = irm_comment_create(
        acting_user=UserFactory(), report=irm, target="section:summary", body="Unclear"
    )
    users = {
        "visitor": AnonymousUser(), "public": UserFactory(),
        "civil_society": CivilSocietyUserFactory(), "researcher": researcher_user,
        "assigned": assigned, "government": government_user,
        "other_government": other_government_user, "staff": staff_user,
    }  # fmt: skip
    return {"users": users, "plan": plan, "draft": draft, "report": report, "comment": comment,
            "irm": irm, "irm_comment": irm_comment}  # fmt: skip


EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"visitor"}
GRID = {
    ("monitoring.add_self_assessment", "plan"): {"government"},
    ("monitoring.view_self_assessment", "draft"): {"government", "staff"},
    ("monitoring.view_self_assessment", "report"): EVERYONE,
    ("monitoring.edit_self_assessment", "report"): {"government"},
    ("monitoring.edit_self_assessment", "draft"): {"government"},
    ("monitoring.comment_self_assessment", "report"): SIGNED_IN - {"government"},
    ("monitoring.comment_self_assessment", "draft"): set(),
    ("monitoring.answer_self_assessment_comment", "report"): {"government"},
    ("monitoring.view_irm_draft", "irm"): EVERYONE,  # its comment period is open
    ("monitoring.comment_irm_report", "irm"): SIGNED_IN - {"assigned"},
    ("monitoring.answer_irm_comment", "irm"): {"assigned"},
}


@pytest.mark.parametrize(("perm", "obj"), list(GRID))
@pytest.mark.parametrize("role", ROLES)
def test_grid(world, perm, obj, role):
    assert world["users"][role].has_perm(perm, world[obj]) is (role in GRID[(perm, obj)])


def test_irm_draft_outside_its_period_is_not_public(world):
    irm = world["irm"]
    irm.comment_opens = irm.comment_closes = timezone.localdate() - timedelta(1)
    allowed = {r for r in ROLES if world["users"][r].has_perm("monitoring.view_irm_draft", irm)}
    assert allowed == {"assigned", "government", "staff"}
    with pytest.raises(ServiceError):
        irm_comment_create(acting_user=world["users"]["public"], report=irm,
                           target="section:summary", body="Late")  # fmt: skip


def _expected(role, allowed, response):
    if role in allowed:
        return response.status_code in (200, 302)
    if role == "visitor":
        return response.status_code == 302 and "/login/" in response.url
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_direct_urls_of_the_government(world, client_for, role):
    report, comment = world["report"], world["comment"]
    client = client_for(None if role == "visitor" else world["users"][role])
    urls = [
        ("get", reverse("monitoring:self-assessment-edit", args=[report.pk]), {}),
        ("get", reverse("monitoring:self-assessment-entry", args=[report.pk, "ZZ0001"]), {}),
        ("post", reverse("monitoring:self-assessment-entry", args=[report.pk, "ZZ0001"]),
         {"status": "complete", "narrative": "hijacked"}),
        ("get", reverse("monitoring:self-assessment-answer", args=[comment.pk]), {}),
        ("post", reverse("monitoring:self-assessment-answer", args=[comment.pk]),
         {"disposition": "not_adopted", "reason": "hijacked"}),
        ("post", reverse("monitoring:self-assessment-publish", args=[report.pk]), {}),
        ("post", reverse("monitoring:self-assessment-create", args=[world["plan"].ogp_id]),
         {"kind": "midterm"}),
    ]  # fmt: skip
    for method, url, data in urls:
        response = getattr(client, method)(url, data)
        assert _expected(role, {"government"}, response), (role, url, response.status_code)
    if role != "government":
        assert not SelfAssessmentComment.objects.filter(reason="hijacked").exists()
        assert "hijacked" not in report.entries.get(commitment__identifier="ZZ0001").narrative


@pytest.mark.parametrize("role", ROLES)
def test_direct_urls_of_the_draft(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    response = client.get(world["draft"].get_absolute_url())
    assert _expected(role, {"government", "staff"}, response)


@pytest.mark.parametrize("role", ROLES)
def test_direct_url_irm_answer(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    url = reverse("monitoring:irm-answer", args=[world["irm_comment"].pk])
    response = client.post(url, {"disposition": "adopted", "reason": "Reworded."})
    assert _expected(role, {"assigned"}, response)
    world["irm_comment"].refresh_from_db()
    assert (world["irm_comment"].reason == "Reworded.") is (role == "assigned")


@pytest.mark.parametrize("role", ROLES)
def test_api_shows_public_reports_only_and_writes_nothing(world, client_for, role):
    """/api/v1/self-assessments/: the same public parts for every role (a draft is not found,
    even by its government: the API publishes, the web page is where a draft is worked on)."""
    client = client_for(None if role == "visitor" else world["users"][role])
    base = "/api/v1/self-assessments/"
    assert client.get(f"{base}{world['draft'].pk}/").status_code == 404
    assert client.get(f"{base}{world['report'].pk}/").status_code == 200
    listed = [row["id"] for row in client.get(base).json()["results"]]
    assert listed == [world["report"].pk]
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"{base}{world['report'].pk}/")
        assert response.status_code in (401, 403, 405), (role, method, response.status_code)
    assert world["report"].comments.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_follow_a_public_report_not_a_draft(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    for name, allowed in (("report", SIGNED_IN), ("draft", set())):
        url = reverse("engagement:follow-toggle", args=["self-assessment", world[name].pk])
        response = client.post(url)
        if role in allowed:
            assert response.status_code == 302, (role, name)
        elif role == "visitor":
            assert response.status_code == 302 and "/login/" in response.url
        else:
            assert response.status_code == 404, (role, name)
        followed = is_following(world["users"][role], world[name])
        assert followed is (role in allowed), (role, name)
