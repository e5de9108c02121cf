"""Self-assessments: the government of the plan's country drafts one (pre-filled from the
commitments' recorded progress), edits it, opens it for public comment over a stated period,
answers every comment with a disposition and a reason, then publishes the final version."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.permissions import ensure
from ogp.engagement.models import Activity
from ogp.engagement.services.follows import activity_record
from ogp.plans.models import ActionPlan, Commitment, Milestone, MilestoneStatus, ProgressUpdate

from ..domain.comments import (
    PeriodProblem,
    PublishBlock,
    comments_accepted,
    period_problems,
    publish_check,
)
from ..models import (
    SECTION_KEYS,
    SelfAssessment,
    SelfAssessmentComment,
    SelfAssessmentEntry,
    SelfAssessmentKind,
    SelfAssessmentSection,
    SelfAssessmentState,
    SelfAssessmentVersion,
    VersionKind,
)
from ..selectors import self_assessment_ledger
from .answers import comment_answer_save

PERIOD_MESSAGES = {
    PeriodProblem.MISSING_DATE: lambda: _("Give the first and the last day of the comment period."),
    PeriodProblem.ENDS_BEFORE_OPENS: lambda: _("The comment period ends before it opens."),
    PeriodProblem.ENDS_IN_THE_PAST: lambda: _("The comment period must end today or later."),
}
PUBLISH_MESSAGES = {
    PublishBlock.ALREADY_PUBLISHED: lambda: _("The final version is already published."),
    PublishBlock.NOT_OPENED_FOR_COMMENT: lambda: _(
        "Open the draft for public comment before publishing the final version."
    ),
    PublishBlock.PERIOD_NOT_OVER: lambda: _(
        "The comment period is not over: the final version can be published after its last day."
    ),
    PublishBlock.UNANSWERED_COMMENTS: lambda: _(
        "Some comments have no answer with a reason yet: answer every comment before publishing."
    ),
}


def _milestone_line(milestone: Milestone, labels: dict[str, str]) -> str:
    parts = [f"- {milestone.title}: {labels.get(milestone.status, milestone.status)}"]
    if milestone.due_date:
        parts.append(_("(expected by %(date)s)") % {"date": milestone.due_date.isoformat()})
    updates = list(milestone.updates.all())  # prefetched, newest first
    latest = updates[0] if updates else None
    if latest is not None and latest.narrative.strip():
        parts.append("— " + " ".join(latest.narrative.split()))
    return " ".join(parts)


def commitment_prefill(commitment: Commitment) -> tuple[str, str]:
    """(status, narrative) from the commitment's roll-up and its milestones' latest updates."""
    labels = {str(k): str(v) for k, v in MilestoneStatus.choices}
    status = commitment.progress_level if commitment.progress_level in labels else ""
    lines = []
    if commitment.progress is not None:
        lines.append(
            _("Recorded progress: %(progress)s%% (rolled up from the milestones).")
            % {"progress": commitment.progress}
        )
    milestones = list(commitment.milestones.all())  # prefetched in order
    if milestones:
        lines.append(_("Milestones:"))
        lines += [_milestone_line(m, labels) for m in milestones]
    else:
        lines.append(_("No milestone or progress update recorded on the platform."))
    return status, "\n".join(lines)


@transaction.atomic
def self_assessment_create(*, acting_user: Any, plan: ActionPlan, kind: str) -> SelfAssessment:
    ensure(acting_user, "monitoring.add_self_assessment", plan)
    if kind not in SelfAssessmentKind.values:
        raise ServiceError(_("Choose midterm or end of term."))
    if SelfAssessment.objects.filter(plan=plan, kind=kind).exists():
        raise ServiceError(_("This plan already has this self-assessment."))
    report = SelfAssessment.objects.create(plan=plan, kind=kind, created_by=acting_user)
    SelfAssessmentSection.objects.bulk_create(
        SelfAssessmentSection(report=report, key=key, position=i)
        for i, key in enumerate(SECTION_KEYS)
    )
    entries = []
    milestones = Milestone.objects.order_by("position", "id").prefetch_related(
        Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-created_at", "-pk"))
    )
    commitments = plan.commitments.order_by("identifier").prefetch_related(
        Prefetch("milestones", queryset=milestones)
    )
    for commitment in commitments:
        status, narrative = commitment_prefill(commitment)
        entries.append(
            SelfAssessmentEntry(
                report=report,
                commitment=commitment,
                status=status,
                progress=commitment.progress,
                narrative=narrative,
            )  # fmt: skip
        )
    SelfAssessmentEntry.objects.bulk_create(entries)
    audit_record(
        actor=acting_user, action=AuditAction.SELF_ASSESSMENT_CREATE, target=report,
        after={"kind": kind, "plan": plan.ogp_id, "commitments": len(entries)},
    )  # fmt: skip
    return report


def _editable(acting_user: Any, report: SelfAssessment) -> None:
    ensure(acting_user, "monitoring.edit_self_assessment", report)
    if not report.is_editable:
        raise ServiceError(_("The final version is published; it can no longer be edited."))


@transaction.atomic
def self_assessment_sections_update(
    *, acting_user: Any, report: SelfAssessment, bodies: dict[str, str]
) -> SelfAssessment:
    _editable(acting_user, report)
    if set(bodies) - set(SECTION_KEYS):
        raise ServiceError(_("Unknown section."))
    sections = {s.key: s for s in report.sections.select_for_update().order_by("position")}
    before = {key: s.body for key, s in sections.items()}
    changed = []
    for key, body in bodies.items():
        section = sections[key]
        if section.body != body:
            section.body = body
            changed.append(section)
    SelfAssessmentSection.objects.bulk_update(changed, ["body"])
    if changed:
        audit_record(
            actor=acting_user, action=AuditAction.SELF_ASSESSMENT_UPDATE, target=report,
            before={s.key: before[s.key] for s in changed},
            after={s.key: s.body for s in changed},
        )  # fmt: skip
    return report


@transaction.atomic
def self_assessment_entry_update(
    *, acting_user: Any, entry: SelfAssessmentEntry, status: str, narrative: str
) -> SelfAssessmentEntry:
    _editable(acting_user, entry.report)
    if status and status not in MilestoneStatus.values:
        raise ServiceError(_("Choose a completion level."))
    return audited_update(
        acting_user=acting_user, instance=entry, action=AuditAction.SELF_ASSESSMENT_UPDATE,
        fields=["status", "narrative"], changes={"status": status, "narrative": narrative},
        note=entry.commitment.identifier,
    )  # fmt: skip


def report_content(report: SelfAssessment) -> dict[str, Any]:
    """What a version makes public: the sections and the commitments' entries, in order."""
    entries = report.entries.select_related("commitment").order_by("commitment__identifier")
    return {
        "sections": [{"key": s.key, "body": s.body} for s in report.sections.order_by("position")],
        "commitments": [
            {
                "identifier": e.commitment.identifier,
                "title": e.commitment.display_title,
                "status": e.status,
                "progress": str(e.progress) if e.progress is not None else "",
                "narrative": e.narrative,
            }
            for e in entries
        ],
    }


def _version_add(acting_user: Any, report: SelfAssessment, kind: str) -> SelfAssessmentVersion:
    number = report.versions.count() + 1
    return SelfAssessmentVersion.objects.create(
        report=report, number=number, kind=kind, content=report_content(report),
        created_by=acting_user,
    )  # fmt: skip


@transaction.atomic
def self_assessment_open_for_comment(
    *,
    acting_user: Any,
    report: SelfAssessment,
    opens: date | None,
    closes: date | None,
    today: date | None = None,
) -> SelfAssessment:
    """Publish the draft for comment over [opens, closes] (a new draft version), or change the
    period of a draft already open (its commented text stays the same)."""
    _editable(acting_user, report)
    today = today or timezone.localdate()
    problems = period_problems(opens, closes, today=today)
    if problems:
        raise ServiceError([PERIOD_MESSAGES[p]() for p in problems])
    first_opening = changed = False

    def open_period(row: SelfAssessment) -> None:
        nonlocal first_opening, changed
        first_opening = row.state == SelfAssessmentState.DRAFT
        changed = first_opening or (row.comment_opens, row.comment_closes) != (opens, closes)
        row.state = SelfAssessmentState.IN_COMMENT
        row.comment_opens, row.comment_closes = opens, closes

    report = audited_update(
        acting_user=acting_user,
        instance=report,
        action=AuditAction.SELF_ASSESSMENT_OPEN_FOR_COMMENT,
        fields=["state", "comment_opens", "comment_closes"],
        apply=open_period,
    )
    if first_opening:
        _version_add(acting_user, report, VersionKind.DRAFT)
    if changed:  # opened, or its period changed
        _activity(report, Activity.Verb.REPORT_OPENED_FOR_COMMENT, acting_user, period=True)
    return report


def _activity(report: SelfAssessment, verb: str, actor: Any, *, period: bool = False) -> None:
    """For the digests of the report's followers and of its country's."""
    title = report.title
    if period and report.comment_opens and report.comment_closes:
        title += f" ({report.comment_opens.isoformat()} – {report.comment_closes.isoformat()})"
    activity_record(
        verb=verb, title=title, url=report.get_absolute_url(),
        targets=[report, report.plan.country], actor=actor,
    )  # fmt: skip


def _target_of(report: SelfAssessment, target: str) -> dict[str, Any]:
    kind, _sep, key = target.partition(":")
    if kind == "section" and key in SECTION_KEYS:
        return {"section_key": key}
    if kind == "commitment":
        entry = report.entries.select_related("commitment").filter(
            commitment__identifier=key
        ).first()  # fmt: skip
        if entry is not None:
            return {"commitment": entry.commitment}
    raise ServiceError(_("Choose the section or commitment your comment is about."))


@transaction.atomic
def self_assessment_comment_create(
    *, acting_user: Any, report: SelfAssessment, target: str, body: str, today: date | None = None
) -> SelfAssessmentComment:
    ensure(acting_user, "monitoring.comment_self_assessment", report)
    today = today or timezone.localdate()
    if report.state != SelfAssessmentState.IN_COMMENT or not comments_accepted(
        report.comment_opens, report.comment_closes, today
    ):
        raise ServiceError(_("Comments are accepted only during the comment period."))
    if not body.strip():
        raise ServiceError(_("Write your comment."))
    comment = SelfAssessmentComment.objects.create(
        report=report, author=acting_user, body=body.strip(), **_target_of(report, target)
    )
    audit_record(
        actor=acting_user, action=AuditAction.SELF_ASSESSMENT_COMMENT_CREATE, target=comment,
        after=snapshot(comment, ["section_key", "commitment_id", "body"]),
    )  # fmt: skip
    return comment


@transaction.atomic
def self_assessment_comment_answer(
    *,
    acting_user: Any,
    comment: SelfAssessmentComment,
    disposition: str,
    reason: str,
    merged_into: SelfAssessmentComment | None = None,
) -> SelfAssessmentComment:
    ensure(acting_user, "monitoring.answer_self_assessment_comment", comment.report)
    if comment.report.state == SelfAssessmentState.PUBLISHED:
        raise ServiceError(_("The final version is published; its answers are final."))
    return comment_answer_save(
        acting_user=acting_user, comment=comment,
        action=AuditAction.SELF_ASSESSMENT_COMMENT_ANSWER, disposition=disposition,
        reason=reason, merged_into=merged_into,
        url=lambda c: f"{c.report.get_absolute_url()}#comment-{c.pk}",
    )  # fmt: skip


@transaction.atomic
def self_assessment_publish(
    *, acting_user: Any, report: SelfAssessment, today: date | None = None
) -> SelfAssessmentVersion:
    """Publish the final version; refused while the period runs or a comment is unanswered."""
    ensure(acting_user, "monitoring.edit_self_assessment", report)
    today = today or timezone.localdate()
    report = SelfAssessment.objects.select_for_update().select_related("plan").get(pk=report.pk)
    check = publish_check(
        state=report.state, opens=report.comment_opens, closes=report.comment_closes,
        today=today, ledger=self_assessment_ledger(report, today=today),
    )  # fmt: skip
    if not check.allowed:
        raise ServiceError([PUBLISH_MESSAGES[b]() for b in check.blocks])
    version = _version_add(acting_user, report, VersionKind.FINAL)
    audited_update(
        acting_user=acting_user,
        instance=report,
        action=AuditAction.SELF_ASSESSMENT_PUBLISH,
        fields=["state"],
        changes={"state": SelfAssessmentState.PUBLISHED, "published_at": timezone.now()},
        also_save=["published_at"],
        # the trail names the version published (a row of its own, not a column of the report)
        state=lambda row: {"state": row.state, "version": version.number},
    )
    _activity(report, Activity.Verb.REPORT_PUBLISHED, acting_user)
    return version
