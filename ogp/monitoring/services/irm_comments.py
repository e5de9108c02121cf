"""Comments on an IRM report draft: anyone signed in (the government, forum members, the public)
comments on a section or a commitment while the report's comment period is open; the report's
assigned researchers answer each with a disposition and a reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.permissions import ensure
from ogp.plans.models import IRMReport

from ..domain.comments import comments_accepted
from ..models import IRMComment, IRMSection
from .answers import answer_check


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
    disposition, reason, merged_into = answer_check(
        comment, disposition=disposition, reason=reason, merged_into=merged_into
    )
    return audited_update(
        acting_user=acting_user, instance=comment, action=AuditAction.IRM_COMMENT_ANSWER,
        fields=["disposition", "reason", "merged_into", "answered_by", "answered_at"],
        changes={"disposition": disposition, "reason": reason, "merged_into": merged_into,
                 "answered_by": acting_user, "answered_at": timezone.now()},
    )  # fmt: skip
