"""Milestones, progress updates with evidence, and civil society's confirmation or dispute."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.uploads import validate_pdf
from ogp.organisations.models import OrganisationKind
from ogp.plans.domain.progress import MilestoneFact, roll_up
from ogp.plans.domain.progress import MilestoneStatus as DomainStatus

from ..models import (
    Commitment,
    CommitmentInstitution,
    InstitutionRole,
    Milestone,
    MilestoneStatus,
    ProgressEvidence,
    ProgressReview,
    ProgressUpdate,
    ReviewVerdict,
)

# a review's verdict -> the action it records
REVIEW_ACTIONS: dict[str, AuditAction] = {
    ReviewVerdict.CONFIRM: AuditAction.PROGRESS_REVIEW_CONFIRM,
    ReviewVerdict.DISPUTE: AuditAction.PROGRESS_REVIEW_DISPUTE,
}


def _require(user: Any, perm: str, obj: Any) -> None:
    if not user.has_perm(perm, obj):
        raise ServiceError(_("You are not allowed to do this."), code="forbidden")


def commitment_progress_refresh(*, commitment: Commitment) -> Commitment:
    """Roll the milestones' official statuses up to the commitment (rule in domain.progress)."""
    facts = [
        MilestoneFact(DomainStatus(m.status), m.weight, m.due_date)
        for m in commitment.milestones.all()
    ]
    result = roll_up(facts)
    commitment.progress = result.progress
    commitment.progress_level = str(result.level) if result.level else ""
    commitment.save(update_fields=["progress", "progress_level", "updated_at"])
    return commitment


@transaction.atomic
def milestone_create(
    *,
    acting_user: Any,
    commitment: Commitment,
    title: str,
    expected_output: str = "",
    responsible: str = "",
    start_date: date | None = None,
    due_date: date | None = None,
    weight: Decimal | None = None,
) -> Milestone:
    _require(acting_user, "plans.add_milestone", commitment)
    if start_date and due_date and due_date < start_date:
        raise ServiceError(_("The expected completion date is before the start date."))
    position = commitment.milestones.count() + 1
    milestone = Milestone.objects.create(
        commitment=commitment, position=position, title=title, expected_output=expected_output,
        responsible=responsible, start_date=start_date, due_date=due_date, weight=weight,
    )  # fmt: skip
    audit_record(
        actor=acting_user, action=AuditAction.MILESTONE_CREATE, target=milestone,
        after=snapshot(milestone, ["title", "due_date", "weight", "responsible"]),
    )  # fmt: skip
    commitment_progress_refresh(commitment=commitment)
    return milestone


@transaction.atomic
def progress_update_create(
    *,
    acting_user: Any,
    milestone: Milestone,
    status: str,
    narrative: str,
    files: Sequence[Any] = (),
    links: Sequence[str] = (),
    no_evidence_reason: str = "",
) -> ProgressUpdate:
    """Post an update. Evidence (PDF files or links) is required unless a reason is stated."""
    _require(acting_user, "plans.post_progress", milestone)
    if status not in MilestoneStatus.values:
        raise ServiceError(_("Choose a status."))
    links = [link.strip() for link in links if link.strip()]
    if not files and not links and not no_evidence_reason.strip():
        raise ServiceError(
            _("Add evidence (a PDF document or a link), or say why there is none."),
            code="no_evidence",
        )
    for upload in files:
        try:
            validate_pdf(upload)
        except ValidationError as exc:
            raise ServiceError(exc.messages) from exc
    update = ProgressUpdate.objects.create(
        milestone=milestone, author=acting_user, status=status, narrative=narrative.strip(),
        no_evidence_reason=no_evidence_reason.strip() if not (files or links) else "",
    )  # fmt: skip
    for upload in files:
        ProgressEvidence.objects.create(
            update=update, file=upload, file_name=str(getattr(upload, "name", ""))[:255]
        )
    for link in links:
        ProgressEvidence.objects.create(update=update, link=link[:500])
    audited_update(
        acting_user=acting_user, instance=milestone, action=AuditAction.PROGRESS_UPDATE_CREATE,
        fields=["status", "civil_society_status"],
        # a new official update: civil society has not spoken
        changes={"status": status, "civil_society_status": "",
                 "status_updated_at": timezone.now()},
        also_save=["status_updated_at"], note=f"update {update.pk}",
    )  # fmt: skip
    commitment_progress_refresh(commitment=milestone.commitment)
    return update


@transaction.atomic
def progress_review_create(
    *,
    acting_user: Any,
    update: ProgressUpdate,
    verdict: str,
    reasoning: str,
    status: str = "",
    link: str = "",
    file: Any = None,
) -> ProgressReview:
    """Confirm or dispute an update. A dispute states the status civil society sees."""
    _require(acting_user, "plans.review_progress", update)
    if verdict not in ReviewVerdict.values:
        raise ServiceError(_("Say whether you confirm or dispute this update."))
    if not reasoning.strip():
        raise ServiceError(_("Give your reasoning."))
    if verdict == ReviewVerdict.DISPUTE and status not in MilestoneStatus.values:
        raise ServiceError(_("A dispute states the status you see."))
    if ProgressReview.objects.filter(update=update, author=acting_user).exists():
        raise ServiceError(_("You have already given your view on this update."))
    if file is not None:
        try:
            validate_pdf(file)
        except ValidationError as exc:
            raise ServiceError(exc.messages) from exc
    organisation = getattr(acting_user, "organisation", None)
    review = ProgressReview.objects.create(
        update=update, author=acting_user, verdict=verdict, reasoning=reasoning.strip(),
        status=status if verdict == ReviewVerdict.DISPUTE else "", link=link.strip()[:500],
        file=file or "", file_name=str(getattr(file, "name", "") or "")[:255],
        organisation_name=str(organisation)[:200] if organisation else "",
    )  # fmt: skip
    milestone = update.milestone
    latest = milestone.updates.order_by("-created_at", "-id").first()
    if latest is not None and latest.pk == update.pk:
        dispute = (
            update.reviews.filter(verdict=ReviewVerdict.DISPUTE).order_by("-created_at").first()
        )
        audited_update(
            acting_user=acting_user, instance=milestone, action=REVIEW_ACTIONS[verdict],
            fields=["civil_society_status"],
            changes={"civil_society_status": dispute.status if dispute else ""},
            note=f"update {update.pk}, review {review.pk}",
        )  # fmt: skip
    else:
        audit_record(
            actor=acting_user, action=REVIEW_ACTIONS[verdict], target=update,
            after={"review": review.pk}, note="on an earlier update",
        )  # fmt: skip
    return review


TEMPLATE_FIELDS = [
    "problem", "status_quo", "objective", "how_it_helps", "relevance_transparency",
    "relevance_participation", "relevance_accountability",
]  # fmt: skip


@transaction.atomic
def commitment_template_update(
    *, acting_user: Any, commitment: Commitment, **values: str
) -> Commitment:
    """The country's users continue a commitment (imported or not) on the platform."""
    _require(acting_user, "plans.change_commitment", commitment)
    unknown = set(values) - set(TEMPLATE_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown commitment field."))
    return audited_update(
        acting_user=acting_user, instance=commitment,
        action=AuditAction.COMMITMENT_TEMPLATE_UPDATE, fields=TEMPLATE_FIELDS,
        changes={name: value.strip() for name, value in values.items()},
    )  # fmt: skip


@transaction.atomic
def commitment_institution_add(
    *, acting_user: Any, commitment: Commitment, role: str, name: str = "", organisation: Any = None
) -> CommitmentInstitution:
    """Add a lead or supporting institution; a directory organisation of the civil-society kind
    makes it a civil-society co-owner (its members may then confirm or dispute progress)."""
    _require(acting_user, "plans.change_commitment", commitment)
    if role not in InstitutionRole.values:
        raise ServiceError(_("Choose a role."))
    if organisation is not None and organisation.country_id not in (
        None, commitment.plan.country_id,
    ):  # fmt: skip
        raise ServiceError(_("This organisation works in another country."))
    name = (name or (organisation.name if organisation else "")).strip()
    if not name:
        raise ServiceError(_("Give the institution's name or choose an organisation."))
    institution = CommitmentInstitution.objects.create(
        commitment=commitment, role=role, name=name[:500], organisation=organisation,
        is_civil_society=bool(
            organisation is not None and organisation.kind == OrganisationKind.CIVIL_SOCIETY
        ),
        position=commitment.institutions.filter(role=role).count(),
    )  # fmt: skip
    audit_record(
        actor=acting_user, action=AuditAction.COMMITMENT_INSTITUTION_ADD, target=commitment,
        after=snapshot(institution, ["role", "name", "organisation", "is_civil_society"]),
    )  # fmt: skip
    return institution


@transaction.atomic
def plan_dates_set(
    *, acting_user: Any, plan: Any, due_date: date | None, published_on: date | None
) -> Any:
    """Record when a plan was due and when it was published (facts for the process rules)."""
    _require(acting_user, "plans.change_plan", plan)
    return audited_update(
        acting_user=acting_user, instance=plan, action=AuditAction.ACTION_PLAN_DATES_SET,
        fields=["due_date", "published_on"],
        changes={"due_date": due_date, "published_on": published_on},
    )  # fmt: skip
