"""Participation e-mails in each recipient's language, with links in that language and text
that is not HTML-escaped (an apostrophe in a title stays an apostrophe)."""

import pytest
from django.core import mail

from ogp.accounts.tests.factories import UserFactory
from ogp.participation.services.events import registration_cancel, registration_create
from ogp.participation.services.forums import membership_request_create, membership_request_decide

from .factories import CoordinatorFactory, EventFactory, ForumFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "es"])
def test_registration_emails_in_the_registrants_language(language):
    event = EventFactory(title="L'Assemblée d'été", capacity=1)
    first = UserFactory(preferred_language=language)
    second = UserFactory(preferred_language=language)
    mail.outbox.clear()
    seat = registration_create(acting_user=first, event=event)
    registration_create(acting_user=second, event=event)
    registration_cancel(acting_user=first, registration=seat)
    confirmed, waiting, promoted = mail.outbox
    for sent in (confirmed, waiting, promoted):
        assert "L'Assemblée d'été" in sent.subject, sent.subject
        assert "&#x27;" not in sent.subject + sent.body
        assert f"/{language}/participate/" in sent.body
        assert "/en/" not in sent.body
    assert confirmed.subject != waiting.subject != promoted.subject


def test_forum_request_emails_in_each_persons_language(country):
    forum = ForumFactory(country=country, name="Forum d'Examplia")
    coordinator = UserFactory(preferred_language="es")
    CoordinatorFactory(forum=forum, user=coordinator)
    requester = UserFactory(preferred_language="fr")
    mail.outbox.clear()
    request = membership_request_create(acting_user=requester, forum=forum, motivation="Hola")
    (received,) = mail.outbox
    assert received.to == [coordinator.email]
    assert "Forum d'Examplia" in received.subject and "/es/participate/" in received.body
    membership_request_decide(acting_user=coordinator, request=request, approve=False,
                              reason="Plus de places cette année")  # fmt: skip
    decided = mail.outbox[-1]
    assert decided.to == [requester.email]
    assert "Forum d'Examplia" in decided.subject
    assert "/fr/participate/" in decided.body and "Plus de places cette année" in decided.body
