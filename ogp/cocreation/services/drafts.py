"""Drafts: the working copy, commitments and milestones, publishing numbered versions."""

import datetime
import secrets
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError

from ..models import (
    COMMITMENT_TEXT_FIELDS,
    CoCreationPlan,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    ShadowPlan,
    commitment_field_label,
)
from .common import plan_touch, require_editable, require_perm

COMMITMENT_FIELDS = [*COMMITMENT_TEXT_FIELDS, "starts_on", "ends_on", "policy_area"]
REQUIRED_COMMITMENT_FIELDS = ("title", "problem", "objective", "lead_institution")


def new_key() -> str:
    return secrets.token_hex(4)


def _owner_check(acting_user: User, owner: CoCreationPlan | ShadowPlan) -> None:
    if isinstance(owner, ShadowPlan):
        require_perm(acting_user, "cocreation.edit_shadow_plan", owner)
    else:
        require_perm(acting_user, "cocreation.edit_draft", owner)
        require_editable(owner)


def _owner_filter(owner: CoCreationPlan | ShadowPlan) -> dict[str, Any]:
    return {"shadow_plan": owner} if isinstance(owner, ShadowPlan) else {"plan": owner}


@transaction.atomic
def working_copy_get(*, acting_user: User, owner: CoCreationPlan | ShadowPlan) -> DraftVersion:
    """The unpublished version editors change; created from the latest published one."""
    _owner_check(acting_user, owner)
    filters = _owner_filter(owner)
    working = DraftVersion.objects.filter(number__isnull=True, **filters).first()
    if working is not None:
        return working
    latest = (
        DraftVersion.objects.filter(number__isnull=False, **filters).order_by("-number").first()
    )
    working = DraftVersion.objects.create(
        introduction=latest.introduction if latest else "", **filters
    )
    if latest is not None:
        for commitment in latest.commitments.prefetch_related("milestones"):
            milestones = list(commitment.milestones.all())
            commitment.pk, commitment.version = None, working
            commitment.save()
            for milestone in milestones:
                milestone.pk, milestone.commitment = None, commitment
                milestone.save()
    return working


def _working(version: DraftVersion) -> None:
    if version.number is not None:
        raise ServiceError(_("A published version cannot be changed; edit the working draft."))


def _owner_of(version: DraftVersion) -> CoCreationPlan | ShadowPlan:
    return version.plan or version.shadow_plan  # type: ignore[return-value]


@transaction.atomic
def draft_update(
    *,
    acting_user: User,
    version: DraftVersion,
    introduction: str,
    changelog: str = "",
    comments_open_from: datetime.date | None = None,
    comments_close_on: datetime.date | None = None,
    is_final: bool = False,
) -> DraftVersion:
    _owner_check(acting_user, _owner_of(version))
    _working(version)
    if comments_open_from and comments_close_on and comments_close_on < comments_open_from:
        raise ServiceError(_("The comment period must not end before it starts."))
    version.introduction, version.changelog = introduction.strip(), changelog.strip()
    version.comments_open_from, version.comments_close_on = comments_open_from, comments_close_on
    version.is_final = is_final
    version.save()
    return version


@transaction.atomic
def commitment_save(
    *,
    acting_user: User,
    version: DraftVersion,
    commitment: DraftCommitment | None = None,
    **values: Any,
) -> DraftCommitment:
    _owner_check(acting_user, _owner_of(version))
    _working(version)
    unknown = set(values) - set(COMMITMENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown commitment fields: {sorted(unknown)}")
    missing = [
        name for name in REQUIRED_COMMITMENT_FIELDS if not str(values.get(name) or "").strip()
    ]
    if missing:
        labels = ", ".join(commitment_field_label(n) for n in missing)
        raise ServiceError(_("Fill in: %(fields)s.") % {"fields": labels})
    if (
        values.get("starts_on")
        and values.get("ends_on")
        and values["ends_on"] < values["starts_on"]
    ):
        raise ServiceError(_("The end date must not be before the start date."))
    if commitment is None:
        position = (version.commitments.aggregate(m=Max("position"))["m"] or 0) + 1
        commitment = DraftCommitment(version=version, key=new_key(), position=position)
    elif commitment.version_id != version.pk:
        raise ServiceError(_("This commitment belongs to another version."))
    for name, value in values.items():
        setattr(commitment, name, value.strip() if isinstance(value, str) else value)
    commitment.save()
    return commitment


@transaction.atomic
def commitment_delete(*, acting_user: User, commitment: DraftCommitment) -> None:
    _owner_check(acting_user, _owner_of(commitment.version))
    _working(commitment.version)
    commitment.delete()


@transaction.atomic
def milestone_save(
    *,
    acting_user: User,
    commitment: DraftCommitment,
    title: str,
    expected_output: str = "",
    due_on: datetime.date | None = None,
    milestone: DraftMilestone | None = None,
) -> DraftMilestone:
    _owner_check(acting_user, _owner_of(commitment.version))
    _working(commitment.version)
    if not title.strip():
        raise ServiceError(_("Give the milestone a title."))
    if milestone is None:
        position = (commitment.milestones.aggregate(m=Max("position"))["m"] or 0) + 1
        milestone = DraftMilestone(commitment=commitment, key=new_key(), position=position)
    elif milestone.commitment_id != commitment.pk:
        raise ServiceError(_("This milestone belongs to another commitment."))
    milestone.title, milestone.expected_output, milestone.due_on = (
        title.strip(),
        expected_output.strip(),
        due_on,
    )
    milestone.save()
    return milestone


@transaction.atomic
def milestone_delete(*, acting_user: User, milestone: DraftMilestone) -> None:
    _owner_check(acting_user, _owner_of(milestone.commitment.version))
    _working(milestone.commitment.version)
    milestone.delete()


@transaction.atomic
def draft_publish(*, acting_user: User, version: DraftVersion) -> DraftVersion:
    """Give the working draft the next number and make it public; it never changes again."""
    owner = _owner_of(version)
    _owner_check(acting_user, owner)
    if isinstance(owner, CoCreationPlan):
        require_perm(acting_user, "cocreation.publish_version", owner)
        if not owner.is_public:
            raise ServiceError(_("Open co-creation before publishing a draft."))
    version = DraftVersion.objects.select_for_update().get(pk=version.pk)
    _working(version)
    filters = _owner_filter(owner)
    last = DraftVersion.objects.filter(**filters).aggregate(m=Max("number"))["m"] or 0
    version.number = last + 1
    version.published_at, version.published_by = timezone.now(), acting_user
    version.save()
    plan_touch(version.plan_id)
    audit_record(
        actor=acting_user,
        action=AuditAction.DRAFT_PUBLISH,
        target=owner,
        after={
            "version": version.number,
            "commitments": version.commitments.count(),
            **snapshot(version, ["comments_open_from", "comments_close_on", "is_final"]),
        },
    )
    return version
