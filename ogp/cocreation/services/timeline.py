"""A plan's timeline: its steps and its participation opportunities (each save is recorded on
the plan, so that the plan's history shows it)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_delete, snapshot
from ogp.core.errors import ServiceError

from ..models import CoCreationPlan, Opportunity, TimelineStep
from .common import plan_touch, require_editable, require_perm


def _check_dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ServiceError(_("The end date must not be before the start date."))


@transaction.atomic
def step_save(
    *,
    acting_user: User,
    plan: CoCreationPlan,
    kind: str,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
    step: TimelineStep | None = None,
) -> TimelineStep:
    require_perm(acting_user, "cocreation.change_plan", plan)
    require_editable(plan)
    _check_dates(starts_on, ends_on)
    fields = ["kind", "title", "description", "starts_on", "ends_on"]
    before = snapshot(step, fields) if step else None
    if step is None:
        step = TimelineStep(plan=plan)
    elif step.plan_id != plan.pk:
        raise ServiceError(_("This step belongs to another plan."))
    step.kind, step.title, step.description = kind, title.strip(), description.strip()
    step.starts_on, step.ends_on = starts_on, ends_on
    step.save()
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user,
        action=AuditAction.STEP_SAVE,
        target=plan,
        before=before,
        after=snapshot(step, fields),
    )
    return step


@transaction.atomic
def step_delete(*, acting_user: User, step: TimelineStep) -> None:
    require_perm(acting_user, "cocreation.change_plan", step.plan)
    require_editable(step.plan)
    audited_delete(
        acting_user=acting_user,
        instance=step,
        action=AuditAction.STEP_DELETE,
        fields=["kind", "title", "starts_on", "ends_on"],
        target=step.plan,
    )
    plan_touch(step.plan_id)


@transaction.atomic
def opportunity_save(
    *,
    acting_user: User,
    plan: CoCreationPlan,
    kind: str,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    description: str = "",
    location: str = "",
    open_to_anyone: bool = True,
    step: TimelineStep | None = None,
    opportunity: Opportunity | None = None,
) -> Opportunity:
    """Add or change an opportunity. It counts as announced the day it becomes public: now if
    the plan is public, otherwise when co-creation opens."""
    require_perm(acting_user, "cocreation.change_plan", plan)
    require_editable(plan)
    _check_dates(opens_on, closes_on)
    if step is not None and step.plan_id != plan.pk:
        raise ServiceError(_("This step belongs to another plan."))
    fields = [
        "kind",
        "title",
        "description",
        "location",
        "opens_on",
        "closes_on",
        "open_to_anyone",
        "step",
        "published_on",
    ]
    before = snapshot(opportunity, fields) if opportunity else None
    if opportunity is None:
        opportunity = Opportunity(plan=plan)
    elif opportunity.plan_id != plan.pk:
        raise ServiceError(_("This opportunity belongs to another plan."))
    opportunity.kind, opportunity.title = kind, title.strip()
    opportunity.description, opportunity.location = description.strip(), location.strip()
    opportunity.opens_on, opportunity.closes_on = opens_on, closes_on
    opportunity.open_to_anyone, opportunity.step = open_to_anyone, step
    if plan.is_public and opportunity.published_on is None:
        opportunity.published_on = timezone.localdate()
    opportunity.save()
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user,
        action=AuditAction.OPPORTUNITY_SAVE,
        target=plan,
        before=before,
        after=snapshot(opportunity, fields),
    )
    return opportunity
