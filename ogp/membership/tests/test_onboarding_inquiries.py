"""Onboarding checklist, country contact, invitations and questions to the Support Unit."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.models import Role
from ogp.accounts.tests.factories import UserFactory
from ogp.core.errors import ServiceError
from ogp.countries.models import MembershipStatus
from ogp.membership import services
from ogp.membership.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def participating(complete_letter, government_user, staff_user):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    services.letter_accept(acting_user=staff_user, letter=complete_letter)
    country = complete_letter.country
    country.refresh_from_db()
    return country


def test_contact_assignment_sends_introduction(
    participating, staff_user, government_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.onboarding_contact_assign(
            acting_user=staff_user, country=participating, contact=staff_user
        )
    recipients = {m.to[0] for m in mail.outbox}
    assert {government_user.email, staff_user.email} <= recipients
    assert participating.onboarding.support_unit_contact == staff_user
    assert participating.onboarding.introduced_at is not None


def test_contact_must_be_support_unit(participating, staff_user, government_user):
    with pytest.raises(ServiceError):
        services.onboarding_contact_assign(
            acting_user=staff_user, country=participating, contact=government_user
        )
    with pytest.raises(ServiceError):
        services.onboarding_contact_assign(
            acting_user=government_user, country=participating, contact=staff_user
        )


def test_checklist_progress_and_co_creation_makes_active(
    participating, government_user, staff_user, client_for
):
    today = timezone.localdate()
    services.onboarding_step_mark(
        acting_user=staff_user, country=participating, item="first_call_held", done_on=today
    )
    with pytest.raises(ServiceError, match="already marked"):
        services.onboarding_step_mark(
            acting_user=staff_user, country=participating, item="first_call_held", done_on=today
        )
    with pytest.raises(ServiceError, match="future"):
        services.onboarding_step_mark(
            acting_user=staff_user,
            country=participating,
            item="forum_planned",
            done_on=today + datetime.timedelta(days=1),
        )
    body = (
        client_for(government_user)
        .get(reverse("membership:workspace", args=[participating.iso3]))
        .content.decode()
    )
    assert "25%" in body
    services.onboarding_step_mark(
        acting_user=government_user,
        country=participating,
        item="co_creation_started",
        done_on=today,
    )
    participating.refresh_from_db()
    assert participating.membership_status == MembershipStatus.ACTIVE
    assert participating.status_changes.first().to_status == "active"


def test_checklist_waits_for_acceptance(government_user, eligible_country):
    with pytest.raises(ServiceError, match="Onboarding starts"):
        services.onboarding_step_mark(
            acting_user=government_user,
            country=eligible_country,
            item="first_call_held",
            done_on=timezone.localdate(),
        )


def test_step_mark_view(client_for, participating, government_user):
    client = client_for(government_user)
    response = client.post(
        reverse("membership:step-mark", args=[participating.iso3]),
        {"item": "forum_planned", "done_on": str(timezone.localdate()), "note": "June"},
    )
    assert response.status_code == 302
    assert participating.onboarding.steps.get().item == "forum_planned"


def _make_poc(user, country):
    services.lead_agency_set(
        acting_user=user,
        country=country,
        name="Ministry",
        contact_name="Awa",
        contact_title="Director",
        contact_email="awa@example.org",
        point_of_contact=user,
    )


def test_invitation_flow(government_user, country, client_for, django_capture_on_commit_callbacks):
    _make_poc(government_user, country)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            acting_user=government_user, country=country, email="Colleague@Example.org"
        )
    assert mail.outbox[-1].to == ["colleague@example.org"]
    # The link is signed with a timestamp: take the token from the e-mail itself.
    token = re.search(r"/invitations/([^/\s]+)/", mail.outbox[-1].body).group(1)
    assert services.invitation_from_token(token) == invitation
    url = reverse("membership:invitation-accept", args=[token])
    # Not signed in yet: the page explains the invitation and offers to log in or sign up.
    page = client_for(None).get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "colleague@example.org" in body
    assert (
        f"{reverse('account_signup')}?next=" in body and f"{reverse('account_login')}?next=" in body
    )
    assert client_for(None).post(url).status_code == 200
    assert not Invitation.objects.get(pk=invitation.pk).accepted_at
    colleague = UserFactory(email="colleague@example.org")
    client = client_for(colleague)
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.role == Role.GOVERNMENT
    assert colleague.country == country
    with pytest.raises(ServiceError, match="already been used"):
        services.invitation_accept(acting_user=colleague, token=token)


def test_invitation_refusals(government_user, country, staff_user, user):
    with pytest.raises(ServiceError, match="point of contact"):
        services.invitation_create(acting_user=government_user, country=country, email="a@b.org")
    _make_poc(government_user, country)
    invitation = services.invitation_create(
        acting_user=government_user, country=country, email="a@example.org"
    )
    with pytest.raises(ServiceError, match="already waiting"):
        services.invitation_create(
            acting_user=government_user, country=country, email="a@example.org"
        )
    with pytest.raises(ServiceError, match="Support Unit staff"):
        services.invitation_create(
            acting_user=government_user, country=country, email=staff_user.email
        )
    token = services.invitation_token(invitation)
    with pytest.raises(ServiceError, match="log in with that address"):
        services.invitation_accept(acting_user=user, token=token)
    with pytest.raises(ServiceError, match="not valid"):
        services.invitation_accept(acting_user=user, token=token + "x")


def test_expired_invitation(government_user, country):
    import time_machine

    _make_poc(government_user, country)
    invitation = services.invitation_create(
        acting_user=government_user, country=country, email="late@example.org"
    )
    token = services.invitation_token(invitation)
    later = timezone.now() + datetime.timedelta(days=15)
    with time_machine.travel(later), pytest.raises(ServiceError, match="expired"):
        services.invitation_from_token(token)


def test_inquiry_thread_status(
    government_user, staff_user, country, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_create(
            acting_user=government_user,
            country=country,
            subject="How do we set up a forum?",
            body="Any guidance?",
        )
    assert inquiry.status == "open"
    assert mail.outbox[-1].to == [staff_user.email]
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_reply(acting_user=staff_user, inquiry=inquiry, body="See the handbook.")
    inquiry.refresh_from_db()
    assert inquiry.status == "answered"
    assert mail.outbox[-1].to == [government_user.email]
    services.inquiry_status_set(acting_user=government_user, inquiry=inquiry, status="closed")
    inquiry.refresh_from_db()
    assert inquiry.status == "closed"
    with pytest.raises(ServiceError):
        services.inquiry_status_set(acting_user=government_user, inquiry=inquiry, status="answered")
    services.inquiry_reply(acting_user=government_user, inquiry=inquiry, body="One more thing")
    inquiry.refresh_from_db()
    assert inquiry.status == "open"
    assert inquiry.messages.count() == 3


def test_inquiry_views(client_for, government_user, staff_user, country):
    client = client_for(government_user)
    response = client.post(
        reverse("membership:inquiry-create", args=[country.iso3]),
        {"subject": "Question", "body": "Hello"},
    )
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert "Hello" in detail.content.decode()
    staff = client_for(staff_user)
    listing = staff.get(reverse("membership:inquiry-staff-list") + "?status=open")
    assert "Question" in listing.content.decode()


def test_rejoining_restarts_the_checklist(participating, government_user, staff_user, signed_pdf):
    from ogp.membership.domain.status import StatusFacts

    from .factories import COMPLETE_LETTER

    services.onboarding_step_mark(
        acting_user=staff_user,
        country=participating,
        item="first_call_held",
        done_on=timezone.localdate(),
    )
    services.membership_status_change(
        acting_user=staff_user,
        country=participating,
        target="withdrawn",
        facts=StatusFacts(withdrawal_notice=True),
        reason="Withdrawal letter received.",
    )
    services.membership_status_change(
        acting_user=staff_user,
        country=participating,
        target="eligible",
        facts=StatusFacts(core_eligible=True, values_check_passed=True),
        reason="Eligible again.",
    )
    participating.refresh_from_db()
    letter = services.letter_create(
        acting_user=government_user, country=participating, **COMPLETE_LETTER
    )
    services.letter_upload_signed(acting_user=government_user, letter=letter, upload=signed_pdf())
    services.letter_submit(acting_user=government_user, letter=letter)
    services.letter_accept(acting_user=staff_user, letter=letter)
    participating.refresh_from_db()
    assert participating.membership_status == MembershipStatus.PARTICIPATING
    assert not participating.onboarding.steps.exists()
    assert participating.letters_of_intent.filter(state="accepted").count() == 2


def test_ticking_co_creation_says_the_status_changed(client_for, participating, government_user):
    client = client_for(government_user)
    url = reverse("membership:step-mark", args=[participating.iso3])
    response = client.post(
        url,
        {"item": "co_creation_started", "done_on": timezone.localdate().isoformat()},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    texts = [str(m) for m in response.context["messages"]]
    assert "The country's OGP status is now: Active member." in texts
