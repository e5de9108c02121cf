"""Reads of the monitoring app, with constant query counts (tests/test_queries.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from ogp.cocreation.domain.ledger import LedgerSummary
from ogp.countries.models import Country
from ogp.plans.models import ActionPlan, IRMReport

from .domain.comments import CommentFact, comment_ledger
from .models import (
    IRMComment,
    SelfAssessment,
    SelfAssessmentComment,
    SelfAssessmentEntry,
    SelfAssessmentSection,
    SelfAssessmentState,
    SelfAssessmentVersion,
)


def _facts(comments: Any) -> list[CommentFact]:
    return [
        CommentFact(
            key=str(c["pk"]),
            received_on=c["created_at"].date(),
            target=(
                f"commitment:{c['commitment__identifier']}"
                if c["commitment__identifier"]
                else f"section:{c['section_key']}"
            ),
            disposition=c["disposition"] or None,
            reason=c["reason"],
            merged_into=str(c["merged_into_id"]) if c["merged_into_id"] else None,
        )
        for c in comments.values(
            "pk", "created_at", "commitment__identifier", "section_key", "disposition", "reason",
            "merged_into_id",
        )
    ]  # fmt: skip


def self_assessment_ledger(report: SelfAssessment, *, today: date) -> LedgerSummary:
    return comment_ledger(_facts(report.comments.all()), today=today)


def irm_comment_ledger(report: IRMReport, *, today: date) -> LedgerSummary:
    return comment_ledger(_facts(IRMComment.objects.filter(report=report)), today=today)


def self_assessment_get(pk: int) -> SelfAssessment:
    report = (
        SelfAssessment.objects.select_related("plan__country", "plan__locality")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def _comments(model: Any) -> QuerySet[Any]:
    return model.objects.select_related("author", "commitment", "merged_into").order_by(
        "created_at", "pk"
    )


def self_assessment_page(report: SelfAssessment) -> dict[str, Any]:
    """Sections and entries with their comments grouped by target (a fixed number of queries)."""
    sections = list(report.sections.order_by("position"))
    entries = list(
        SelfAssessmentEntry.objects.filter(report=report)
        .select_related("commitment")
        .order_by("commitment__identifier")
    )
    by_target: dict[str, list[SelfAssessmentComment]] = {}
    for comment in _comments(SelfAssessmentComment).filter(report=report):
        by_target.setdefault(comment.target, []).append(comment)
    versions = list(report.versions.order_by("number"))
    return {"sections": sections, "entries": entries, "by_target": by_target, "versions": versions}


def self_assessment_comments(
    report: SelfAssessment, *, unanswered: bool = False
) -> QuerySet[SelfAssessmentComment]:
    comments = _comments(SelfAssessmentComment).filter(report=report)
    return comments.filter(reason="") if unanswered else comments


def version_pair(report: SelfAssessment) -> tuple[SelfAssessmentVersion, SelfAssessmentVersion]:
    """The draft opened for comment and the final version (404 until both exist)."""
    versions = list(report.versions.order_by("number"))
    if len(versions) < 2:
        raise Http404
    return versions[0], versions[-1]


def entry_get(report: SelfAssessment, identifier: str) -> SelfAssessmentEntry:
    entry = (
        SelfAssessmentEntry.objects.select_related("commitment", "report__plan__country")
        .filter(report=report, commitment__identifier=identifier)
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def self_assessment_comment_get(pk: int) -> SelfAssessmentComment:
    comment = (
        SelfAssessmentComment.objects.select_related("report__plan__country", "commitment")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise Http404
    return comment


def irm_comment_get(pk: int) -> IRMComment:
    comment = (
        IRMComment.objects.select_related("report__plan__country", "commitment")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise Http404
    return comment


def irm_report_get(pk: int) -> IRMReport:
    report = (
        IRMReport.objects.select_related("plan__country", "plan__locality")
        .prefetch_related("researchers")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404
    return report


def irm_comments_by_target(report: IRMReport) -> dict[str, list[IRMComment]]:
    by_target: dict[str, list[IRMComment]] = {}
    for comment in _comments(IRMComment).filter(report=report):
        by_target.setdefault(comment.target, []).append(comment)
    return by_target


def country_reports(country: Country) -> dict[str, Any]:
    """The country's self-assessments and IRM reports, with comment counts."""
    plans = list(
        ActionPlan.objects.filter(country=country)
        .select_related("locality")
        .order_by("-submitted_year", "locality__name")
        .prefetch_related(
            Prefetch(
                "self_assessments",
                queryset=SelfAssessment.objects.annotate(
                    n_comments=Count("comments"),
                    n_unanswered=Count("comments", filter=Q(comments__reason="")),
                ).order_by("kind"),
            ),
            Prefetch(
                "irm_reports",
                queryset=IRMReport.objects.annotate(n_comments=Count("public_comments")).order_by(
                    "kind"
                ),
            ),
        )
    )
    return {"plans": plans}


def public_self_assessments() -> QuerySet[SelfAssessment]:
    """Self-assessments anyone may read (open for comment, or published), with comment counts
    (the open data API's list)."""
    return (
        SelfAssessment.objects.exclude(state=SelfAssessmentState.DRAFT)
        .select_related("plan__country", "plan__locality")
        .annotate(
            n_comments=Count("comments", distinct=True),
            n_unanswered=Count("comments", filter=Q(comments__reason=""), distinct=True),
        )
    )


def public_self_assessment_details() -> QuerySet[SelfAssessment]:
    """The same, each with its sections, per-commitment entries and comments with their answers
    (four queries whatever the number of reports)."""
    return public_self_assessments().prefetch_related(
        Prefetch("sections", queryset=SelfAssessmentSection.objects.order_by("position")),
        Prefetch(
            "entries",
            queryset=SelfAssessmentEntry.objects.select_related("commitment").order_by(
                "commitment__identifier"
            ),
        ),
        Prefetch(
            "comments",
            queryset=SelfAssessmentComment.objects.select_related("commitment").order_by(
                "created_at", "pk"
            ),
        ),
    )
