"""Writes to countries: the membership status and its dated history."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
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
    country = Country.objects.select_for_update().get(pk=country.pk)
    before = snapshot(country, ["membership_status", "membership_status_since"])
    effective = effective_date or timezone.localdate()
    change = MembershipStatusChange.objects.create(
        country=country,
        from_status=country.membership_status,
        to_status=status,
        effective_date=effective,
        reason=reason.strip(),
        changed_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    country.membership_status = status
    country.membership_status_since = effective
    country.save(update_fields=["membership_status", "membership_status_since"])
    audit_record(
        actor=acting_user,
        action=AuditAction.COUNTRY_MEMBERSHIP_STATUS_SET,
        target=country,
        before=before,
        after=snapshot(country, ["membership_status", "membership_status_since"]),
        note=reason.strip(),
    )
    return change
