"""Public comment on IRM report drafts, researchers' answers, and the diff between versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.cocreation.domain.ledger import counts_of
from ogp.core.errors import ServiceError
from ogp.core.permissions import can, require
from ogp.plans.labels import indicator_label, level_label
from ogp.plans.services.irm import REPORT_INDICATORS

from .. import selectors, services
from ..domain.comments import period_state
from ..forms import CommentForm
from ..models import IRMSection
from .common import answer_page, diff_rows


def _assessment(value: str) -> str:
    return {"met": _("Met"), "not_met": _("Not met")}.get(value, _("Not assessed"))


def _level(key: str, level: str) -> str:
    if not level:
        return ""
    if level == "nr":
        return _("Not reviewed")
    return level_label(key.split(".", 1)[1], level)


def _visible(request: HttpRequest, report: Any) -> tuple[bool, Any]:
    """(the draft is readable, the latest published version); 403 or login when neither."""
    draft = can(request, "monitoring.view_irm_draft", report)
    latest = report.versions.order_by("-number").first()
    if not draft and latest is None:
        require(request, "monitoring.view_irm_draft", report)
    return draft, latest


def irm_comments(request: HttpRequest, report_id: int) -> HttpResponse:
    report = selectors.irm_report_get(report_id)
    draft, latest = _visible(request, report)
    today = timezone.localdate()
    if draft:
        content: dict[str, Any] = {
            "summary": report.summary, "analysis": report.analysis,
            "minimum_requirements": report.minimum_requirements,
            "coding": {c.commitment.identifier: c.values
                       for c in report.codings.select_related("commitment")},
        }  # fmt: skip
    else:
        content = latest.content
    by_target = selectors.irm_comments_by_target(report)
    keys = REPORT_INDICATORS[report.kind]
    sections = [
        {"key": "summary", "label": IRMSection.SUMMARY.label, "text": content.get("summary", "")},
        {"key": "analysis", "label": IRMSection.ANALYSIS.label,
         "text": content.get("analysis", "")},
    ]  # fmt: skip
    for section in sections:
        section["target"] = f"section:{section['key']}"
        section["comments"] = by_target.get(section["target"], [])
    requirements = [
        (code, _assessment(value))
        for code, value in sorted((content.get("minimum_requirements") or {}).items())
    ]
    commitments = []
    for commitment in report.plan.commitments.order_by("identifier"):
        values = content.get("coding", {}).get(commitment.identifier, {})
        target = f"commitment:{commitment.identifier}"
        commitments.append({
            "commitment": commitment, "target": target,
            "cells": [(indicator_label(k.split(".", 1)[1]), _level(k, values.get(k, "")))
                      for k in keys],
            "comments": by_target.get(target, []),
        })  # fmt: skip
    can_comment = draft and can(request, "monitoring.comment_irm_report", report)
    return render(
        request,
        "monitoring/irm_comments.html",
        {
            "report": report,
            "draft": draft,
            "latest": latest,
            "sections": sections,
            "requirements": requirements,
            "requirements_target": "section:minimum_requirements",
            "requirements_comments": by_target.get("section:minimum_requirements", []),
            "commitments": commitments,
            "can_comment": can_comment,
            "can_answer": can(request, "monitoring.answer_irm_comment", report),
            "period": period_state(report.comment_opens, report.comment_closes, today),
            "ledger": counts_of(selectors.irm_comment_ledger(report, today=today)),
            "versions": list(report.versions.order_by("number")),
        },
    )


@require_POST
def irm_comment_create(request: HttpRequest, report_id: int) -> HttpResponse:
    report = selectors.irm_report_get(report_id)
    require(request, "monitoring.comment_irm_report", report)
    form = CommentForm(request.POST)
    url = redirect("monitoring:irm-comments", report_id=report.pk).url
    if form.is_valid():
        try:
            comment = services.irm_comment_create(
                acting_user=request.user, report=report, target=form.cleaned_data["target"],
                body=form.cleaned_data["body"],
            )  # fmt: skip
        except ServiceError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Your comment is published. The IRM researchers will answer it.")
            )
            return redirect(f"{url}#comment-{comment.pk}")
    else:
        messages.error(request, _("Write your comment (at most 5,000 characters)."))
    return redirect(url)


@require_http_methods(["GET", "POST"])
def irm_comment_answer(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.irm_comment_get(comment_id)
    report = comment.report
    require(request, "monitoring.answer_irm_comment", report)
    return answer_page(
        request, comment=comment, answer=services.irm_comment_answer,
        others=list(report.public_comments.exclude(pk=comment.pk).order_by("pk")),
        back=redirect("monitoring:irm-comments", report_id=report.pk).url,
    )  # fmt: skip


def _irm_items(content: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    items = [
        ("section:summary", {"title": str(IRMSection.SUMMARY.label),
                             "text": content.get("summary", "")}),
        ("section:analysis", {"title": str(IRMSection.ANALYSIS.label),
                              "text": content.get("analysis", "")}),
        ("section:minimum_requirements", {
            "title": str(IRMSection.MINIMUM_REQUIREMENTS.label),
            "text": "\n".join(f"{code}: {_assessment(value)}" for code, value in
                              sorted((content.get("minimum_requirements") or {}).items())),
        }),
    ]  # fmt: skip
    for identifier, values in sorted((content.get("coding") or {}).items()):
        text = "\n".join(
            f"{indicator_label(key.split('.', 1)[1])}: {_level(key, level)}"
            for key, level in sorted(values.items())
        )
        items.append((f"commitment:{identifier}", {"title": identifier, "text": text}))
    return items


def irm_version_compare(request: HttpRequest, report_id: int) -> HttpResponse:
    """What changed between two published versions (default: the last two)."""
    report = selectors.irm_report_get(report_id)
    versions = {v.number: v for v in report.versions.all()}
    if not versions:
        raise Http404
    numbers = sorted(versions)
    try:
        new_n = int(request.GET.get("new") or numbers[-1])
        old_n = int(request.GET.get("old") or (numbers[-2] if len(numbers) > 1 else numbers[-1]))
    except ValueError:
        raise Http404 from None
    if old_n not in versions or new_n not in versions:
        raise Http404
    old, new = versions[old_n], versions[new_n]
    rows = diff_rows(
        _irm_items(old.content), _irm_items(new.content), {"text": _("Text")}, ["text"]
    )
    return render(request, "monitoring/changes.html", {
        "report": report, "old": old, "new": new, "diffs": rows, "irm": True,
        "numbers": numbers,
        "back": redirect("monitoring:irm-comments", report_id=report.pk).url,
    })  # fmt: skip
