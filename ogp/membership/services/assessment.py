"""Requests for assessment through the additional-information route.

A government whose country has no eligibility finding ("not enough data", "not assessed") sends
its evidence; the Support Unit has it assessed and records the result, which sets the status
(eligible: the government can then submit its letter of intent).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.uploads import validate_pdf
from ogp.countries.models import Country, MembershipStatus

from ..domain.status import Actor, StatusFacts
from ..models import AssessmentRequest
from ..selectors import assessment_can_be_requested
from .common import (
    _government_recipients,
    _require_government_of,
    _require_support_unit,
    _send_later,
    _support_unit_recipients,
    _url,
)
from .letters import REWORDED_ELIGIBILITY, letters_refresh_generated
from .status import membership_status_change

AUDIT_FIELDS = ["country", "evidence", "source_url", "document_name", "state", "decision_reason"]


@transaction.atomic
def assessment_request_create(
    *,
    acting_user: User,
    country: Country,
    evidence: str,
    source_url: str = "",
    document: Any = None,
) -> AssessmentRequest:
    _require_government_of(acting_user, country)
    country = Country.objects.select_for_update().get(pk=country.pk)
    if not assessment_can_be_requested(country):
        raise ServiceError(
            _(
                "%(country)s already has an eligibility finding or a request waiting for "
                "assessment; no new request is needed."
            )
            % {"country": country.name}
        )
    if not evidence.strip():
        raise ServiceError(_("Describe your evidence."))
    if document:
        validate_pdf(document)
    request = AssessmentRequest(
        country=country,
        evidence=evidence.strip(),
        source_url=source_url.strip(),
        requested_by=acting_user,
    )
    if document:
        request.document_name = str(getattr(document, "name", ""))[:255]
        request.document.save(request.document_name or "evidence.pdf", document, save=False)
    request.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.ASSESSMENT_REQUEST_CREATE,
        target=request,
        after=snapshot(request, AUDIT_FIELDS),
    )
    _send_later(
        _support_unit_recipients(country),
        "membership/email/assessment_requested",
        {
            "country_name": country.name_en,
            "country": country,
            "url": _url("membership:assessment-decide", iso3=country.iso3, pk=request.pk),
        },
    )
    return request


@transaction.atomic
def assessment_request_decide(
    *,
    acting_user: User,
    request: AssessmentRequest,
    eligible: bool,
    reason: str,
    decided_on: datetime.date | None = None,
) -> AssessmentRequest:
    """Record the experts' finding; an eligible finding makes the country eligible to join."""
    _require_support_unit(acting_user)
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision; the government will read it."))

    def apply(stored: AssessmentRequest) -> None:
        if not stored.is_open:
            raise ServiceError(_("This request has already been decided."))
        stored.state = (
            AssessmentRequest.State.ELIGIBLE if eligible else AssessmentRequest.State.NOT_ELIGIBLE
        )
        stored.decision_reason = reason.strip()
        stored.decided_by = acting_user
        stored.decided_on = decided_on or timezone.localdate()

    request = audited_update(
        acting_user=acting_user,
        instance=request,
        action=AuditAction.ASSESSMENT_REQUEST_DECIDE,
        fields=AUDIT_FIELDS,
        also_save=["decided_by", "decided_on"],
        apply=apply,
    )
    country = request.country
    target = MembershipStatus.ELIGIBLE if eligible else MembershipStatus.NOT_ELIGIBLE
    if country.membership_status != target:
        status_reason = (
            gettext_noop("Assessed eligible through the additional information route.")
            if eligible
            else gettext_noop("Assessed not eligible through the additional information route.")
        )
        membership_status_change(
            acting_user=acting_user,
            country=country,
            target=target,
            facts=StatusFacts(
                core_eligible=eligible,
                values_check_passed=True if eligible else None,
                un_member=country.un_member,
                reason=request.decision_reason,
            ),
            reason=status_reason,
            effective_date=request.decided_on,
            actor=Actor.SUPPORT_UNIT,
            notify=False,  # assessment_decided gives the reason and the next step
        )
    # An open letter drafted before the decision now states the assessment as its basis.
    letters_refresh_generated(
        acting_user=acting_user, because=REWORDED_ELIGIBILITY, country=country
    )
    _send_later(
        _government_recipients(country),
        "membership/email/assessment_decided",
        {
            "country": country,
            "eligible": eligible,
            "reason": request.decision_reason,
            "url": _url("membership:workspace", iso3=country.iso3),
        },
    )
    return request
