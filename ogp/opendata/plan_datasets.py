"""Rows of the plans package: action plans, commitments with OGP values and IRM flags,
milestones with official and civil-society status, published IRM reports and their coding
(what was published: a report's latest version, not the researchers' draft), and published
self-assessments (their final version) with the public comments and the government's answers."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Prefetch

from ogp.monitoring.models import (
    SelfAssessment,
    SelfAssessmentComment,
    SelfAssessmentState,
    SelfAssessmentVersion,
    VersionKind,
)
from ogp.plans.models import (
    ActionPlan,
    Commitment,
    IRMReport,
    IRMReportState,
    IRMReportVersion,
    Milestone,
)

BATCH = 2000


def action_plans() -> Iterable[dict[str, Any]]:
    plans = ActionPlan.objects.select_related("country", "locality").order_by("ogp_id")
    for p in plans.iterator(chunk_size=BATCH):
        yield {
            "ogp_id": p.ogp_id,
            "country": p.country.iso3,
            "locality": p.locality.code if p.locality_id and p.locality else "",
            "number": p.number,
            "submitted_year": p.submitted_year,
            "end_year": p.end_year,
            "due_date": p.due_date,
            "published_on": p.published_on,
            "source": p.source,
            "is_demo": p.is_demo,
        }


def commitments() -> Iterable[dict[str, Any]]:
    rows = (
        Commitment.objects.select_related("plan__country")
        .prefetch_related("policy_areas")
        .order_by("identifier")
    )
    for c in rows.iterator(chunk_size=BATCH):
        yield {
            "identifier": c.identifier,
            "plan": c.plan.ogp_id,
            "country": c.plan.country.iso3,
            "number": c.number,
            "title": c.title,
            "short_title": c.short_title,
            "theme": c.theme,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "policy_areas": ";".join(sorted(a.code for a in c.policy_areas.all())),
            "access_to_information": c.value_access_to_information,
            "civic_participation": c.value_civic_participation,
            "public_accountability": c.value_public_accountability,
            "technology": c.value_technology,
            "completion": c.completion,
            "starred": c.starred,
            "high_completion": c.high_completion,
            "strong_early_results": c.strong_early_results,
            "progress": c.progress,
            "progress_level": c.progress_level,
            "source_url": c.source_url,
            "is_demo": c.is_demo,
        }


def milestones() -> Iterable[dict[str, Any]]:
    rows = Milestone.objects.select_related("commitment").order_by("commitment__identifier", "id")
    for m in rows.iterator(chunk_size=BATCH):
        yield {
            "id": m.pk,
            "commitment": m.commitment.identifier,
            "position": m.position,
            "title": m.title,
            "due_date": m.due_date,
            "status": m.status,
            "civil_society_status": m.civil_society_status,
            "status_updated_at": m.status_updated_at,
            "is_demo": m.is_demo,
        }


def _published_reports() -> Any:
    return (
        IRMReport.objects.filter(state=IRMReportState.PUBLISHED, version__gt=0)
        .select_related("plan")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=IRMReportVersion.objects.order_by("-number"),
                to_attr="published_versions",
            )
        )
        .order_by("id")
    )


def irm_reports() -> Iterable[dict[str, Any]]:
    for r in _published_reports():
        yield {
            "id": r.pk,
            "plan": r.plan.ogp_id,
            "kind": r.kind,
            "version": r.version,
            "published_at": r.published_at,
        }


def irm_coding() -> Iterable[dict[str, Any]]:
    for r in _published_reports():
        latest = r.published_versions[0] if r.published_versions else None
        if latest is None:
            continue
        coding = latest.content.get("coding", {})
        for identifier in sorted(coding):
            for key, level in sorted(coding[identifier].items()):
                yield {
                    "report": r.pk,
                    "version": latest.number,
                    "commitment": identifier,
                    "indicator": key,
                    "level": "" if level == "nr" else level,
                    "not_reviewed": level == "nr",
                }


def _published_self_assessments() -> Any:
    """Published self-assessments with their final version (what was published)."""
    return (
        SelfAssessment.objects.filter(state=SelfAssessmentState.PUBLISHED)
        .select_related("plan__country")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=SelfAssessmentVersion.objects.filter(kind=VersionKind.FINAL).order_by(
                    "-number"
                ),
                to_attr="final_versions",
            )
        )
        .annotate(n_comments=Count("comments"))
        .order_by("id")
    )


def _final_content(report: SelfAssessment) -> dict[str, Any]:
    versions = getattr(report, "final_versions", None) or []
    return dict(versions[0].content) if versions else {}


def self_assessments() -> Iterable[dict[str, Any]]:
    for r in _published_self_assessments():
        versions = r.final_versions
        yield {
            "id": r.pk,
            "plan": r.plan.ogp_id,
            "country": r.plan.country.iso3,
            "kind": r.kind,
            "version": versions[0].number if versions else None,
            "comment_opens": r.comment_opens,
            "comment_closes": r.comment_closes,
            "published_at": r.published_at,
            "comment_count": r.n_comments,
        }


def self_assessment_sections() -> Iterable[dict[str, Any]]:
    for r in _published_self_assessments():
        for position, section in enumerate(_final_content(r).get("sections", [])):
            yield {
                "report": r.pk,
                "key": section.get("key", ""),
                "position": position,
                "body": section.get("body", ""),
            }


def self_assessment_entries() -> Iterable[dict[str, Any]]:
    for r in _published_self_assessments():
        for entry in _final_content(r).get("commitments", []):
            yield {
                "report": r.pk,
                "commitment": entry.get("identifier", ""),
                "status": entry.get("status", ""),
                "progress": float(entry["progress"]) if entry.get("progress") else None,
                "narrative": entry.get("narrative", ""),
            }


def self_assessment_comments() -> Iterable[dict[str, Any]]:
    rows = (
        SelfAssessmentComment.objects.filter(report__state=SelfAssessmentState.PUBLISHED)
        .select_related("commitment")
        .order_by("report_id", "created_at", "id")
    )
    for c in rows.iterator(chunk_size=BATCH):
        kind, _sep, key = c.target.partition(":")
        yield {
            "id": c.pk,
            "report": c.report_id,
            "target_kind": kind,
            "target": key,
            "body": c.body,
            "created_at": c.created_at,
            "disposition": c.disposition,
            "reason": c.reason,
            "merged_into": c.merged_into_id,
            "answered_at": c.answered_at,
        }
