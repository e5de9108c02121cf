"""Questions to the Support Unit: threads, replies and their status."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from ..domain import inquiry as inquiry_rules
from ..domain.status import Actor
from ..models import (
    Inquiry,
    InquiryMessage,
)
from .common import (
    _government_recipients,
    _send_later,
    _support_unit_recipients,
    _url,
    actor_kind,
)

# --- Questions to the Support Unit ---------------------------------------------------------


def _can_use_inquiries(user: Any, country: Country) -> bool:
    # the permission the inquiry views check (ogp/membership/rules.py)
    return bool(user is not None and user.has_perm("membership.add_inquiry", country))


def _notify_inquiry(inquiry: Inquiry, message: InquiryMessage) -> None:
    context = {
        "inquiry": inquiry,
        "message": message,
        "url": _url("membership:inquiry-detail", iso3=inquiry.country.iso3, pk=inquiry.pk),
    }
    if message.from_support_unit:
        recipients = _government_recipients(inquiry.country)
    else:
        recipients = _support_unit_recipients(inquiry.country)
    _send_later(
        [r for r in recipients if r.pk != getattr(message.author, "pk", None)],
        "membership/email/inquiry_message",
        context,
    )


@transaction.atomic
def inquiry_create(*, acting_user: User, country: Country, subject: str, body: str) -> Inquiry:
    if not _can_use_inquiries(acting_user, country):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
        )
    if not subject.strip() or not body.strip():
        raise ServiceError(_("Give a subject and a message."))
    from_su = actor_kind(acting_user) == Actor.SUPPORT_UNIT
    inquiry = Inquiry.objects.create(
        country=country,
        subject=subject.strip(),
        created_by=acting_user,
        status=Inquiry.Status.ANSWERED if from_su else Inquiry.Status.OPEN,
    )
    message = InquiryMessage.objects.create(
        inquiry=inquiry, author=acting_user, from_support_unit=from_su, body=body.strip()
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.INQUIRY_CREATE,
        target=inquiry,
        after=snapshot(inquiry, ["subject", "status"]),
    )
    _notify_inquiry(inquiry, message)
    return inquiry


def _inquiry_locked_for(acting_user: User, inquiry: Inquiry) -> Inquiry:
    """The inquiry, locked for this transaction, if `acting_user` may act on it."""
    inquiry = Inquiry.objects.select_for_update().select_related("country").get(pk=inquiry.pk)
    if not _can_use_inquiries(acting_user, inquiry.country):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
        )
    return inquiry


@transaction.atomic
def inquiry_reply(*, acting_user: User, inquiry: Inquiry, body: str) -> InquiryMessage:
    inquiry = _inquiry_locked_for(acting_user, inquiry)
    if not body.strip():
        raise ServiceError(_("Write a message."))
    kind = actor_kind(acting_user)
    message = InquiryMessage.objects.create(
        inquiry=inquiry,
        author=acting_user,
        from_support_unit=kind == Actor.SUPPORT_UNIT,
        body=body.strip(),
    )
    inquiry = audited_update(
        acting_user=acting_user,
        instance=inquiry,
        action=AuditAction.INQUIRY_REPLY,
        fields=["status"],
        apply=lambda stored: setattr(
            stored, "status", inquiry_rules.status_after_message(stored.status, kind)
        ),
        changes={"last_activity_at": timezone.now()},
        also_save=["last_activity_at"],
    )
    _notify_inquiry(inquiry, message)
    return message


@transaction.atomic
def inquiry_status_set(*, acting_user: User, inquiry: Inquiry, status: str) -> Inquiry:
    inquiry = _inquiry_locked_for(acting_user, inquiry)
    if not inquiry_rules.inquiry_transition_allowed(
        inquiry.status, status, actor_kind(acting_user)
    ):
        raise ServiceError(_("This change of status is not allowed for the question."))
    inquiry = audited_update(
        acting_user=acting_user,
        instance=inquiry,
        action=AuditAction.INQUIRY_STATUS_SET,
        fields=["status", "last_activity_at"],
        changes={"status": status, "last_activity_at": timezone.now()},
    )
    return inquiry
