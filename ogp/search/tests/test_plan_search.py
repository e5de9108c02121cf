"""Plans, commitments, co-creation plans, proposals and published IRM reports are searchable
in each language (public parts only), on SQLite and PostgreSQL alike."""

import pytest

from ogp.search.selectors import search_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_texts(country, other_country, staff_user):
    from ogp.accounts.tests.factories import ResearcherUserFactory
    from ogp.cocreation.tests import factories as cf
    from ogp.plans import services
    from ogp.plans.models import PolicyArea
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory

    plan = ActionPlanFactory(ogp_id="AP_ZZA03", country=country, submitted_year=2022)
    area = PolicyArea.objects.create(code="elections", name_en="Elections", name_fr="Élections")
    fr = CommitmentFactory(
        plan=plan, identifier="ZZ0301", title="Transparence des élections municipales",
        full_text="Publier les résultats des élections par bureau de vote.",
    )  # fmt: skip
    fr.policy_areas.add(area)
    CommitmentFactory(
        plan=ActionPlanFactory(country=other_country, submitted_year=2023),
        identifier="ZY0301", title="Comisiones de contratación abierta",
        full_text="Las comisiones publicarán los contratos.",
    )  # fmt: skip
    cocreation = cf.PlanFactory(
        country=country, title="Plan d'action ouvert 2027", summary="Budgets participatifs."
    )
    cf.ProposalFactory(
        plan=cocreation, title="Registre des bénéficiaires effectifs", language="fr",
        problem="Les sociétés écrans cachent leurs propriétaires.",
    )  # fmt: skip
    cf.ProposalFactory(plan=cocreation, title="Propuesta oculta elecciones", is_hidden=True)
    cf.PlanFactory(country=country, title="Plan en préparation budgets", state="preparing")
    researcher = ResearcherUserFactory()
    report = services.irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[researcher]
    )
    services.irm_report_update(
        acting_user=researcher, report=report, minimum_requirements={},
        summary="Les élections sont mieux surveillées.", analysis="",
    )  # fmt: skip
    draft = services.irm_report_create(
        acting_user=staff_user, plan=plan, kind="action_plan_review", researchers=[researcher]
    )
    services.irm_report_update(
        acting_user=researcher, report=draft, minimum_requirements={},
        summary="Brouillon sur les élections.", analysis="",
    )  # fmt: skip
    services.irm_report_publish(acting_user=researcher, report=report)
    return {"plan": plan, "report": report}


def kinds_titles(results):
    return sorted((h.kind, h.title) for h in results.hits)


@pytest.mark.parametrize("query", ["élections", "elections", "ELECTION"])
def test_french_commitments_and_reports_with_and_without_accents(plan_texts, query):
    found = kinds_titles(search_documents(query, language="fr"))
    assert ("commitment", "ZZ0301 Transparence des élections municipales") in found
    assert any(kind == "irm_report" for kind, _t in found)  # the published report only
    assert len([k for k, _t in found if k == "irm_report"]) == 1
    assert not any("oculta" in title for _k, title in found)  # a hidden proposal


def test_spanish_stem_finds_its_plural(plan_texts):
    found = kinds_titles(search_documents("comisión", language="es"))
    assert found == [("commitment", "ZY0301 Comisiones de contratación abierta")]


def test_proposals_and_public_cocreation_plans(plan_texts):
    found = kinds_titles(search_documents("bénéficiaires", language="fr"))
    assert found == [("proposal", "Registre des bénéficiaires effectifs")]
    plans = kinds_titles(search_documents("budgets", language="fr", kind="cocreation"))
    assert plans == [("cocreation", "Plan d'action ouvert 2027")]  # not the one in preparation


def test_facets_filter_by_kind_country_policy_area_and_year(plan_texts):
    results = search_documents("élections", language="fr", kind="commitment", area="elections")
    assert [h.title for h in results.hits] == ["ZZ0301 Transparence des élections municipales"]
    assert search_documents("élections", language="fr", kind="commitment", year=2023).hits == []
    assert search_documents("AP_ZZA03", language="en", kind="plan").total == 1


def test_sheet_import_indexes_what_it_creates(client_for, staff_user, country, other_country):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    import ogp.plans

    sample = Path(ogp.plans.__file__).parent / "tests" / "fixtures" / "commitments_sample.csv"
    client_for(staff_user).post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile("c.csv", sample.read_bytes(), content_type="text/csv")},
    )
    from ogp.plans.models import Commitment

    commitment = Commitment.objects.order_by("identifier").first()
    found = search_documents(commitment.identifier, language="en", kind="commitment")
    assert [h.url for h in found.hits] == [commitment.get_absolute_url()]


def test_search_page_and_api_name_the_new_types(client, plan_texts):
    page = client.get("/fr/search/", {"q": "élections"}).content.decode()
    assert "Engagement" in page
    body = client.get("/api/v1/search/", {"q": "élections", "lang": "fr"}).json()
    assert {"commitment", "irm_report"} <= {r["kind"] for r in body["results"]}
