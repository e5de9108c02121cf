"""People are told when something about them changes: staff of a role request, the requester
of the decision (naming the country or organisation), staff of a join request to a forum
without coordinators."""

import pytest
from django.core import mail

from ogp.accounts import services
from ogp.accounts.models import Role
from ogp.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_role_request_tells_staff_with_a_link_to_decide(
    user, staff_user, country, django_capture_on_commit_callbacks
):
    staff_user.preferred_language = "fr"
    staff_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.role_request_create(
            acting_user=user, role=Role.GOVERNMENT, justification="Ministry", country=country
        )
    (sent,) = mail.outbox
    assert sent.to == [staff_user.email]
    assert "Zédie" in sent.body  # the country, in the recipient's language
    assert f"/fr/account/staff/role-requests/{request.pk}/decide/" in sent.body


def test_approval_names_the_country(user, staff_user, country, django_capture_on_commit_callbacks):
    request = services.role_request_create(
        acting_user=user, role=Role.GOVERNMENT, justification="Ministry", country=country
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.role_request_approve(acting_user=staff_user, request=request)
    (sent,) = mail.outbox
    assert sent.to == [user.email]
    assert "of Zedland" in sent.body


def test_forum_without_coordinator_tells_staff(staff_user, country):
    from ogp.participation.services.forums import membership_request_create
    from ogp.participation.tests.factories import ForumFactory

    forum = ForumFactory(country=country, name="Forum without coordinator")
    mail.outbox.clear()
    membership_request_create(acting_user=UserFactory(), forum=forum, motivation="Please")
    (sent,) = mail.outbox
    assert sent.to == [staff_user.email]
    assert "no coordinator" in sent.body
