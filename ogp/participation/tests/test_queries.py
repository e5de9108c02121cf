"""Pages run a constant number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ogp.participation.services.directory import person_save

from .factories import EventFactory, ForumFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    client.get(url)  # the first page of a session also reads the user (then cached)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _forums(country, n):
    for _ in range(n):
        forum = ForumFactory(country=country)
        MeetingFactory(forum=forum)
        MembershipFactory(forum=forum, side="government")


def test_forum_list(client, country):
    _forums(country, 1)
    one = _count(client, reverse("participation:forum-list"))
    _forums(country, 6)
    assert _count(client, reverse("participation:forum-list")) == one


def test_forum_detail(client, country):
    forum = ForumFactory(country=country)
    MeetingFactory(forum=forum)
    MembershipFactory(forum=forum)
    one = _count(client, forum.get_absolute_url())
    for _ in range(6):
        MeetingFactory(forum=forum)
        MembershipFactory(forum=forum)
    assert _count(client, forum.get_absolute_url()) == one


def test_event_list(client):
    EventFactory()
    one = _count(client, reverse("participation:event-list"))
    for _ in range(6):
        EventFactory()
    assert _count(client, reverse("participation:event-list")) == one


def test_directory(client, country):
    from ogp.accounts.tests.factories import UserFactory

    def add():
        person_save(acting_user=UserFactory(), consent=True, full_name="P", country=country)

    add()
    one = _count(client, reverse("participation:directory"))
    for _ in range(6):
        add()
    assert _count(client, reverse("participation:directory")) == one


def test_staff_compliance(client_for, staff_user, country):
    client = client_for(staff_user)
    _forums(country, 1)
    one = _count(client, reverse("participation:staff-forums"))
    _forums(country, 6)
    assert _count(client, reverse("participation:staff-forums")) == one


def test_meeting_form_lists_members_without_a_query_each(client, staff_user, country):
    forum = ForumFactory(country=country)
    MembershipFactory(forum=forum)
    client.force_login(staff_user)
    url = reverse("participation:meeting-create", args=[forum.slug])
    one = _count(client, url)
    for _ in range(6):
        MembershipFactory(forum=forum)
    assert _count(client, url) == one
    body = client.get(url).content.decode()
    assert f"({forum.name})" not in body, "each member is labelled by name and organisation"


def _grows(client, url, add, times=5) -> tuple[int, int]:
    add()
    one = _count(client, url)
    for _ in range(times):
        add()
    return one, _count(client, url)


def test_staff_pages_constant(client, staff_user, country):
    from ogp.accounts.tests.factories import UserFactory
    from ogp.engagement.services.follows import follow_create
    from ogp.engagement.services.moderation import content_report
    from ogp.participation.services.events import registration_create
    from ogp.participation.services.forums import membership_request_create
    from ogp.participation.services.lists import subscription_request

    client.force_login(staff_user)
    event = EventFactory(capacity=None)
    forum = ForumFactory(country=country)
    mailing_list = __import__(
        "ogp.participation.tests.factories", fromlist=["civil_society_list"]
    ).civil_society_list()
    counter = iter(range(1000))

    def registrant():
        registration_create(acting_user=UserFactory(), event=event)

    def request():
        membership_request_create(
            acting_user=UserFactory(), forum=forum, side="outside_government", motivation="Hi"
        )

    def subscriber():
        subscription_request(
            acting_user=None, email=f"s{next(counter)}@example.org",
            mailing_lists=[mailing_list], language="en",
        )  # fmt: skip

    def report():
        person = person_save(
            acting_user=UserFactory(), consent=True, full_name="P", country=country
        )
        content_report(acting_user=UserFactory(), obj=person, reason="Spam")

    def follow():
        follow_create(acting_user=staff_user, target=ForumFactory(country=country))

    checks = {
        "registrants": (reverse("participation:event-registrants", args=[event.slug]), registrant),
        "requests": (reverse("participation:forum-requests", args=[forum.slug]), request),
        "lists": (reverse("participation:staff-lists"), subscriber),
        "moderation": (reverse("engagement:moderation-queue"), report),
        "follows": (reverse("engagement:follow-list"), follow),
    }
    results = {name: _grows(client, url, add) for name, (url, add) in checks.items()}
    grown = {name: counts for name, counts in results.items() if counts[0] != counts[1]}
    assert not grown, grown


def test_organisation_page_constant(client, country):
    from ogp.accounts.tests.factories import UserFactory
    from ogp.organisations.services import organisation_create

    organisation = organisation_create(
        acting_user=UserFactory(), name="Demo Watch", kind="civil_society", country=country
    )

    def add():
        person_save(acting_user=UserFactory(), consent=True, full_name="P", country=country,
                    organisation=organisation)  # fmt: skip
        MembershipFactory(forum=ForumFactory(country=country), organisation=organisation)
        EventFactory(organisation=organisation)

    one, more = _grows(client, organisation.get_absolute_url(), add)
    assert one == more
