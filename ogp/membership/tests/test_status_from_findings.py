"""Acting contrary to process and Procedural Review read the findings the Support Unit confirmed
(plans, through the contrary_to_process_record hook): staff no longer type in counters."""

from datetime import date

import pytest
from django.urls import reverse

from ogp.countries.models import MembershipStatus
from ogp.membership.selectors import contrary_record
from ogp.plans.models import ContraryFinding, FindingState
from ogp.plans.tests.factories import ActionPlanFactory

pytestmark = pytest.mark.django_db


def _finding(country, year, state=FindingState.CONFIRMED):
    plan = ActionPlanFactory(country=country, ogp_id=f"AP_ZZA{year}", submitted_year=year)
    return ContraryFinding.objects.create(
        plan=plan, trigger="late_plan", rule_version="2017-2021", found_on=date(year + 1, 1, 5),
        evidence="late", state=state,
    )  # fmt: skip


def _post(client, country, target):
    return client.post(
        reverse("membership:status-change", args=[country.iso3]),
        {"target": target, "reason": "Findings confirmed.", "effective_date": "2026-03-01",
         # what staff could type before: ignored now
         "contrary_to_process_finding": "on", "consecutive_contrary_cycles": "5"},
    )  # fmt: skip


def test_record_from_confirmed_findings(country):
    assert not contrary_record(country).confirmed
    _finding(country, 2017)
    _finding(country, 2019, FindingState.DISMISSED)
    record = contrary_record(country)
    assert (record.latest_plan, record.consecutive_cycles) == ("AP_ZZA2017", 1)
    _finding(country, 2021)
    _finding(country, 2023)
    record = contrary_record(country)
    # 2019 was dismissed: the streak restarts after it
    assert (record.latest_plan, record.consecutive_cycles) == ("AP_ZZA2023", 2)


def test_typed_counters_are_ignored(client_for, staff_user, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    client = client_for(staff_user)
    page = client.get(
        reverse("membership:status-change", args=[country.iso3]),
        {"target": "contrary_to_process"},
    ).content.decode()
    assert 'name="contrary_to_process_finding"' not in page
    assert "No finding has been confirmed" in page
    response = _post(client, country, "contrary_to_process")
    country.refresh_from_db()
    assert response.status_code == 200
    assert country.membership_status == MembershipStatus.ACTIVE
    _finding(country, 2019)
    response = _post(client, country, "contrary_to_process")
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.CONTRARY_TO_PROCESS


def test_procedural_review_needs_two_confirmed_cycles(client_for, staff_user, country):
    country.membership_status = MembershipStatus.CONTRARY_TO_PROCESS
    country.save()
    client = client_for(staff_user)
    _finding(country, 2019)
    page = client.get(
        reverse("membership:status-change", args=[country.iso3]), {"target": "procedural_review"}
    ).content.decode()
    assert "1 cycle in a row" in page and 'name="consecutive_contrary_cycles"' not in page
    _post(client, country, "procedural_review")
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.CONTRARY_TO_PROCESS
    _finding(country, 2021)
    _post(client, country, "procedural_review")
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.PROCEDURAL_REVIEW
