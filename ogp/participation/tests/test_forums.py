"""Forums: membership requests and decisions, meetings, documents, the six-month rule on pages."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ogp.accounts.tests.factories import UserFactory
from ogp.core.errors import ServiceError
from ogp.participation.models import ForumMembership, MembershipRequest
from ogp.participation.selectors import forum_cadence_of, forum_get
from ogp.participation.services.forums import (
    forum_create,
    forum_member_remove,
    forum_member_update,
    meeting_document_add,
    meeting_save,
    membership_request_create,
    membership_request_decide,
    membership_request_withdraw,
)

from .factories import CoordinatorFactory, ForumFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(country):
    return ForumFactory(country=country)


@pytest.fixture
def coordinator(forum, government_user):
    CoordinatorFactory(forum=forum, user=government_user, side="government")
    return government_user


def test_government_user_creates_forum_and_coordinates_it(government_user, country):
    forum = forum_create(
        acting_user=government_user, country=country, name="National OGP forum",
        rules_of_participation="Open to all.", established_on=date(2025, 1, 1),
    )  # fmt: skip
    membership = forum.memberships.get()
    assert membership.user == government_user
    assert membership.role == "coordinator"
    assert membership.side == "government"


def test_forum_needs_public_rules(government_user, country):
    with pytest.raises(ServiceError):
        forum_create(
            acting_user=government_user, country=country, name="X",
            rules_of_participation="  ", established_on=date(2025, 1, 1),
        )  # fmt: skip


def test_request_then_approval_makes_a_member(forum, coordinator, civil_society_user):
    request = membership_request_create(
        acting_user=civil_society_user, forum=forum, motivation="We monitor budgets."
    )
    assert request.side == "non_government"
    assert mail.outbox[-1].to == [coordinator.email]
    membership_request_decide(acting_user=coordinator, request=request, approve=True)
    request.refresh_from_db()
    assert request.state == "approved"
    member = forum.memberships.get(user=civil_society_user)
    assert member.side == "non_government"
    assert member.organisation == civil_society_user.organisation
    assert mail.outbox[-1].to == [civil_society_user.email]


def test_decline_needs_a_reason_and_tells_it(forum, coordinator, civil_society_user):
    request = membership_request_create(
        acting_user=civil_society_user, forum=forum, motivation="Please."
    )
    with pytest.raises(ServiceError):
        membership_request_decide(acting_user=coordinator, request=request, approve=False)
    assert MembershipRequest.objects.get().state == "pending"
    membership_request_decide(
        acting_user=coordinator, request=request, approve=False,
        reason="Seats for this sector are full until March.",
    )  # fmt: skip
    assert "Seats for this sector are full until March." in mail.outbox[-1].body
    assert not forum.memberships.filter(user=civil_society_user).exists()


def test_decided_request_cannot_be_decided_again(forum, coordinator, civil_society_user):
    request = membership_request_create(acting_user=civil_society_user, forum=forum, motivation="x")
    membership_request_decide(acting_user=coordinator, request=request, approve=True)
    with pytest.raises(ServiceError):
        membership_request_decide(
            acting_user=coordinator, request=request, approve=False, reason="r"
        )


def test_no_duplicate_requests_or_memberships(forum, coordinator, civil_society_user):
    request = membership_request_create(acting_user=civil_society_user, forum=forum, motivation="x")
    with pytest.raises(ServiceError, match="already have a request"):
        membership_request_create(acting_user=civil_society_user, forum=forum, motivation="y")
    membership_request_decide(acting_user=coordinator, request=request, approve=True)
    with pytest.raises(ServiceError, match="already a member"):
        membership_request_create(acting_user=civil_society_user, forum=forum, motivation="z")


def test_withdraw_own_request_only(forum, coordinator, civil_society_user, researcher_user):
    request = membership_request_create(acting_user=civil_society_user, forum=forum, motivation="x")
    with pytest.raises(ServiceError):
        membership_request_withdraw(acting_user=researcher_user, request=request)
    membership_request_withdraw(acting_user=civil_society_user, request=request)
    assert MembershipRequest.objects.get().state == "withdrawn"


def test_decide_through_the_page(client_for, forum, coordinator, civil_society_user):
    request = membership_request_create(acting_user=civil_society_user, forum=forum, motivation="x")
    client = client_for(coordinator)
    url = reverse("participation:forum-decide", args=[forum.slug, request.pk])
    response = client.post(url, {f"r{request.pk}-decision": "decline", f"r{request.pk}-reason": ""})
    assert response.status_code == 400
    assert "Give a reason for declining" in response.content.decode()
    response = client.post(url, {f"r{request.pk}-decision": "approve"})
    assert response.status_code == 302
    assert forum.memberships.filter(user=civil_society_user).exists()


def test_last_coordinator_cannot_be_removed_or_demoted(forum, coordinator):
    membership = forum.memberships.get(user=coordinator)
    with pytest.raises(ServiceError):
        forum_member_remove(acting_user=coordinator, membership=membership)
    with pytest.raises(ServiceError):
        forum_member_update(acting_user=coordinator, membership=membership, side="government",
                            role="member")  # fmt: skip


def test_balance_is_shown(client, forum):
    MembershipFactory(forum=forum, side="government")
    MembershipFactory(forum=forum, side="non_government")
    MembershipFactory(forum=forum, side="non_government")
    page = client.get(forum.get_absolute_url()).content.decode()
    assert "1 from government, 2 from outside government" in page
    assert "(33% / 67%)" in page


def test_minutes_only_after_the_meeting(forum, coordinator):
    with time_machine.travel(date(2026, 1, 10)), pytest.raises(ServiceError):
        meeting_save(acting_user=coordinator, forum=forum, title="Next", date=date(2026, 2, 1),
                     minutes="Decided things")  # fmt: skip


def test_attendance_only_lists_forum_members(forum, coordinator):
    stranger = MembershipFactory()  # another forum's member
    with pytest.raises(ServiceError):
        meeting_save(acting_user=coordinator, forum=forum, title="M", date=date(2025, 1, 1),
                     attendees=[stranger])  # fmt: skip


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def test_documents_pdf_only_and_public(client, forum, coordinator):
    meeting = MeetingFactory(forum=forum, date=date(2025, 1, 1))
    with pytest.raises(ServiceError):
        meeting_document_add(acting_user=coordinator, meeting=meeting, title="Minutes",
                             file=SimpleUploadedFile("m.pdf", b"not a pdf"))  # fmt: skip
    document = meeting_document_add(
        acting_user=coordinator, meeting=meeting, title="Minutes",
        file=SimpleUploadedFile("m.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    response = client.get(
        reverse("participation:document-download", args=[forum.slug, meeting.pk, document.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("today", "label"),
    [
        (date(2026, 1, 28), "Met"),  # 31 days before Feb 28
        (date(2026, 1, 29), "Due soon"),  # 30 days before
        (date(2026, 2, 28), "Due soon"),  # the deadline itself
        (date(2026, 3, 1), "Missed"),  # the day after
    ],
)
def test_six_month_rule_on_the_forum_page_and_staff_list(
    client_for, staff_user, country, today, label
):
    forum = ForumFactory(country=country, established_on=date(2025, 1, 1))
    MeetingFactory(forum=forum, date=date(2025, 8, 31))
    MeetingFactory(forum=forum, date=date(2025, 12, 1), is_cancelled=True)  # does not count
    with time_machine.travel(today):
        assert forum_cadence_of(forum_get(forum.slug), today).deadline == date(2026, 2, 28)
        page = client_for(None).get(forum.get_absolute_url()).content.decode()
        assert f">{label}</span>" in page
        staff_page = client_for(staff_user).get(reverse("participation:staff-forums")).content
        assert f">{label}</span>".encode() in staff_page


def test_staff_list_puts_missed_forums_first(client_for, staff_user, country):
    good = ForumFactory(country=country, name="Good forum", established_on=date(2025, 1, 1))
    MeetingFactory(forum=good, date=date(2025, 12, 1))
    ForumFactory(country=country, name="Late forum", established_on=date(2024, 1, 1))
    with time_machine.travel(date(2026, 1, 10)):
        page = client_for(staff_user).get(reverse("participation:staff-forums")).content.decode()
    assert page.index("Late forum") < page.index("Good forum")


def test_membership_is_unique_per_user(forum, civil_society_user):
    MembershipFactory(forum=forum, user=civil_society_user)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ForumMembership.objects.create(
            forum=forum, user=civil_society_user, display_name="x", side="government",
            joined_on=date(2025, 1, 1),
        )  # fmt: skip


def test_reminders_once_per_deadline_and_status(country):
    from ogp.participation.services.forums import forum_cadence_reminders_send

    coordinator_user = UserFactory(preferred_language="fr")
    forum = ForumFactory(country=country, established_on=date(2025, 1, 1))
    CoordinatorFactory(forum=forum, user=coordinator_user)
    MeetingFactory(forum=forum, date=date(2025, 8, 31))
    mail.outbox.clear()
    assert forum_cadence_reminders_send(today=date(2026, 1, 28)) == 0  # 31 days left: met
    assert forum_cadence_reminders_send(today=date(2026, 1, 29)) == 1  # due soon
    assert mail.outbox[-1].to == [coordinator_user.email]
    assert "28 février 2026" in mail.outbox[-1].body  # in the coordinator's language
    assert forum_cadence_reminders_send(today=date(2026, 2, 10)) == 0  # already reminded
    assert forum_cadence_reminders_send(today=date(2026, 3, 1)) == 1  # missed: one more
    assert forum_cadence_reminders_send(today=date(2026, 3, 20)) == 0
    MeetingFactory(forum=forum, date=date(2026, 3, 25))
    assert forum_cadence_reminders_send(today=date(2026, 3, 26)) == 0  # met again
    assert len(mail.outbox) == 2


def test_government_user_forum_form_has_their_country_chosen(client_for, government_user, country):
    page = client_for(government_user).get(reverse("participation:forum-create")).content.decode()
    select = page.split('name="country"', 1)[1].split("</select>", 1)[0]
    assert "---------" not in select
    assert f'value="{country.pk}" selected' in select
