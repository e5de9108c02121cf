"""Follow and digests: one e-mail gathers several changes; nothing twice; own changes skipped."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.tests.factories import UserFactory
from ogp.countries.services import country_membership_status_set
from ogp.engagement.models import DigestPreference, Follow
from ogp.engagement.selectors import is_following
from ogp.engagement.services.follows import (
    digest_preference_set,
    digest_settings_token,
    follow_create,
)
from ogp.participation.services.follow import digests_send
from ogp.participation.services.forums import meeting_save

from .factories import CoordinatorFactory, EventFactory, ForumFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(country, staff_user):
    forum = ForumFactory(country=country)
    coordinator = UserFactory()
    CoordinatorFactory(forum=forum, user=coordinator)
    follower = UserFactory(preferred_language="en")
    follow_create(acting_user=follower, target=forum)
    follow_create(acting_user=follower, target=country)
    digest_preference_set(acting_user=follower, frequency="daily")
    return forum, coordinator, follower


def test_one_email_gathers_several_changes(setup, country, staff_user):
    forum, coordinator, follower = setup
    meeting_save(
        acting_user=coordinator, forum=forum, title="Spring meeting", date=date(2026, 4, 1)
    )
    meeting_save(
        acting_user=coordinator, forum=forum, title="Autumn meeting", date=date(2026, 10, 1)
    )
    country_membership_status_set(
        acting_user=staff_user, country=country, status="eligible", reason="Scores published"
    )
    mail.outbox.clear()
    sent = digests_send(frequency="daily", now=timezone.now() + timedelta(minutes=1))
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == [follower.email]
    assert "3 changes" in message.subject
    assert "Spring meeting" in message.body and "Autumn meeting" in message.body
    assert "Not assessed → Eligible" in message.body
    assert reverse("engagement:digest-stop", args=[digest_settings_token(follower)]) in (
        message.body
    )
    assert "List-Unsubscribe" in message.extra_headers


def test_second_run_sends_nothing_new(setup):
    forum, coordinator, _follower = setup
    meeting_save(acting_user=coordinator, forum=forum, title="M", date=date(2026, 4, 1))
    now = timezone.now() + timedelta(minutes=1)
    assert digests_send(frequency="daily", now=now) == 1
    assert digests_send(frequency="daily", now=now + timedelta(days=1)) == 0


def test_missed_run_loses_nothing(setup):
    forum, coordinator, follower = setup
    digests_send(frequency="daily", now=timezone.now())  # nothing yet; sets last_sent
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        meeting_save(acting_user=coordinator, forum=forum, title="Late news", date=date(2026, 4, 1))
    mail.outbox.clear()
    assert digests_send(frequency="daily", now=timezone.now() + timedelta(days=3)) == 1
    assert "Late news" in mail.outbox[0].body


def test_weekly_followers_are_not_in_the_daily_run(setup):
    forum, coordinator, follower = setup
    digest_preference_set(acting_user=follower, frequency="weekly")
    meeting_save(acting_user=coordinator, forum=forum, title="M", date=date(2026, 4, 1))
    now = timezone.now() + timedelta(minutes=1)
    assert digests_send(frequency="daily", now=now) == 0
    assert digests_send(frequency="weekly", now=now) == 1


def test_own_changes_are_not_reported(setup):
    forum, coordinator, follower = setup
    CoordinatorFactory(forum=forum, user=follower)
    meeting_save(acting_user=follower, forum=forum, title="Mine", date=date(2026, 4, 1))
    assert digests_send(frequency="daily", now=timezone.now() + timedelta(minutes=1)) == 0


def test_event_follow(staff_user):
    from ogp.participation.services.events import event_save

    event = EventFactory()
    follower = UserFactory()
    follow_create(acting_user=follower, target=event)
    event_save(acting_user=staff_user, event=event, location="New hall")
    assert digests_send(frequency="weekly", now=timezone.now() + timedelta(minutes=1)) == 1
    assert "Event updated" in mail.outbox[-1].body


def test_command_runs(setup):
    forum, coordinator, _ = setup
    meeting_save(acting_user=coordinator, forum=forum, title="M", date=date(2026, 4, 1))
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        call_command("send_digests", "--frequency", "daily")
    assert len(mail.outbox) >= 1


def test_follow_toggle_and_stop_link(client_for, setup):
    forum, _coordinator, follower = setup
    client = client_for(follower)
    client.post(
        reverse("engagement:follow-toggle", args=["forum", forum.slug]), {"action": "unfollow"}
    )
    assert not is_following(follower, forum)
    client.post(reverse("engagement:follow-toggle", args=["forum", forum.slug]))
    assert is_following(follower, forum)
    from django.test import Client

    stop_url = reverse("engagement:digest-stop", args=[digest_settings_token(follower)])
    Client(enforce_csrf_checks=True).post(stop_url)
    assert not Follow.objects.filter(user=follower).exists()
    assert DigestPreference.objects.filter(user=follower).exists()
