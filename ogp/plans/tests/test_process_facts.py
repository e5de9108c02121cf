"""IAP2 levels and the document repository, recorded by the IRM (and the repository by the
co-creation app through the plan_process_facts hook), reach the contrary-to-process rules: the
2017-2021 "participation below the minimum" and "no repository" triggers can fire."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from ogp.accounts.tests.factories import ResearcherUserFactory
from ogp.cocreation.models import PlanDocument
from ogp.cocreation.tests.factories import PlanFactory
from ogp.core.errors import ServiceError
from ogp.plans.services import (
    contrary_findings_evaluate,
    irm_report_create,
    irm_report_publish,
    irm_report_update,
)
from ogp.plans.services.contrary import plan_facts
from ogp.plans.services.irm import minimum_requirement_list

from .factories import ActionPlanFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture
def plan(country):
    return ActionPlanFactory(
        country=country, submitted_year=2018, due_date=date(2018, 8, 31),
        published_on=date(2018, 8, 30),
    )  # fmt: skip


def _assess(plan, staff_user, kind, facts, publish=True):
    researcher = ResearcherUserFactory()
    report = irm_report_create(
        acting_user=staff_user, plan=plan, kind=kind, researchers=[researcher]
    )
    irm_report_update(
        acting_user=researcher, report=report, summary="", analysis="", minimum_requirements={},
        process_facts=facts,
    )  # fmt: skip
    if publish:
        report.refresh_from_db()
        irm_report_publish(acting_user=researcher, report=report)
    return report, researcher


def test_unknown_facts_never_trigger(plan):
    facts = plan_facts(plan)
    assert (facts.iap2_development, facts.iap2_implementation, facts.has_repository) == (
        None, None, None,
    )  # fmt: skip
    assert contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY) == []


def test_irm_assessed_levels_and_repository_fire_the_legacy_triggers(plan, staff_user):
    _assess(
        plan,
        staff_user,
        "action_plan_review",
        {"iap2_development": "consult", "iap2_implementation": "", "has_repository": None},
    )
    _assess(
        plan,
        staff_user,
        "results_report",
        {"iap2_development": "", "iap2_implementation": "none", "has_repository": False},
    )
    facts = plan_facts(plan)
    assert facts.iap2_development == "consult"  # blank in the later report: not assessed
    assert facts.iap2_implementation == "none"
    assert facts.has_repository is False
    found = {f.trigger: f for f in contrary_findings_evaluate(acting_user=None, plan=plan,
                                                              today=TODAY)}  # fmt: skip
    assert set(found) == {"participation_below_minimum", "no_repository"}
    assert "development at 'consult'" in found["participation_below_minimum"].evidence
    assert "implementation at 'none'" in found["participation_below_minimum"].evidence


def test_involve_and_inform_meet_the_minimum(plan, staff_user):
    _assess(plan, staff_user, "results_report",
            {"iap2_development": "involve", "iap2_implementation": "inform",
             "has_repository": True})  # fmt: skip
    assert contrary_findings_evaluate(acting_user=None, plan=plan, today=TODAY) == []


def test_draft_assessments_do_not_count(plan, staff_user):
    _assess(plan, staff_user, "results_report",
            {"iap2_development": "inform", "iap2_implementation": "", "has_repository": False},
            publish=False)  # fmt: skip
    assert plan_facts(plan).iap2_development is None


def test_cocreation_repository_fills_an_unassessed_fact(plan, country, staff_user):
    cocreation = PlanFactory(country=country)
    cocreation.action_plan = plan
    cocreation.save()
    assert plan_facts(plan).has_repository is None  # an empty repository proves nothing
    PlanDocument.objects.create(
        plan=cocreation, title="Minutes", published_on=date(2018, 5, 1),
        file=ContentFile(b"%PDF-1.4", name="minutes.pdf"),
    )  # fmt: skip
    assert plan_facts(plan).has_repository is True
    # the IRM's assessment wins over the platform's evidence
    _assess(
        plan,
        staff_user,
        "results_report",
        {"iap2_development": "", "iap2_implementation": "", "has_repository": False},
    )
    assert plan_facts(plan).has_repository is False


def test_bad_levels_refused(plan, staff_user):
    with pytest.raises(ServiceError):
        _assess(plan, staff_user, "results_report", {"iap2_development": "shout"})


def test_researcher_records_them_through_the_form(plan, staff_user, client_for):
    report, researcher = _assess(plan, staff_user, "action_plan_review", {}, publish=False)
    client = client_for(researcher)
    url = reverse("plans:irm-report-edit", args=[report.pk])
    page = client.get(url).content.decode()
    assert 'name="iap2_development"' in page and 'name="has_repository"' in page
    data = {"summary": "s", "analysis": "a", "iap2_development": "consult",
            "iap2_implementation": "", "has_repository": "no"}  # fmt: skip
    data.update(
        {"req_" + r["code"].replace(".", "_"): "not_assessed" for r in minimum_requirement_list()}
    )
    response = client.post(url, data)
    report.refresh_from_db()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (report.iap2_development, report.has_repository) == ("consult", False)
    detail = client.get(report.get_absolute_url()).content.decode()
    assert "Consult" in detail
