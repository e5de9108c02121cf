"""Self-assessments are searchable once opened for comment, with the text they made public."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ogp.search.selectors import search_documents

pytestmark = pytest.mark.django_db


def test_an_opened_self_assessment_is_found_a_draft_is_not(country, government_user):
    from ogp.monitoring import services
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory

    plan = ActionPlanFactory(ogp_id="AP_ZZA05", country=country, submitted_year=2022)
    CommitmentFactory(plan=plan, identifier="ZZ0501", title="Registre foncier")
    opened = services.self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")
    services.self_assessment_sections_update(
        acting_user=government_user, report=opened,
        bodies={"introduction": "Le cadastre numérique avance lentement."},
    )  # fmt: skip
    draft = services.self_assessment_create(
        acting_user=government_user, plan=plan, kind="end_of_term"
    )
    services.self_assessment_sections_update(
        acting_user=government_user, report=draft,
        bodies={"introduction": "Le cadastre numérique est achevé."},
    )  # fmt: skip
    assert search_documents("cadastre", language="fr").hits == []
    today = timezone.localdate()
    services.self_assessment_open_for_comment(
        acting_user=government_user, report=opened, opens=today, closes=today + timedelta(9),
        today=today,
    )  # fmt: skip
    hits = search_documents("cadastre", language="fr").hits
    assert [(h.kind, h.url) for h in hits] == [
        ("self_assessment", f"/fr/monitoring/self-assessment/{opened.pk}/")
    ]
    assert search_documents("Registre", language="fr", kind="self_assessment").hits
