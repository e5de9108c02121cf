"""Background tasks of the core app: delivering stored e-mails, with retries and backoff."""

import base64
import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutboundEmail

logger = logging.getLogger(__name__)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Exponential backoff: base, 2x base, 4x base... capped at one hour."""
    base = settings.OGP_MAIL_RETRY_BASE_SECONDS
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 3600))


def enqueue_delivery(email_id: int, *, delay: datetime.timedelta | None = None) -> None:
    """Queue the delivery task; deferred when the backend can wait (the database and RQ can)."""
    if delay and delay.total_seconds() > 0 and default_task_backend.supports_defer:
        deliver_email.using(run_after=timezone.now() + delay).enqueue(email_id)
    else:
        deliver_email.enqueue(email_id)


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(email.to),
        headers=dict(email.headers),
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for filename, content, mimetype in email.attachments:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(email_id: int) -> str:
    """Send one stored e-mail. On failure, try again later until OGP_MAIL_MAX_ATTEMPTS; after
    the last try the message is marked failed (listed for staff on the tasks page)."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutboundEmail.Status.QUEUED:
            return "skipped"  # already sent (a duplicate task) or given up
        email.attempts += 1
        email.last_attempt_at = timezone.now()
        try:
            _message(email).send()
        except Exception as err:  # noqa: BLE001 - any backend error is retried
            email.last_error = f"{type(err).__name__}: {err}"[:2000]
            final = email.attempts >= settings.OGP_MAIL_MAX_ATTEMPTS
            if final:
                email.status = OutboundEmail.Status.FAILED
                logger.error("e-mail %s failed after %s tries", email.pk, email.attempts)
            email.save(update_fields=["attempts", "last_attempt_at", "last_error", "status"])
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "last_attempt_at", "status", "sent_at"])
            return "sent"
    if not final:
        enqueue_delivery(email.pk, delay=retry_delay(email.attempts))
        return "retrying"
    return "failed"


@task()
def retry_failed_email(email_id: int) -> str:
    """Staff asked to try a failed e-mail again: back to the queue with a fresh count."""
    updated = OutboundEmail.objects.filter(pk=email_id, status=OutboundEmail.Status.FAILED).update(
        status=OutboundEmail.Status.QUEUED, attempts=0
    )
    if updated:
        enqueue_delivery(email_id)
    return "queued" if updated else "skipped"
