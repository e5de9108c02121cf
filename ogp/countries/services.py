"""Writes to countries: the membership status and its dated history."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.errors import ServiceError
from ogp.core.hooks import membership_transition_check

from .models import Country, MembershipStatus, MembershipStatusChange


@transaction.atomic
def country_membership_status_set(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    country: Country,
    status: str,
    reason: str,
    effective_date: datetime.date | None = None,
    initial: bool = False,
) -> MembershipStatusChange:
    """Record a new membership status. Only along a transition of the membership state machine
    (asked through the `membership_transition_check` hook; who may take it, on which facts, is
    the membership workflow's decision), or, with `initial`, the starting status of a country
    never assessed (a registry import): that is not a transition, and is refused once the
    country has a status."""
    if status not in MembershipStatus.values:
        raise ServiceError(_("Unknown membership status: %(status)s") % {"status": status})
    if not reason.strip():
        raise ServiceError(_("Give the reason for the change of status."))
    effective = effective_date or timezone.localdate()
    changes: list[MembershipStatusChange] = []

    def apply(stored: Country) -> None:
        if initial:
            if stored.membership_status != MembershipStatus.NOT_ASSESSED:
                raise ServiceError(
                    _("This country already has a status: change it through the membership "
                      "workflow."),
                    code="not_initial",
                )  # fmt: skip
        else:
            for check in membership_transition_check.implementations():
                if refusal := check(stored.membership_status, status):
                    raise ServiceError(refusal, code="transition_refused")
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


@transaction.atomic
def country_membership_history_record(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    country: Country,
    status: str,
    effective_date: datetime.date,
    source: str,
    reason: str = "",
) -> tuple[MembershipStatusChange, bool]:
    """Record a dated status of the past, with its source, in date order (Georgia joined in
    September 2011: cycles of 2011-2016 must see a member). Returns (change, created).

    The same status on the same date is recorded once. History never contradicts the present:
    an entry dated after the newest recorded change must be the current status (the
    membership workflow changes the present). The change that follows the new entry gets it
    as its previous status, so the timeline reads in order.
    """
    if status not in MembershipStatus.values:
        raise ServiceError(_("Unknown membership status: %(status)s") % {"status": status})
    if not source.strip():
        raise ServiceError(_("Give the source of the date (an address or a reference)."))
    if effective_date > timezone.localdate():
        raise ServiceError(_("A membership history entry cannot be dated in the future."))
    country = Country.objects.select_for_update().get(pk=country.pk)
    changes = list(country.status_changes.order_by("effective_date", "id"))
    for ch in changes:
        if ch.effective_date == effective_date and ch.to_status == status:
            return ch, False
    before = [ch for ch in changes if ch.effective_date <= effective_date]
    after = [ch for ch in changes if ch.effective_date > effective_date]
    if not after and status != country.membership_status:
        raise ServiceError(
            _(
                "This entry would be the newest status, but the country's current status is "
                "“%(current)s”: change the present through the membership workflow."
            )
            % {"current": country.get_membership_status_display()}
        )
    if before:
        previous = before[-1].to_status
    elif changes:
        previous = changes[0].from_status
    else:
        previous = MembershipStatus.NOT_ASSESSED
    change = MembershipStatusChange.objects.create(
        country=country,
        from_status=previous,
        to_status=status,
        effective_date=effective_date,
        reason=reason.strip() or source.strip(),
        source=source.strip(),
        changed_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    if after and after[0].from_status != status:
        after[0].from_status = status
        after[0].save(update_fields=["from_status"])
    audit_record(
        actor=acting_user,
        action=AuditAction.COUNTRY_MEMBERSHIP_HISTORY_RECORD,
        target=country,
        after={
            "status": status,
            "effective_date": effective_date,
            "source": change.source,
            "change": change.pk,
        },
        note=change.reason,
    )
    return change, True
