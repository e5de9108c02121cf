"""Contrary-to-process findings: proposed from recorded facts, confirmed by staff (letter in
three languages, status through the membership state machine, Procedural Review after two
consecutive cycles) or dismissed with a reason."""

from datetime import date

import pytest
from django.urls import reverse

from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.countries.models import MembershipStatus
from ogp.plans.models import ContraryFinding
from ogp.plans.services import (
    contrary_finding_confirm,
    contrary_finding_dismiss,
    contrary_findings_evaluate,
    irm_report_create,
    irm_report_publish,
    irm_report_update,
)

from .factories import ActionPlanFactory, CommitmentFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture
def active(country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    return country


def late_plan(country, year=2018, ogp_id="AP_ZZA01"):
    return ActionPlanFactory(
        ogp_id=ogp_id, country=country, submitted_year=year, end_year=year + 2,
        due_date=date(year, 8, 31), published_on=date(year + 1, 2, 1),
    )  # fmt: skip


def test_late_plan_proposed_once(active):
    plan = late_plan(active)
    found = contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY)
    assert [(f.trigger, f.rule_version) for f in found] == [("late_plan", "2017-2021")]
    assert contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY) == []
    assert ContraryFinding.objects.count() == 1


def test_plan_on_time_no_finding(active):
    plan = ActionPlanFactory(
        country=active, submitted_year=2018, due_date=date(2018, 8, 31),
        published_on=date(2018, 8, 30),
    )  # fmt: skip
    assert contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY) == []


def test_minimum_requirements_from_the_irm_and_no_progress(active, staff_user, researcher_user):
    plan = ActionPlanFactory(
        country=active, submitted_year=2022, due_date=date(2022, 8, 31),
        published_on=date(2022, 8, 1),
    )  # fmt: skip
    CommitmentFactory(
        plan=plan, irm_coding={"end_of_term.completion": {"state": "value", "level": "not_started"}}
    )
    report = irm_report_create(
        acting_user=staff_user, plan=plan, kind="action_plan_review", researchers=[researcher_user]
    )
    irm_report_update(
        acting_user=researcher_user, report=report, summary="", analysis="",
        minimum_requirements={"1.1": "met", "4.1": "not_met"},
    )  # fmt: skip
    irm_report_publish(acting_user=researcher_user, report=report)
    found = contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY)
    assert {f.trigger for f in found} == {"minimum_requirements_not_met", "no_progress"}
    assert all(f.rule_version == "2022" for f in found)


def test_confirm_moves_status_and_publishes_letter(active, staff_user, client):
    plan = late_plan(active)
    (finding,) = contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY)
    assert client.get(reverse("plans:finding-letter", args=[finding.pk])).status_code == 404
    contrary_finding_confirm(acting_user=staff_user, finding=finding, reason="Checked the dates.")
    finding.refresh_from_db()
    active.refresh_from_db()
    assert active.membership_status == MembershipStatus.CONTRARY_TO_PROCESS
    assert finding.consecutive_cycles == 1 and set(finding.letter) == {"en", "fr", "es"}
    assert "contrary to process" in finding.letter["en"]
    assert (
        "contraire au processus" in finding.letter["fr"]
        and "Procedural" not in finding.letter["en"]
    )
    page = client.get(f"/fr/plans/findings/{finding.pk}/letter/").content.decode()
    assert "Zédie" in page
    assert AuditEvent.objects.filter(action=AuditAction.CONTRARY_FINDING_CONFIRM).exists()
    plan_page = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("plans:finding-letter", args=[finding.pk]) in plan_page


def test_two_consecutive_cycles_procedural_review(active, staff_user):
    first = late_plan(active, 2017, "AP_ZZA01")
    second = late_plan(active, 2019, "AP_ZZA02")
    (f1,) = contrary_findings_evaluate(acting_user=None, plan=first, today=TODAY)
    (f2,) = contrary_findings_evaluate(acting_user=None, plan=second, today=TODAY)
    assert f1.rule_version == "2017-2021"
    contrary_finding_confirm(acting_user=staff_user, finding=f1, reason="Late.")
    contrary_finding_confirm(acting_user=staff_user, finding=f2, reason="Late again.")
    active.refresh_from_db()
    f2.refresh_from_db()
    assert f2.consecutive_cycles == 2
    assert active.membership_status == MembershipStatus.PROCEDURAL_REVIEW
    assert "Procedural Review" in f2.letter["en"]


def test_dismissed_cycle_breaks_the_streak(active, staff_user):
    first = late_plan(active, 2017, "AP_ZZA01")
    second = late_plan(active, 2019, "AP_ZZA02")
    (f1,) = contrary_findings_evaluate(acting_user=None, plan=first, today=TODAY)
    (f2,) = contrary_findings_evaluate(acting_user=None, plan=second, today=TODAY)
    contrary_finding_dismiss(acting_user=staff_user, finding=f1, reason="Extension agreed.")
    contrary_finding_confirm(acting_user=staff_user, finding=f2, reason="Late.")
    f2.refresh_from_db()
    active.refresh_from_db()
    assert f2.consecutive_cycles == 1
    assert active.membership_status == MembershipStatus.CONTRARY_TO_PROCESS


def test_refusals(active, staff_user, government_user):
    plan = late_plan(active)
    (finding,) = contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY)
    with pytest.raises(ServiceError):
        contrary_finding_confirm(acting_user=government_user, finding=finding, reason="x")
    with pytest.raises(ServiceError):
        contrary_finding_confirm(acting_user=staff_user, finding=finding, reason=" ")
    contrary_finding_dismiss(acting_user=staff_user, finding=finding, reason="Data error.")
    with pytest.raises(ServiceError):
        contrary_finding_confirm(acting_user=staff_user, finding=finding, reason="again")


def test_state_machine_refusal_writes_nothing(country, staff_user):
    plan = late_plan(country)  # the country is not a member: the state machine refuses
    (finding,) = contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY)
    with pytest.raises(ServiceError):
        contrary_finding_confirm(acting_user=staff_user, finding=finding, reason="Late.")
    finding.refresh_from_db()
    assert finding.state == "proposed" and finding.letter == {}


def test_staff_queue(client_for, staff_user, active, government_user):
    late_plan(active)
    client = client_for(staff_user)
    url = reverse("plans:findings")
    assert client.post(url, {"action": "evaluate"}).status_code == 302
    finding = ContraryFinding.objects.get()
    page = client.get(url).content.decode()
    assert "more than four months late" in page
    prefix = f"f{finding.pk}"
    response = client.post(
        url, {"finding": finding.pk, f"{prefix}-decision": "confirm", f"{prefix}-reason": "Late."}
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.state == "confirmed"
    assert client_for(government_user).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


def test_staff_record_plan_dates_then_rules_propose(
    client_for, staff_user, active, government_user
):
    plan = ActionPlanFactory(ogp_id="AP_ZZA05", country=active, submitted_year=2019)
    url = plan.get_absolute_url()
    client = client_for(staff_user)
    response = client.post(url, {"due_date": "2019-08-31", "published_on": "2020-03-01"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert str(plan.due_date) == "2019-08-31"
    assert AuditEvent.objects.filter(action=AuditAction.ACTION_PLAN_DATES_SET).exists()
    found = contrary_findings_evaluate(acting_user=staff_user, plan=plan, today=TODAY)
    assert [f.trigger for f in found] == ["late_plan"]
    assert client_for(government_user).post(url, {"due_date": "2019-08-31"}).status_code == 403
