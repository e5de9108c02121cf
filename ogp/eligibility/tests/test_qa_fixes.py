"""Behaviour found missing in QA: forms keep what was typed, wording of counts and steps."""

import pytest
from django.urls import reverse

from ogp.eligibility import services
from ogp.eligibility.models import Cycle, EvidenceState

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(imported, government_user, country):
    cycle = services.cycle_compute(
        acting_user=None, cycle=services.cycle_open(acting_user=None, year=2024)
    )
    return services.evidence_submit(
        acting_user=government_user,
        cycle=cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="The audit report is online.",
        source_url="https://example.org/audit",
    )


def test_decision_without_points_keeps_the_reason_and_shows_the_error(
    client_for, submission, staff_user
):
    s = client_for(staff_user)
    response = s.post(
        reverse("eligibility:evidence-decide", args=[submission.pk]),
        {"decision": "accept", "reason": "Checked the ministry website"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="decision-error-{submission.pk}"' in html
    assert ">Checked the ministry website</textarea>" in html
    assert 'value="accept" checked' in html
    submission.refresh_from_db()
    assert submission.state == EvidenceState.SUBMITTED


def test_one_point_is_singular(client_for, submission, staff_user):
    services.evidence_accept(
        acting_user=staff_user, submission=submission, points=1, reason="Partly online."
    )
    html = client_for(staff_user).get(reverse("eligibility:cycle-manage", args=[2024]))
    html = html.content.decode()
    assert "1 point. Partly online." in html and "1 points" not in html


def test_cycle_open_error_keeps_the_typed_values(client_for, imported, staff_user):
    services.cycle_open(acting_user=None, year=2023)
    s = client_for(staff_user)
    response = s.post(
        reverse("eligibility:cycle-open"), {"year": "2023", "review_date": "2023-05-31"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="2023"' in html and 'value="2023-05-31"' in html
    assert Cycle.objects.count() == 1
    response = s.post(reverse("eligibility:cycle-open"), {"year": "1999"})
    assert response.status_code == 200 and 'value="1999"' in response.content.decode()


def test_published_cycle_page_has_no_step_numbers(client_for, imported, staff_user):
    for year in (2022, 2023):
        cycle = services.cycle_compute(
            acting_user=None, cycle=services.cycle_open(acting_user=None, year=year)
        )
        services.cycle_publish(acting_user=None, cycle=cycle)
    s = client_for(staff_user)
    html = s.get(reverse("eligibility:cycle-manage", args=[2023])).content.decode()
    assert "What changed since the 2022 published cycle, and why" in html
    assert "3. What changed" not in html
    services.cycle_open(acting_user=None, year=2024)
    html = s.get(reverse("eligibility:cycle-manage", args=[2024])).content.decode()
    assert "1. Rule set and releases" in html and "2. Compute" in html


def test_changes_say_in_words_what_changed_and_why(client_for, imported, staff_user):
    cycle = services.cycle_compute(
        acting_user=None, cycle=services.cycle_open(acting_user=None, year=2022)
    )
    services.cycle_publish(acting_user=None, cycle=cycle)
    services.cycle_compute(acting_user=None, cycle=services.cycle_open(acting_user=None, year=2023))
    s = client_for(staff_user)
    html = s.get(reverse("eligibility:cycle-manage", args=[2023])).content.decode()
    assert (
        "Citizen engagement: 4 points → 3 points. Before: 7.94 (EIU Democracy Index 2021). "
        "Now: 7.5 (EIU Democracy Index 2022)."
    ) in html
    html = s.get("/fr" + reverse("eligibility:cycle-manage", args=[2023])[3:]).content.decode()
    assert "4 points → 3 points. Avant : 7.94" in html
