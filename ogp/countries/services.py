"""Writes to countries: the membership status and its dated history."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audited_update
from ogp.core.errors import ServiceError

from .models import Country, MembershipStatus, MembershipStatusChange


@transaction.atomic
def country_membership_status_set(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    country: Country,
    status: str,
    reason: str,
    effective_date: datetime.date | None = None,
) -> MembershipStatusChange:
    """Record a new membership status. Transition rules are checked by the membership app."""
    if status not in MembershipStatus.values:
        raise ServiceError(_("Unknown membership status: %(status)s") % {"status": status})
    if not reason.strip():
        raise ServiceError(_("Give the reason for the change of status."))
    effective = effective_date or timezone.localdate()
    changes: list[MembershipStatusChange] = []

    def apply(stored: Country) -> None:
        changes.append(
            MembershipStatusChange.objects.create(
                country=stored,
                from_status=stored.membership_status,
                to_status=status,
                effective_date=effective,
                reason=reason.strip(),
                changed_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            )
        )
        stored.membership_status = status
        stored.membership_status_since = effective

    audited_update(
        acting_user=acting_user,
        instance=country,
        action=AuditAction.COUNTRY_MEMBERSHIP_STATUS_SET,
        fields=["membership_status", "membership_status_since"],
        apply=apply,
        note=reason.strip(),
    )
    (change,) = changes
    return change
