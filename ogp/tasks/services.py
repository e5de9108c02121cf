from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record
from ogp.core.errors import ServiceError
from ogp.core.models import OutboundEmail
from ogp.core.tasks import retry_failed_email


@transaction.atomic
def outbound_email_retry(*, acting_user: Any, email: OutboundEmail) -> None:
    """Staff send a failed e-mail again (back on the queue with a fresh count of tries)."""
    if email.status != OutboundEmail.Status.FAILED:
        raise ServiceError(_("Only an e-mail that failed can be sent again."))
    audit_record(
        actor=acting_user,
        action=AuditAction.EMAIL_RETRY,
        target=email,
        before={"attempts": email.attempts, "last_error": email.last_error},
    )
    email_id = email.pk
    transaction.on_commit(lambda: retry_failed_email.enqueue(email_id))
