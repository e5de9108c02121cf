"""The letter of intent from draft to publication, through the services."""

import pytest
from django.core import mail

from ogp.core.errors import ServiceError
from ogp.countries.models import MembershipStatus, MembershipStatusChange
from ogp.membership import services
from ogp.membership.domain.letter import LetterState
from ogp.membership.models import LetterEvent, Onboarding

from .factories import COMPLETE_LETTER

pytestmark = pytest.mark.django_db


def test_full_journey_with_history_and_emails(
    complete_letter, government_user, staff_user, django_capture_on_commit_callbacks
):
    country = complete_letter.country
    government_user.preferred_language = "fr"
    government_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_submit(acting_user=government_user, letter=complete_letter)
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.LETTER_SUBMITTED
    assert [m.to for m in mail.outbox] == [[staff_user.email]]

    with django_capture_on_commit_callbacks(execute=True):
        services.letter_return(
            acting_user=staff_user, letter=complete_letter, reason="Add the signatory's seal."
        )
    complete_letter.refresh_from_db()
    assert complete_letter.state == LetterState.RETURNED
    returned_mail = mail.outbox[-1]
    assert returned_mail.to == [government_user.email]
    assert "Add the signatory's seal." in returned_mail.body
    assert "modifications" in returned_mail.subject  # French subject

    services.letter_update(
        acting_user=government_user,
        letter=complete_letter,
        **{**COMPLETE_LETTER, "past_reforms": "A corrected list of reforms."},
    )
    complete_letter.refresh_from_db()
    assert not complete_letter.signed_pdf, "changing the text requires a new signature"
    with pytest.raises(ServiceError):
        services.letter_submit(acting_user=government_user, letter=complete_letter)


def test_accept_publishes_and_starts_onboarding(
    complete_letter, government_user, staff_user, django_capture_on_commit_callbacks
):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_accept(acting_user=staff_user, letter=complete_letter)
    complete_letter.refresh_from_db()
    country = complete_letter.country
    country.refresh_from_db()
    assert complete_letter.is_published
    assert country.membership_status == MembershipStatus.PARTICIPATING
    onboarding = Onboarding.objects.get(country=country)
    assert onboarding.letter_received_on == complete_letter.received_on
    assert onboarding.first_plan_due.month == 3 and onboarding.first_plan_due.day == 31
    assert onboarding.first_plan_due.year == complete_letter.received_on.year + 1
    history = list(
        MembershipStatusChange.objects.filter(country=country).values_list(
            "from_status", "to_status"
        )
    )
    assert ("letter_submitted", "participating") in history
    assert ("eligible", "letter_submitted") in history
    assert [e.action for e in LetterEvent.objects.filter(letter=complete_letter)] == [
        "submitted",
        "accepted",
    ]
    assert mail.outbox[-1].to == [government_user.email]


def test_return_requires_reason(complete_letter, government_user, staff_user):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    with pytest.raises(ServiceError, match="must change"):
        services.letter_return(acting_user=staff_user, letter=complete_letter, reason="  ")


@pytest.mark.parametrize(
    ("status", "un_member", "message"),
    [
        (MembershipStatus.NOT_ELIGIBLE, True, "does not meet the OGP eligibility criteria"),
        (MembershipStatus.NOT_ASSESSED, True, "no eligibility finding"),
        (MembershipStatus.ELIGIBLE, False, "not a UN member state"),
    ],
)
def test_submission_refused_with_reason(
    complete_letter, government_user, status, un_member, message
):
    country = complete_letter.country
    country.membership_status = status
    country.un_member = un_member
    country.save()
    with pytest.raises(ServiceError) as error:
        services.letter_submit(acting_user=government_user, letter=complete_letter)
    assert any(message in m for m in error.value.messages)
    complete_letter.refresh_from_db()
    assert complete_letter.state == LetterState.DRAFT
    assert not MembershipStatusChange.objects.filter(country=country).exists()


def test_values_check_failure_from_eligibility_cycle(complete_letter, government_user, monkeypatch):
    from types import SimpleNamespace

    summary = SimpleNamespace(
        cycle_year=2026,
        status="eligible",
        total=13,
        maximum=16,
        values_check=False,
        eligibility_review=False,
    )
    monkeypatch.setattr("ogp.membership.selectors.eligibility_summary", lambda country: summary)
    with pytest.raises(ServiceError) as error:
        services.letter_submit(acting_user=government_user, letter=complete_letter)
    assert any("Values Check" in m for m in error.value.messages)


def test_latest_cycle_overrides_recorded_status(complete_letter, government_user, monkeypatch):
    from types import SimpleNamespace

    summary = SimpleNamespace(
        cycle_year=2026,
        status="not_eligible",
        total=8,
        maximum=16,
        values_check=True,
        eligibility_review=False,
    )
    monkeypatch.setattr("ogp.membership.selectors.eligibility_summary", lambda country: summary)
    problems = services.submission_problems(complete_letter)
    assert [f for f, _m in problems] == [""]
    assert "does not meet" in problems[0][1]


def test_missing_elements_each_named(government_user, eligible_country, cochairs):
    letter = services.letter_create(
        acting_user=government_user, country=eligible_country, language="es"
    )
    fields = [field for field, _message in services.submission_problems(letter)]
    assert fields == [
        "eligibility_confirmed",
        "endorses_declaration",
        "past_reforms",
        "responsible_name",
        "responsible_title",
        "responsible_ministry",
        "responsible_email",
        "signatory_name",
        "signatory_title",
        "signatory_agency",
        "signatory_is_ministerial",
        "head_of_government_authorisation",
        "authorised_by",
        "signed_pdf",
    ]


def test_no_cochairs_means_no_addressees(government_user, eligible_country):
    letter = services.letter_create(
        acting_user=government_user, country=eligible_country, **COMPLETE_LETTER
    )
    assert [f for f, _m in services.submission_problems(letter)] == ["addressees", "signed_pdf"]


def test_cochairs_change_readdresses_open_letters_only(
    complete_letter, government_user, staff_user
):
    import datetime

    services.letter_submit(acting_user=government_user, letter=complete_letter)
    before = complete_letter.addressees
    services.cochairs_set(
        acting_user=staff_user,
        government_co_chair="New government co-chair",
        civil_society_co_chair="New civil society co-chair",
        effective_from=datetime.date(2026, 10, 1),
    )
    complete_letter.refresh_from_db()
    assert complete_letter.addressees == before


def test_one_open_letter_per_country(complete_letter, government_user):
    with pytest.raises(ServiceError, match="already has a letter"):
        services.letter_create(
            acting_user=government_user, country=complete_letter.country, language="en"
        )


def test_member_country_cannot_draft(government_user, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    with pytest.raises(ServiceError, match="already participates"):
        services.letter_create(acting_user=government_user, country=country, language="en")


def test_other_government_cannot_write(complete_letter, other_government_user, staff_user):
    with pytest.raises(ServiceError):
        services.letter_update(
            acting_user=other_government_user, letter=complete_letter, language="fr"
        )
    with pytest.raises(ServiceError):
        services.letter_submit(acting_user=staff_user, letter=complete_letter)
    with pytest.raises(ServiceError):
        services.letter_accept(acting_user=other_government_user, letter=complete_letter)


def test_submitted_letter_is_frozen(complete_letter, government_user, signed_pdf):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    with pytest.raises(ServiceError, match="can no longer be changed"):
        services.letter_update(acting_user=government_user, letter=complete_letter, language="fr")
    with pytest.raises(ServiceError, match="can no longer be changed"):
        services.letter_upload_signed(
            acting_user=government_user, letter=complete_letter, upload=signed_pdf()
        )


def test_new_cochairs_require_a_new_signature_on_open_letters(
    complete_letter, staff_user, django_capture_on_commit_callbacks
):
    import datetime

    with django_capture_on_commit_callbacks(execute=True):
        services.cochairs_set(
            acting_user=staff_user,
            government_co_chair="New government co-chair",
            civil_society_co_chair="New civil society co-chair",
            effective_from=datetime.date(2026, 10, 1),
        )
    complete_letter.refresh_from_db()
    assert complete_letter.addressees.startswith("New government co-chair")
    assert not complete_letter.signed_pdf


def test_saving_unchanged_letter_keeps_signature(complete_letter, government_user):
    services.letter_update(acting_user=government_user, letter=complete_letter, **COMPLETE_LETTER)
    complete_letter.refresh_from_db()
    assert complete_letter.signed_pdf


@pytest.mark.parametrize(
    ("status", "values_check"),
    [("not_enough_data", None), ("not_enough_data", True), ("eligible", None)],
)
def test_recorded_eligible_status_fills_what_the_cycle_leaves_unknown(
    complete_letter, government_user, monkeypatch, status, values_check
):
    """Staff made the country eligible (e.g. the additional information route) after a cycle
    that had no data: the letter can be submitted, and the basis says where it comes from."""
    from types import SimpleNamespace

    from ogp.membership import selectors

    summary = SimpleNamespace(
        cycle_year=2024,
        status=status,
        total=5,
        maximum=8,
        values_check=values_check,
        eligibility_review=False,
    )
    monkeypatch.setattr("ogp.membership.selectors.eligibility_summary", lambda country: summary)
    assert services.submission_problems(complete_letter) == []
    basis = selectors.country_eligibility(complete_letter.country).basis
    expected = {
        "not_enough_data": "Eligibility cycle 2024: not enough data.",
        "eligible": "Eligibility cycle 2024: eligible, 5 of 8 points.",
    }[status]
    assert basis.startswith(expected)
    assert basis.endswith("Eligible to join according to the status recorded by the Support Unit.")
    letter = services.letter_submit(acting_user=government_user, letter=complete_letter)
    assert letter.state == LetterState.SUBMITTED


def test_recorded_status_never_replaces_a_finding(complete_letter, monkeypatch):
    from types import SimpleNamespace

    summary = SimpleNamespace(
        cycle_year=2024,
        status="not_enough_data",
        total=5,
        maximum=8,
        values_check=False,
        eligibility_review=False,
    )
    monkeypatch.setattr("ogp.membership.selectors.eligibility_summary", lambda country: summary)
    messages = [m for _f, m in services.submission_problems(complete_letter)]
    assert any("Values Check" in m for m in messages)


def test_french_letter_never_puts_de_before_a_country_name(complete_letter):
    """French country names take an article ("l'Algérie", "le Canada", "les Pays-Bas"), so
    "de <pays>" is wrong for most of them: the letter names the country in parentheses."""
    import re

    from ogp.membership.letter_text import letter_text

    country = complete_letter.country
    country.name_fr = "Algérie"
    country.save()
    complete_letter.language = "fr"
    text = letter_text(complete_letter)
    body = " ".join(text.paragraphs)
    assert "(Algérie)" in body
    assert not re.search(r"\b(de|du|pour|à) Algérie", body)
