"""A government without an eligibility finding asks for assessment and, once assessed eligible,
submits its letter: no step that nobody is told about."""

import pytest
from django.core import mail
from django.urls import reverse

from ogp.core.errors import ServiceError
from ogp.countries.models import MembershipStatus
from ogp.membership import services
from ogp.membership.domain.letter import LetterState
from ogp.membership.models import AssessmentRequest

from .factories import COMPLETE_LETTER

pytestmark = pytest.mark.django_db


@pytest.fixture
def unassessed(country):
    country.membership_status = MembershipStatus.NOT_ASSESSED
    country.un_member = True
    country.save()
    return country


def test_workspace_offers_the_route_and_refusal_names_it(
    unassessed, government_user, client_for, cochairs
):
    page = client_for(government_user).get(reverse("membership:workspace", args=["ZZA"]))
    html = page.content.decode()
    assert "Ask to be assessed" in html
    assert reverse("membership:assessment-request", args=["ZZA"]) in html
    letter = services.letter_create(
        acting_user=government_user, country=unassessed, **COMPLETE_LETTER
    )
    problems = " ".join(m for _f, m in services.submission_problems(letter))
    assert "additional-information route" in problems
    assert "not been assessed" not in problems


def test_request_decide_then_submit(
    unassessed,
    government_user,
    staff_user,
    cochairs,
    signed_pdf,
    django_capture_on_commit_callbacks,
):
    letter = services.letter_create(
        acting_user=government_user, country=unassessed, **COMPLETE_LETTER
    )
    services.letter_upload_signed(acting_user=government_user, letter=letter, upload=signed_pdf())
    with django_capture_on_commit_callbacks(execute=True):
        request = services.assessment_request_create(
            acting_user=government_user,
            country=unassessed,
            evidence="Access to information law of 2021.",
            source_url="https://example.org/law",
        )
    assert [m.to for m in mail.outbox] == [[staff_user.email]]
    assert "/assessment/" in mail.outbox[0].body
    with pytest.raises(ServiceError):  # one request at a time
        services.assessment_request_create(
            acting_user=government_user, country=unassessed, evidence="again"
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_request_decide(
            acting_user=staff_user, request=request, eligible=True, reason="Experts agree."
        )
    unassessed.refresh_from_db()
    assert unassessed.membership_status == MembershipStatus.ELIGIBLE
    request.refresh_from_db()
    assert request.state == AssessmentRequest.State.ELIGIBLE
    letter.refresh_from_db()
    assert "additional-information route on" in letter.eligibility_basis
    assert "meets the" not in letter.eligibility_basis
    # the signed copy stated the old basis: removed, and the government is told
    assert not letter.signed_pdf and letter.signed_copy_removed_name == "signed.pdf"
    subjects = [m.subject for m in mail.outbox]
    assert any("assessed eligible" in s for s in subjects)
    assert any("signed again" in s for s in subjects)
    services.letter_upload_signed(acting_user=government_user, letter=letter, upload=signed_pdf())
    services.letter_submit(acting_user=government_user, letter=letter)
    letter.refresh_from_db()
    assert letter.state == LetterState.SUBMITTED
    assert not letter.signed_copy_removed_name


def test_readdressing_tells_the_government(
    complete_letter, government_user, staff_user, client_for, django_capture_on_commit_callbacks
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
    assert "New government co-chair" in complete_letter.addressees
    assert complete_letter.signed_copy_removed_because == "cochairs"
    assert [m.to for m in mail.outbox] == [[government_user.email]]
    page = client_for(government_user).get(
        reverse("membership:letter-detail", args=["ZZA", complete_letter.pk])
    )
    assert "signed.pdf" in page.content.decode()
    assert "new co-chairs" in page.content.decode()


def test_status_change_by_staff_tells_the_government(
    unassessed, government_user, staff_user, django_capture_on_commit_callbacks
):
    from ogp.membership.domain.status import StatusFacts

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_status_change(
            acting_user=staff_user,
            country=unassessed,
            target=MembershipStatus.ELIGIBLE,
            facts=StatusFacts(core_eligible=True, values_check_passed=True, reason="Experts."),
            reason="Experts.",
        )
    assert [m.to for m in mail.outbox] == [[government_user.email]]
    assert "Eligible" in mail.outbox[0].body


def test_letter_sentence_never_contradicts_not_enough_data(unassessed, government_user, cochairs):
    letter = services.letter_create(
        acting_user=government_user, country=unassessed, **COMPLETE_LETTER
    )
    assert "meets the" not in letter.eligibility_basis
