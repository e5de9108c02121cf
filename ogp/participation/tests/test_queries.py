"""Pages run a constant number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ogp.participation.services.directory import person_save

from .factories import EventFactory, ForumFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
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
