"""E-mail goes through the outbox and a task: retried with backoff, sent once, failures visible."""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from ogp.core.mail import send_templated_mail
from ogp.core.models import OutboundEmail
from ogp.core.tasks import deliver_email, retry_delay

pytestmark = pytest.mark.django_db


class FlakyBackend(EmailBackend):
    """Fails the first `failures` sends of the test, then delivers to the locmem outbox."""

    failures = 2
    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.calls = 0
    FlakyBackend.failures = 2
    return FlakyBackend


def send():
    return send_templated_mail(
        to=["someone@example.org"],
        template="participation/email/forum_cadence",
        context={"forum": {"name": "Forum", "slug": "forum"}, "status": "due_soon"},
        language="fr",
    )


def test_mail_backend_fails_twice_then_succeeds_one_email_sent(flaky):
    send()
    assert flaky.calls == 3
    assert len(mail.outbox) == 1
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 3
    assert "mail server down" in email.last_error


def test_a_delivered_email_is_never_sent_twice(flaky):
    flaky.failures = 0
    send()
    email = OutboundEmail.objects.get()
    assert deliver_email.call(email.pk) == "skipped"
    deliver_email.enqueue(email.pk)
    assert len(mail.outbox) == 1


def test_after_the_last_try_the_email_is_failed_and_staff_see_it(
    flaky, settings, client_for, staff_user, django_capture_on_commit_callbacks
):
    settings.OGP_MAIL_MAX_ATTEMPTS = 3
    flaky.failures = 99
    send()
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.FAILED and email.attempts == 3
    assert mail.outbox == []
    page = client_for(staff_user).get("/en/tasks/")
    assert page.status_code == 200 and "mail server down" in page.content.decode()
    # the server is back; staff send it again, once
    flaky.failures = 0
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff_user).post(f"/en/tasks/emails/{email.pk}/retry/")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT and len(mail.outbox) == 1


def test_staff_page_is_for_the_support_unit_only(client_for, user, government_user):
    assert client_for(None).get("/en/tasks/").status_code == 302
    assert client_for(user).get("/en/tasks/").status_code == 403
    assert client_for(government_user).get("/en/tasks/").status_code == 403


def test_backoff_doubles_and_is_capped(settings):
    settings.OGP_MAIL_RETRY_BASE_SECONDS = 60
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(30) == datetime.timedelta(hours=1)


def test_attachments_survive_the_queue(flaky):
    flaky.failures = 0
    send_templated_mail(
        to=["a@example.org"],
        template="participation/email/forum_cadence",
        context={"forum": {"name": "F", "slug": "f"}, "status": "due_soon"},
        attachments=[("invite.ics", b"BEGIN:VCALENDAR", "text/calendar")],
    )
    assert mail.outbox[0].attachments[0][0] == "invite.ics"
    assert mail.outbox[0].attachments[0][1] in (b"BEGIN:VCALENDAR", "BEGIN:VCALENDAR")


@pytest.mark.django_db(transaction=True)
def test_database_backend_defers_retries_to_the_worker(settings):
    """On the embedded default (django-tasks-db) the retry waits in the queue for the worker."""
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OGP_MAIL_RETRY_BASE_SECONDS = 0
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.calls = 0
    FlakyBackend.failures = 1
    send()  # committed at once (no surrounding transaction): the task is in the database
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 2
    assert len(mail.outbox) == 1
