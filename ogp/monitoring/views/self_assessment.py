"""Self-assessment pages: the country's list, the report with comments per section and
commitment, the government's editing, period, answers and publication, and the diff."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.cocreation.domain.ledger import counts_of
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import can, require
from ogp.countries.selectors import country_get
from ogp.engagement.selectors import is_following
from ogp.plans import selectors as plan_selectors
from ogp.plans.models import MilestoneStatus

from .. import selectors, services
from ..domain.comments import period_state, publish_check
from ..forms import (
    CommentForm,
    EntryForm,
    PeriodForm,
    SectionsForm,
    SelfAssessmentCreateForm,
)
from ..labels import SECTION_LABELS
from ..models import SelfAssessmentState
from ..services.self_assessment import PUBLISH_MESSAGES
from .common import add_errors, answer_page, diff_rows


def country_page(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    data = selectors.country_reports(country)
    rows = []
    for plan in data["plans"]:
        reports = [
            r
            for r in plan.self_assessments.all()
            if can(request, "monitoring.view_self_assessment", r)
        ]
        rows.append(
            {
                "plan": plan,
                "reports": reports,
                "irm": [
                    r
                    for r in plan.irm_reports.all()
                    if r.version > 0 or can(request, "monitoring.view_irm_draft", r)
                ],
                "can_add": can(request, "monitoring.add_self_assessment", plan),
            }
        )
    return render(
        request,
        "monitoring/country.html",
        {"country": country, "rows": rows, "create_form": SelfAssessmentCreateForm()},
    )


@require_POST
def self_assessment_create(request: HttpRequest, ogp_id: str) -> HttpResponse:
    plan = plan_selectors.plan_get(ogp_id)
    require(request, "monitoring.add_self_assessment", plan)
    form = SelfAssessmentCreateForm(request.POST)
    if form.is_valid():
        try:
            report = services.self_assessment_create(
                acting_user=request.user, plan=plan, kind=form.cleaned_data["kind"]
            )
        except ServiceError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The draft is ready, pre-filled from recorded progress."))
            return redirect(report.get_absolute_url())
    else:
        messages.error(request, _("Choose midterm or end of term."))
    return redirect("monitoring:country", iso3=plan.country.iso3)


def _report(request: HttpRequest, pk: int, perm: str = "monitoring.view_self_assessment") -> Any:
    report = selectors.self_assessment_get(pk)
    require(request, perm, report)
    return report


def self_assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    today = timezone.localdate()
    page = selectors.self_assessment_page(report)
    ledger = selectors.self_assessment_ledger(report, today=today)
    state = period_state(report.comment_opens, report.comment_closes, today)
    can_edit = can(request, "monitoring.edit_self_assessment", report) and report.is_editable
    can_answer = (
        can(request, "monitoring.answer_self_assessment_comment", report) and report.is_editable
    )
    can_comment = (
        can(request, "monitoring.comment_self_assessment", report)
        and report.state == SelfAssessmentState.IN_COMMENT
        and state == "open"
    )
    check = publish_check(
        state=report.state, opens=report.comment_opens, closes=report.comment_closes,
        today=today, ledger=ledger,
    )  # fmt: skip
    statuses = dict(MilestoneStatus.choices)
    by_target = page["by_target"]
    sections = [
        {"section": s, "label": SECTION_LABELS[s.key], "target": s.target,
         "comments": by_target.get(s.target, [])}
        for s in page["sections"]
    ]  # fmt: skip
    entries = [
        {"entry": e, "status": statuses.get(e.status, ""), "target": e.target,
         "comments": by_target.get(e.target, [])}
        for e in page["entries"]
    ]  # fmt: skip
    return render(
        request,
        "monitoring/self_assessment_detail.html",
        {
            "report": report,
            "sections": sections,
            "entries": entries,
            "versions": page["versions"],
            "ledger": counts_of(ledger),
            "period": state,
            "can_edit": can_edit,
            "can_answer": can_answer,
            "can_comment": can_comment,
            "is_following": is_following(request.user, report),
            "publish_blocks": [PUBLISH_MESSAGES[b]() for b in check.blocks],
            "can_publish": can_edit and report.state == SelfAssessmentState.IN_COMMENT,
            "period_form": PeriodForm(
                initial={
                    "comment_opens": report.comment_opens or today,
                    "comment_closes": report.comment_closes,
                }
            )
            if can_edit
            else None,  # fmt: skip
        },
    )


@require_http_methods(["GET", "POST"])
def self_assessment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "monitoring.edit_self_assessment")
    sections = list(report.sections.order_by("position"))
    form = SectionsForm(request.POST or None, initial={s.key: s.body for s in sections})
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_sections_update(
                acting_user=request.user, report=report, bodies=dict(form.cleaned_data)
            )
        except ServiceError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The sections are saved."))
            return redirect(report.get_absolute_url())
    return render(request, "monitoring/form_page.html", {
        "report": report, "form": form, "title": _("Edit the sections"),
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
def self_assessment_entry_edit(request: HttpRequest, pk: int, identifier: str) -> HttpResponse:
    report = _report(request, pk, "monitoring.edit_self_assessment")
    entry = selectors.entry_get(report, identifier)
    form = EntryForm(
        request.POST or None, initial={"status": entry.status, "narrative": entry.narrative}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_entry_update(
                acting_user=request.user, entry=entry, status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
            )  # fmt: skip
        except ServiceError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commitment's entry is saved."))
            return redirect(report.get_absolute_url() + f"#entry-{entry.commitment.identifier}")
    title = _("Self-assessment of %(commitment)s") % {
        "commitment": f"{entry.commitment.identifier} {entry.commitment.display_title}"
    }
    return render(request, "monitoring/form_page.html", {
        "report": report, "form": form, "title": title, "entry": entry,
    })  # fmt: skip


@require_POST
def self_assessment_open(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "monitoring.edit_self_assessment")
    form = PeriodForm(request.POST)
    if form.is_valid():
        try:
            services.self_assessment_open_for_comment(
                acting_user=request.user, report=report,
                opens=form.cleaned_data["comment_opens"],
                closes=form.cleaned_data["comment_closes"],
            )  # fmt: skip
        except ServiceError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The draft is public and open for comment."))
    else:
        messages.error(request, _("Give the first and the last day of the comment period."))
    return redirect(report.get_absolute_url())


@require_POST
def self_assessment_comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "monitoring.comment_self_assessment")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.self_assessment_comment_create(
                acting_user=request.user, report=report, target=form.cleaned_data["target"],
                body=form.cleaned_data["body"],
            )  # fmt: skip
        except ServiceError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Your comment is published. The government will answer it.")
            )
            return redirect(report.get_absolute_url() + f"#comment-{comment.pk}")
    else:
        messages.error(request, _("Write your comment (at most 5,000 characters)."))
    return redirect(report.get_absolute_url())


@require_http_methods(["GET", "POST"])
def self_assessment_comment_answer(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.self_assessment_comment_get(comment_id)
    report = comment.report
    require(request, "monitoring.answer_self_assessment_comment", report)
    return answer_page(
        request, comment=comment, answer=services.self_assessment_comment_answer,
        others=list(report.comments.exclude(pk=comment.pk).order_by("pk")),
        back=report.get_absolute_url(),
    )  # fmt: skip


@require_POST
def self_assessment_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, "monitoring.edit_self_assessment")
    try:
        services.self_assessment_publish(acting_user=request.user, report=report)
    except ServiceError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(report.get_absolute_url())
    messages.success(request, _("The final version is published."))
    return redirect("monitoring:self-assessment-changes", pk=report.pk)


def _content_items(content: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    statuses = {str(k): str(v) for k, v in MilestoneStatus.choices}
    items = [
        (f"section:{s['key']}", {"title": str(SECTION_LABELS.get(s["key"], s["key"])),
                                  "body": s["body"]})
        for s in content.get("sections", [])
    ]  # fmt: skip
    items += [
        (f"commitment:{c['identifier']}",
         {"title": f"{c['identifier']} {c['title']}", "status": statuses.get(c["status"], ""),
          "narrative": c["narrative"]})
        for c in content.get("commitments", [])
    ]  # fmt: skip
    return items


def self_assessment_changes(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed from the draft opened for comment to the published final version."""
    report = _report(request, pk)
    draft, final = selectors.version_pair(report)
    labels = {"body": _("Text"), "status": _("Completion"), "narrative": _("Narrative")}
    rows = diff_rows(
        _content_items(draft.content), _content_items(final.content), labels,
        ["body", "status", "narrative"],
    )  # fmt: skip
    return render(request, "monitoring/changes.html", {
        "report": report, "old": draft, "new": final, "diffs": rows,
        "back": report.get_absolute_url(),
    })  # fmt: skip


def self_assessment_comment_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Every comment on the report with its answer, oldest first, paginated (what we heard, what
    the government did); ``?show=unanswered`` keeps those still without an answer."""
    report = _report(request, pk)
    unanswered = request.GET.get("show") == "unanswered"
    page = paginate(request, selectors.self_assessment_comments(report, unanswered=unanswered))
    return render(request, "monitoring/comment_list.html", {
        "report": report, "page": page, "unanswered": unanswered,
        "labels": {f"section:{k}": v for k, v in SECTION_LABELS.items()},
        "can_answer": can(request, "monitoring.answer_self_assessment_comment", report)
        and report.is_editable,
        "answer_url": "monitoring:self-assessment-answer", "back": report.get_absolute_url(),
        "list_url": request.path,
    })  # fmt: skip
