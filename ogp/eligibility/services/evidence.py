"""Evidence through the additional-information route: submit, accept, reject."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from ..models import (
    Cycle,
    CycleState,
    EvidenceState,
    EvidenceSubmission,
)
from .cycles import (
    _editable,
    cycle_compute,
)
from .notices import (
    _notify_decision,
)

# ---------------------------------------------------------------- evidence


@transaction.atomic
def evidence_submit(
    *,
    acting_user: Any,
    cycle: Cycle,
    country: Country,
    criterion: str,
    summary: str,
    source_url: str = "",
    document: Any = None,
) -> EvidenceSubmission:
    from ..rules import can_submit_evidence_for

    if not can_submit_evidence_for(acting_user, country):
        raise ServiceError(_("You cannot submit evidence for this country."))
    if not country.un_member:
        raise ServiceError(
            _("Eligibility cycles score UN member states only; this country is not scored.")
        )
    if cycle.state == CycleState.PUBLISHED:
        raise ServiceError(
            _("The %(year)s cycle is published; evidence can be sent for the next cycle.")
            % {"year": cycle.year}
        )
    if not cycle.ruleset.rules.additional_information:
        raise ServiceError(_("The rule set of this cycle has no additional information route."))
    if criterion not in {c.code for c in cycle.ruleset.rules.criteria}:
        raise ServiceError(_("This criterion is not part of the cycle's rule set."))
    if not summary.strip():
        raise ServiceError(_("Describe what has changed."))
    cycle.refresh_from_db()
    if cycle.state == CycleState.PUBLISHED:
        raise ServiceError(
            _("The %(year)s cycle is published; evidence can be sent for the next cycle.")
            % {"year": cycle.year}
        )
    if not source_url and not document:
        raise ServiceError(_("Give an address or attach a PDF document as evidence."))
    sub = EvidenceSubmission(
        cycle=cycle,
        country=country,
        criterion=criterion,
        summary=summary.strip(),
        source_url=source_url,
        submitted_by=acting_user,
    )
    if document:
        sub.document = document
    sub.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.EVIDENCE_SUBMIT,
        target=sub,
        after=snapshot(sub, ["cycle", "country", "criterion", "summary", "source_url", "state"]),
    )
    return sub


@transaction.atomic
def evidence_accept(
    *, acting_user: Any, submission: EvidenceSubmission, points: int, reason: str
) -> EvidenceSubmission:
    cycle = submission.cycle
    _editable(cycle)
    if submission.state != EvidenceState.SUBMITTED:
        raise ServiceError(_("This submission has already been decided."))
    maximum = cycle.ruleset.rules.criterion(submission.criterion).max_points
    if not 0 <= points <= maximum:
        raise ServiceError(_("Points must be between 0 and %(max)s.") % {"max": maximum})
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    submission = audited_update(
        acting_user=acting_user,
        instance=submission,
        action=AuditAction.EVIDENCE_ACCEPT,
        fields=["state", "points", "decision_reason", "decided_by", "decided_at"],
        changes={
            "state": EvidenceState.ACCEPTED,
            "points": points,
            "decision_reason": reason.strip(),
            "decided_by": acting_user,
            "decided_at": timezone.now(),
        },
    )
    if cycle.state == CycleState.COMPUTED:
        cycle_compute(acting_user=acting_user, cycle=cycle)
    _notify_decision(submission)
    return submission


@transaction.atomic
def evidence_reject(
    *, acting_user: Any, submission: EvidenceSubmission, reason: str
) -> EvidenceSubmission:
    _editable(submission.cycle)
    if submission.state != EvidenceState.SUBMITTED:
        raise ServiceError(_("This submission has already been decided."))
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    submission = audited_update(
        acting_user=acting_user,
        instance=submission,
        action=AuditAction.EVIDENCE_REJECT,
        fields=["state", "decision_reason", "decided_by", "decided_at"],
        changes={
            "state": EvidenceState.REJECTED,
            "decision_reason": reason.strip(),
            "decided_by": acting_user,
            "decided_at": timezone.now(),
        },
    )
    _notify_decision(submission)
    return submission
