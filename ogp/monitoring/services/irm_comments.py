"""Comments on an IRM report draft: anyone signed in (the government, forum members, the public)
comments on a section or a commitment while the report's comment period is open; the report's
assigned researchers answer each with a disposition and a reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError
from ogp.core.permissions import ensure
from ogp.plans.models import IRMReport

from ..domain.comments import comments_accepted
from ..models import IRMComment, IRMSection
from .answers import comment_answer_save


def _target_of(report: IRMReport, target: str) -> dict[str, Any]:
    kind, _sep, key = target.partition(":")
    if kind == "section" and key in IRMSection.values:
        return {"section_key": key}
    if kind == "commitment":
        commitment = report.plan.commitments.filter(identifier=key).first()
        if commitment is not None:
            return {"commitment": commitment}
    raise ServiceError(_("Choose the section or commitment your comment is about."))


@transaction.atomic
def irm_comment_create(
    *, acting_user: Any, report: IRMReport, target: str, body: str, today: date | None = None
) -> IRMComment:
    today = today or timezone.localdate()
    if not comments_accepted(report.comment_opens, report.comment_closes, today):
        raise ServiceError(_("Comments are accepted only during the comment period."))
    ensure(acting_user, "monitoring.comment_irm_report", report)
    if not body.strip():
        raise ServiceError(_("Write your comment."))
    comment = IRMComment.objects.create(
        report=report, author=acting_user, body=body.strip(), after_version=report.version,
        **_target_of(report, target),
    )  # fmt: skip
    audit_record(
        actor=acting_user, action=AuditAction.IRM_COMMENT_CREATE, target=comment,
        after=snapshot(comment, ["section_key", "commitment_id", "body", "after_version"]),
    )  # fmt: skip
    return comment


@transaction.atomic
def irm_comment_answer(
    *,
    acting_user: Any,
    comment: IRMComment,
    disposition: str,
    reason: str,
    merged_into: IRMComment | None = None,
) -> IRMComment:
    ensure(acting_user, "monitoring.answer_irm_comment", comment.report)
    return comment_answer_save(
        acting_user=acting_user, comment=comment, action=AuditAction.IRM_COMMENT_ANSWER,
        disposition=disposition, reason=reason, merged_into=merged_into, url=irm_comment_path,
    )  # fmt: skip


def irm_comment_path(comment: IRMComment) -> str:
    return reverse("monitoring:irm-comments", args=[comment.report_id]) + f"#comment-{comment.pk}"
