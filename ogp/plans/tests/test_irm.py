"""IRM reports: only researchers assigned to a plan's report edit its draft (direct URLs
included); publishing numbers a version and makes the coding public data."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ogp.accounts.tests.factories import ResearcherUserFactory, UserFactory
from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.plans.models import Commitment, IRMReportVersion
from ogp.plans.services import (
    irm_coding_save,
    irm_report_create,
    irm_report_publish,
    irm_report_update,
)

from .factories import ActionPlanFactory, CommitmentFactory

pytestmark = pytest.mark.django_db
ROLES = [
    "visitor", "public", "civil_society", "researcher", "assigned", "government",
    "other_government", "staff",
]  # fmt: skip


@pytest.fixture
def world(country, staff_user, government_user, other_government_user, civil_society_user,
          researcher_user):  # fmt: skip
    plan = ActionPlanFactory(country=country, submitted_year=2021)
    commitment = CommitmentFactory(
        plan=plan, identifier="ZZ0101", completion="", high_completion=None, irm_coding={}
    )
    assigned = ResearcherUserFactory()
    report = irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[assigned]
    )
    users = {
        "visitor": AnonymousUser(), "public": UserFactory(), "civil_society": civil_society_user,
        "researcher": researcher_user, "assigned": assigned, "government": government_user,
        "other_government": other_government_user, "staff": staff_user,
    }  # fmt: skip
    return {"users": users, "plan": plan, "commitment": commitment, "report": report}


@pytest.mark.parametrize("role", ROLES)
def test_grid(world, role):
    user, report = world["users"][role], world["report"]
    assert user.has_perm("plans.add_irm_report", world["plan"]) is (role == "staff")
    assert user.has_perm("plans.edit_irm_report", report) is (role == "assigned")
    assert user.has_perm("plans.view_irm_report", report) is (
        role in ("assigned", "staff", "government")
    )


def test_published_report_is_public(world):
    irm_report_publish(acting_user=world["users"]["assigned"], report=world["report"])
    world["report"].refresh_from_db()
    for role in ROLES:
        assert world["users"][role].has_perm("plans.view_irm_report", world["report"])


@pytest.mark.parametrize("role", ROLES)
def test_direct_urls(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    report = world["report"]
    urls = [
        reverse("plans:irm-report-edit", args=[report.pk]),
        reverse("plans:irm-coding-edit", args=[report.pk, "ZZ0101"]),
    ]
    for url in urls:
        expected = 200 if role == "assigned" else 302 if role == "visitor" else 403
        assert client.get(url).status_code == expected, url
    response = client.post(
        reverse("plans:irm-coding-edit", args=[report.pk, "ZZ0101"]),
        {"end_of_term__completion": "complete"},
    )
    assert response.status_code == (302 if role in ("assigned", "visitor") else 403)
    publish = client.post(reverse("plans:irm-report-publish", args=[report.pk]))
    assert publish.status_code == (302 if role in ("assigned", "visitor") else 403)
    assert report.versions.count() == (1 if role == "assigned" else 0)


def test_code_and_publish_makes_coding_public(world, client):
    assigned, report, commitment = world["users"]["assigned"], world["report"], world["commitment"]
    irm_report_update(
        acting_user=assigned, report=report, summary="Most commitments advanced.", analysis="",
        minimum_requirements={"1.1": "met", "4.1": "not_met"},
    )  # fmt: skip
    irm_coding_save(
        acting_user=assigned, report=report, commitment=commitment,
        values={"end_of_term.completion": "substantial", "end_of_term.early_results": "nr",
                "end_of_term.did_it_open_government": "major"},
    )  # fmt: skip
    page = client.get(report.get_absolute_url())
    assert page.status_code == 302  # a draft is not public
    version = irm_report_publish(acting_user=assigned, report=report)
    assert version.number == 1 and version.content["coding"]["ZZ0101"]
    commitment.refresh_from_db()
    assert commitment.completion == "substantial" and commitment.high_completion is True
    assert commitment.strong_early_results is True
    assert commitment.irm_coding["end_of_term.early_results"]["state"] == "nr"
    assert commitment.coding_scale.code == "irm-2020"
    assert AuditEvent.objects.filter(action=AuditAction.COMMITMENT_IRM_CODING_PUBLISH).exists()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Most commitments advanced." in page and "Substantial" in page and "Version 1" in page
    assert (
        "ZZ0101"
        in client.get(reverse("plans:explorer") + "?coding=high_completion").content.decode()
    )
    second = irm_report_publish(acting_user=assigned, report=report)
    assert second.number == 2 and IRMReportVersion.objects.count() == 2


def test_refusals(world):
    assigned, report, commitment = world["users"]["assigned"], world["report"], world["commitment"]
    with pytest.raises(ServiceError):
        irm_coding_save(
            acting_user=assigned, report=report, commitment=commitment,
            values={"end_of_term.completion": "brilliant"},
        )  # fmt: skip
    with pytest.raises(ServiceError):
        irm_coding_save(
            acting_user=assigned, report=report, commitment=commitment,
            values={"design.verifiable": "yes"},  # not a Results Report indicator
        )  # fmt: skip
    other = CommitmentFactory()
    with pytest.raises(ServiceError):
        irm_coding_save(acting_user=assigned, report=report, commitment=other, values={})
    with pytest.raises(ServiceError):
        irm_report_update(
            acting_user=assigned, report=report, summary="", analysis="",
            minimum_requirements={"9.9": "met"},
        )  # fmt: skip
    with pytest.raises(ServiceError):
        irm_report_create(
            acting_user=world["users"]["staff"], plan=world["plan"], kind="results_report",
            researchers=[assigned],
        )  # fmt: skip
    with pytest.raises(ServiceError):
        irm_report_create(
            acting_user=world["users"]["staff"], plan=world["plan"], kind="action_plan_review",
            researchers=[world["users"]["public"]],
        )  # fmt: skip
    assert Commitment.objects.get(pk=commitment.pk).completion == ""


def test_staff_starts_a_report_from_the_plan_page(world, client_for, researcher_user):
    client = client_for(world["users"]["staff"])
    plan_page = client.get(world["plan"].get_absolute_url()).content.decode()
    assert reverse("plans:irm-report-create", args=[world["plan"].ogp_id]) in plan_page
    response = client.post(
        reverse("plans:irm-report-create", args=[world["plan"].ogp_id]),
        {"kind": "action_plan_review", "researchers": [researcher_user.pk]},
    )
    assert response.status_code == 302
    assert researcher_user.has_perm(
        "plans.edit_irm_report", world["plan"].irm_reports.get(kind="action_plan_review")
    )


def test_report_page_constant_queries(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assigned, report = world["users"]["assigned"], world["report"]
    client = client_for(assigned)

    def count() -> int:
        client.get(report.get_absolute_url())  # the session's user is read once, then cached
        with CaptureQueriesContext(connection) as context:
            assert client.get(report.get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    irm_coding_save(
        acting_user=assigned, report=report, commitment=world["commitment"],
        values={"end_of_term.completion": "limited"},
    )  # fmt: skip
    irm_report_publish(acting_user=assigned, report=report)
    one = count()
    for _ in range(6):
        c = CommitmentFactory(plan=world["plan"])
        irm_coding_save(
            acting_user=assigned, report=report, commitment=c,
            values={"end_of_term.completion": "complete"},
        )  # fmt: skip
    irm_report_publish(acting_user=assigned, report=report)
    irm_report_publish(acting_user=assigned, report=report)
    assert count() == one
