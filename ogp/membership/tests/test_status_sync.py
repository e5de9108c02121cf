"""Status changes that follow from the eligibility cycle, and the staff tools around them."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from ogp.countries.models import MembershipStatus
from ogp.membership import services

pytestmark = pytest.mark.django_db


def summary(status="eligible", values_check=True, review=False, year=2026):
    return SimpleNamespace(
        cycle_year=year,
        status=status,
        total=14 if status == "eligible" else 8,
        maximum=16,
        values_check=values_check,
        eligibility_review=review,
    )


@pytest.fixture
def cycle(monkeypatch):
    current = {"value": None}
    monkeypatch.setattr(
        "ogp.membership.selectors.eligibility_summary", lambda country: current["value"]
    )
    return current


def test_no_cycle_no_change(country, cycle):
    assert services.membership_status_sync_eligibility(acting_user=None, country=country) is None


def test_cycle_makes_country_eligible_then_not(country, cycle, staff_user):
    cycle["value"] = summary()
    change = services.membership_status_sync_eligibility(acting_user=staff_user, country=country)
    assert change.to_status == MembershipStatus.ELIGIBLE
    assert change.reason == "Eligibility cycle 2026 published."
    cycle["value"] = summary(values_check=False, year=2027)
    change = services.membership_status_sync_eligibility(acting_user=None, country=country)
    assert change.to_status == MembershipStatus.NOT_ELIGIBLE
    assert change.changed_by is None
    assert services.membership_status_sync_eligibility(acting_user=None, country=country) is None


def test_cycle_puts_member_under_eligibility_review_and_back(country, cycle):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    cycle["value"] = summary(status="not_eligible", values_check=None, review=True)
    change = services.membership_status_sync_eligibility(acting_user=None, country=country)
    assert change.to_status == MembershipStatus.ELIGIBILITY_REVIEW
    country.refresh_from_db()
    cycle["value"] = summary(values_check=None)
    change = services.membership_status_sync_eligibility(acting_user=None, country=country)
    assert change.to_status == MembershipStatus.ACTIVE


def test_sync_button(client_for, staff_user, country, cycle):
    cycle["value"] = summary()
    client = client_for(staff_user)
    response = client.post(reverse("membership:status-sync", args=[country.iso3]), follow=True)
    assert "Status changed to" in response.content.decode()
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.ELIGIBLE


def test_sync_forbidden_to_government(client_for, government_user, country):
    response = client_for(government_user).post(
        reverse("membership:status-sync", args=[country.iso3])
    )
    assert response.status_code == 403


def test_additional_information_route(client_for, staff_user, country):
    url = reverse("membership:status-change", args=[country.iso3])
    base = {
        "target": "eligible",
        "reason": "Experts assessed the information sent by the government.",
        "effective_date": "2026-04-01",
        "consecutive_cycles_below_minimum": 0,
        "consecutive_contrary_cycles": 0,
    }
    client = client_for(staff_user)
    response = client.post(url, base)
    assert response.status_code == 200  # refused: no cycle, not assessed
    assert "does not meet the OGP eligibility criteria" in response.content.decode()
    response = client.post(url, {**base, "eligibility_assessment": "eligible"})
    assert response.status_code == 302
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.ELIGIBLE


def test_generated_reasons_stored_in_english_shown_translated(
    complete_letter, government_user, client
):
    from django.utils import translation

    with translation.override("fr"):
        services.letter_submit(acting_user=government_user, letter=complete_letter)
    change = complete_letter.country.status_changes.get()
    assert change.reason == "Letter of intent submitted."
    body = client.get(
        reverse("membership:country", args=[complete_letter.country.iso3]).replace("/en/", "/fr/")
    ).content.decode()
    assert "Lettre d’intention soumise." in body


def test_step_undo(client_for, staff_user, government_user, complete_letter):
    import datetime

    services.letter_submit(acting_user=government_user, letter=complete_letter)
    services.letter_accept(acting_user=staff_user, letter=complete_letter)
    country = complete_letter.country
    services.onboarding_step_mark(
        acting_user=government_user,
        country=country,
        item="first_call_held",
        done_on=datetime.date(2026, 1, 5),
    )
    url = reverse("membership:step-unmark", args=[country.iso3, "first_call_held"])
    assert client_for(government_user).post(url).status_code == 403
    assert client_for(staff_user).post(url).status_code == 302
    assert not country.onboarding.steps.exists()


def test_sync_command_over_all_countries(country, other_country, cycle):
    from io import StringIO

    from django.core.management import call_command

    from ogp.countries.models import MembershipStatusChange

    cycle["value"] = summary()
    out = StringIO()
    call_command("membership_sync_eligibility", stdout=out)
    assert "2 status(es) changed, 0 refused." in out.getvalue()
    assert MembershipStatusChange.objects.filter(to_status="eligible").count() == 2
    out = StringIO()
    call_command("membership_sync_eligibility", stdout=out)
    assert "0 status(es) changed" in out.getvalue()


def test_status_form_is_two_steps_showing_only_the_required_fields(client_for, staff_user, country):
    from ogp.countries.models import MembershipStatus

    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    client = client_for(staff_user)
    url = reverse("membership:status-change", args=[country.iso3])
    first = client.get(url).content.decode()
    assert 'type="radio" name="target"' in first
    assert 'name="reason"' not in first  # step 1 only chooses
    second = client.get(url, {"target": "withdrawn"}).content.decode()
    assert 'name="withdrawal_notice"' in second
    assert 'name="decision_reference"' not in second
    assert 'name="consecutive_contrary_cycles"' not in second
    suspended = client.get(url, {"target": "suspended"}).content.decode()
    assert 'name="decision_reference"' in suspended
    assert 'name="withdrawal_notice"' not in suspended
    response = client.post(
        url,
        {
            "target": "withdrawn",
            "reason": "Withdrawal letter of 1 March.",
            "effective_date": "2026-03-01",
            "withdrawal_notice": "on",
        },
    )
    assert response.status_code == 302
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.WITHDRAWN


def test_published_cycle_tells_each_moved_country_its_own_government_users(
    country,
    other_country,
    government_user,
    other_government_user,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    """The receiver reads every country's government users at once; each e-mail still goes
    to the users of the country whose status moved, and each change is audited."""
    from ogp.audit.models import AuditEvent
    from ogp.core.summaries import CyclePublished

    event = CyclePublished(
        cycle_year=2026,
        newest=True,
        summaries={country.pk: summary(), other_country.pk: summary()},  # type: ignore[dict-item]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_statuses_apply_cycle(acting_user=None, event=event)
    country.refresh_from_db()
    other_country.refresh_from_db()
    assert country.membership_status == other_country.membership_status == "eligible"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [government_user.email, other_government_user.email]
    )
    assert AuditEvent.objects.filter(action="country.membership_status_set").count() == 2
