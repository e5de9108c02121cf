"""Following a self-assessment: only once public; its followers' digests tell them the period
and the publication; the followers of its country hear of its opening for comment."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from ogp.accounts.tests.factories import UserFactory
from ogp.core.errors import ServiceError
from ogp.engagement.selectors import is_following
from ogp.engagement.services.follows import digest_preference_set, follow_create
from ogp.monitoring.services import (
    self_assessment_create,
    self_assessment_open_for_comment,
    self_assessment_publish,
)
from ogp.participation.services.follow import digests_send

from .conftest import TODAY

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


@pytest.fixture
def report(plan, government_user):
    return self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")


def _open(report, government_user, closes=TODAY + 14 * DAY):
    return self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=TODAY, closes=closes, today=TODAY
    )


def _digest(user):
    digest_preference_set(acting_user=user, frequency="daily")
    mail.outbox.clear()
    digests_send(frequency="daily", now=timezone.now() + timedelta(minutes=1))
    return [m for m in mail.outbox if m.to == [user.email]]


def test_a_draft_cannot_be_followed(report, client_for):
    citizen = UserFactory()
    with pytest.raises(ServiceError):
        follow_create(acting_user=citizen, target=report)
    url = reverse("engagement:follow-toggle", args=["self-assessment", report.pk])
    assert client_for(citizen).post(url).status_code == 404
    assert not is_following(citizen, report)


def test_country_followers_hear_of_the_opening(report, government_user, country):
    follower = UserFactory(preferred_language="en")
    follow_create(acting_user=follower, target=country)
    _open(report, government_user)
    (message,) = _digest(follower)
    assert "Draft open for public comment" in message.body
    assert "Midterm self-assessment" in message.body
    assert TODAY.isoformat() in message.body


def test_report_followers_hear_of_the_period_and_the_publication(
    report, government_user, client_for
):
    report = _open(report, government_user)
    citizen = UserFactory(preferred_language="fr")
    with translation.override("fr"):
        page = reverse("monitoring:self-assessment", args=[report.pk])
    response = client_for(citizen).get(page)
    assert "Suivre ce rapport" in response.content.decode()
    response = client_for(citizen).post(
        reverse("engagement:follow-toggle", args=["self-assessment", report.pk]),
        {"next": page},
    )
    assert response.status_code == 302 and is_following(citizen, report)
    report = _open(report, government_user, closes=TODAY + 20 * DAY)  # the period changes
    self_assessment_publish(acting_user=government_user, report=report, today=TODAY + 21 * DAY)
    (message,) = _digest(citizen)
    assert "Version finale du rapport publiée" in message.body
    assert "Projet ouvert aux commentaires du public" in message.body
    assert (TODAY + 20 * DAY).isoformat() in message.body
    assert f"/fr/monitoring/self-assessment/{report.pk}/" in message.body
