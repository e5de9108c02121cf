"""Standards tracking page, staff assessments, the evidence pack ZIP and the plan PDF."""

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.cache_middleware import public_page

from .. import exports
from ..forms import AssessmentForm
from ..rendering import plan_pdf
from ..selectors import (
    latest_published_version,
    ledger_entries,
    plan_standards,
    plan_timeline,
    version_get,
)
from ..services.standards import assessment_set
from .common import check, current_user, visible_plan, visitor_page_cache
from .labels import REQUIREMENT_TITLES, STANDARD_REASONS, STANDARD_TITLES


@public_page
@visitor_page_cache
def standards_page(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    today = timezone.localdate()
    results = plan_standards(plan, today=today)
    can_assess = request.user.has_perm("cocreation.assess_standards", plan)
    rows = [
        {
            "result": r,
            "title": REQUIREMENT_TITLES.get(r.code, r.code),
            "standard": STANDARD_TITLES.get(r.standard, ""),
            "reason": STANDARD_REASONS.get(r.reason, r.reason),
        }
        for r in results
    ]
    return render(
        request,
        "cocreation/standards.html",
        {
            "plan": plan,
            "rows": rows,
            "today": today,
            "can_assess": can_assess,
            "form": AssessmentForm(codes=[r.code for r in results]) if can_assess else None,
            "assessments": {a.code: a for a in plan.assessments.all()},
        },
    )


@require_POST
def assessment_record(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.assess_standards", plan):
        return denied
    codes = [r.code for r in plan.rule_set.parsed().requirements]
    form = AssessmentForm(request.POST, codes=codes)
    if form.is_valid():
        assessment_set(acting_user=current_user(request), plan=plan, **form.cleaned_data)
        messages.success(request, _("The assessment is recorded."))
    else:
        messages.error(request, _("Choose a requirement and a status."))
    return redirect("cocreation:standards", plan.slug)


def evidence_pack(request: HttpRequest, slug: str) -> HttpResponse:
    """A ZIP for independent researchers: documents, ledger, timeline, forum records, drafts."""
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.download_evidence", plan):
        return denied
    today = timezone.localdate()
    entries = list(ledger_entries(plan))
    timeline = plan_timeline(plan, today=today)
    files: dict[str, bytes] = {
        "ledger.csv": exports.ledger_csv(entries).encode(),
        "ledger.json": exports.ledger_json(plan, entries).encode(),
        "timeline.json": json.dumps(
            [
                {
                    "date": i.date.isoformat(),
                    "end": i.end.isoformat() if i.end else None,
                    "kind": i.kind,
                    "title": str(getattr(i.obj, "title", "") or i.obj),
                    "announced_on": getattr(i.obj, "published_on", None)
                    and i.obj.published_on.isoformat(),
                    "notice": i.notice.status.value if i.notice else None,
                }
                for i in timeline.items
            ],
            ensure_ascii=False,
            indent=2,
        ).encode(),
        "standards.json": json.dumps(
            [
                {
                    "code": r.code,
                    "standard": r.standard,
                    "status": r.status.value,
                    "reason": r.reason,
                    "evidence": list(r.evidence),
                    "verified_rule": r.verified,
                }
                for r in plan_standards(plan, today=today)
            ],
            indent=2,
        ).encode(),
    }
    forum = plan.forum
    if forum is not None:
        meetings = forum.meetings.order_by("date")
        files["forum/meetings.json"] = json.dumps(
            [
                {
                    "date": m.date.isoformat(),
                    "title": m.title,
                    "cancelled": m.is_cancelled,
                    "agenda": m.agenda,
                    "minutes": m.minutes,
                }
                for m in meetings
            ],
            ensure_ascii=False,
            indent=2,
        ).encode()
        files["forum/rules_of_participation.txt"] = forum.rules_of_participation.encode()
    for document in plan.documents.all():
        with document.file.open("rb") as handle:
            files[f"documents/{document.pk}-{(document.file.name or '').rsplit('/', 1)[-1]}"] = (
                handle.read()
            )
    for version in plan.versions.filter(number__isnull=False).order_by("number"):
        files[f"drafts/version-{version.number}.pdf"] = plan_pdf(
            plan, version_get(plan, version.number or 0), language=request.LANGUAGE_CODE[:2]
        )
    response = HttpResponse(
        exports.evidence_pack(plan, files=files), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-evidence-pack.zip"'
    return response


def plan_pdf_view(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    latest = latest_published_version(plan)
    if latest is None:
        raise Http404
    language = request.GET.get("language") or plan.submission_language or request.LANGUAGE_CODE[:2]
    if language not in {"en", "fr", "es"}:
        language = "en"
    response = HttpResponse(
        plan_pdf(plan, version_get(plan, latest.number or 0), language=language),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{plan.slug}-v{latest.number}.pdf"'
    return response
