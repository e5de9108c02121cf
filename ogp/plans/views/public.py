"""Public pages: commitment explorer, commitment, plan and country pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.core.cache_middleware import public_page
from ogp.core.errors import ServiceError
from ogp.countries.selectors import country_get
from ogp.plans import charts, exports, feeds, selectors, services
from ogp.plans.domain.progress import MilestoneFact, is_overdue
from ogp.plans.domain.progress import MilestoneStatus as DomainStatus
from ogp.plans.forms import ExplorerForm, PlanDatesForm
from ogp.plans.labels import (
    CODING_LABELS,
    COMPLETION_ORDER,
    coding_rows,
    completion_label,
)
from ogp.plans.models import (
    CodingScaleVersion,
    ContraryFinding,
    FindingState,
    InstitutionRole,
    IRMReport,
    ReviewVerdict,
)

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[ExplorerForm, selectors.ExplorerFilters]:
    form = ExplorerForm(request.GET or None, facets=selectors.explorer_facets())
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()  # an invalid field shows its error; the valid ones still filter
        data = form.cleaned_data
    filters = selectors.ExplorerFilters(**{k: v or "" for k, v in data.items()})
    if not filters.sort:
        filters = selectors.ExplorerFilters(**{**filters.__dict__, "sort": "identifier"})
    return form, filters


@public_page
def explorer(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    counts = selectors.explorer_charts_cached(filters, selectors.commitment_search(filters))
    paginator = Paginator(selectors.explorer_page_list(filters), PAGE_SIZE)
    paginator.count = counts["flags"]["total"]  # known from the (cached) counts: no COUNT(*)
    page = paginator.get_page(request.GET.get("page"))
    completion_rows = [
        (completion_label(code), counts["by_completion"].get(code, 0)) for code in COMPLETION_ORDER
    ]
    completion_rows.append((_("Not assessed"), counts["by_completion"].get("", 0)))
    flags = counts["flags"]
    flag_rows = [(str(label), flags[key]) for key, label in CODING_LABELS.items()]
    year_rows = [(str(year), n) for year, n in counts["by_year"]]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/explorer.html",
        {
            "form": form,
            "page": page,
            "total": flags["total"],
            "query": query.urlencode(),
            "charts": [
                {
                    "id": "completion",
                    "title": _("Commitments by IRM completion"),
                    "chart": charts.bar_chart(completion_rows),
                },
                {
                    "id": "coding",
                    "title": _("Starred, high completion and strong early results"),
                    "chart": charts.bar_chart(flag_rows),
                },
                {
                    "id": "year",
                    "title": _("Commitments by year the plan was submitted"),
                    "chart": charts.bar_chart(year_rows, label_w=60),
                },
            ],
        },
    )


def explorer_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx", "json"):
        raise Http404
    _form, filters = _filters(request)
    qs = selectors.commitments_for_export(selectors.commitment_search(filters))
    scale_codes = dict(CodingScaleVersion.objects.values_list("id", "code"))
    lines = list(exports.table(qs, scale_codes))
    content_types = {
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    body = {"csv": exports.to_csv, "json": exports.to_json, "xlsx": exports.to_xlsx}[fmt](lines)
    response = HttpResponse(body, content_type=content_types[fmt])
    response["Content-Disposition"] = f'attachment; filename="ogp-commitments.{fmt}"'
    return response


def _milestone_rows(commitment: Any, user: Any) -> list[dict[str, Any]]:
    today = timezone.localdate()
    rows = []
    for m in commitment.milestones.all():
        updates = list(m.updates.all())
        for update in updates:
            update.disputes = [
                r for r in update.reviews.all() if r.verdict == ReviewVerdict.DISPUTE
            ]
            update.confirmations = [
                r for r in update.reviews.all() if r.verdict == ReviewVerdict.CONFIRM
            ]
            update.can_review = user.has_perm("plans.review_progress", update)
        fact = MilestoneFact(DomainStatus(m.status), m.weight, m.due_date)
        rows.append(
            {
                "milestone": m,
                "updates": updates,
                "overdue": is_overdue(fact, today),
                "disputed": bool(m.civil_society_status),
                "can_post": user.has_perm("plans.post_progress", m),
            }
        )
    return rows


@public_page
def commitment_detail(request: HttpRequest, identifier: str) -> HttpResponse:
    commitment = selectors.commitment_get(identifier)
    institutions = list(commitment.institutions.all())
    return render(
        request,
        "plans/commitment_detail.html",
        {
            "commitment": commitment,
            "plan": commitment.plan,
            "lead": [i for i in institutions if i.role == InstitutionRole.LEAD],
            "supporting": [i for i in institutions if i.role == InstitutionRole.SUPPORTING],
            "coding": coding_rows(commitment.irm_coding),
            "completion_label": completion_label(commitment.completion),
            "progress_label": completion_label(commitment.progress_level)
            if commitment.progress_level
            else "",
            "milestones": _milestone_rows(commitment, request.user),
            "can_add_milestone": request.user.has_perm("plans.add_milestone", commitment),
            "can_edit": request.user.has_perm("plans.change_commitment", commitment),
        },
    )


def commitment_atom(request: HttpRequest, identifier: str) -> HttpResponse:
    commitment = selectors.commitment_get(identifier)
    return HttpResponse(
        feeds.commitment_atom(commitment), content_type="application/atom+xml; charset=utf-8"
    )


def commitment_ical(request: HttpRequest, identifier: str) -> HttpResponse:
    commitment = selectors.commitment_get(identifier)
    response = HttpResponse(
        feeds.milestone_calendar(commitment), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{commitment.identifier}.ics"'
    return response


@public_page
def plan_detail(request: HttpRequest, ogp_id: str) -> HttpResponse:
    plan = selectors.plan_get(ogp_id)
    can_change = request.user.has_perm("plans.change_plan", plan)
    dates_form = None
    if can_change:
        dates_form = PlanDatesForm(
            request.POST or None,
            initial={"due_date": plan.due_date, "published_on": plan.published_on},
        )
        if request.method == "POST" and dates_form.is_valid():
            try:
                services.plan_dates_set(
                    acting_user=request.user, plan=plan, **dates_form.cleaned_data
                )
            except ServiceError as exc:
                dates_form.add_error(None, " ".join(exc.messages))
            else:
                return redirect(plan.get_absolute_url())
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "commitments": selectors.plan_commitments(plan),
            "reports": [
                r
                for r in IRMReport.objects.filter(plan=plan)
                if request.user.has_perm("plans.view_irm_report", r)
            ],
            "can_add_report": request.user.has_perm("plans.add_irm_report", plan),
            "dates_form": dates_form,
            "findings": list(
                ContraryFinding.objects.filter(plan=plan, state=FindingState.CONFIRMED)
            ),
        },
    )


@public_page
def country_plans(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    plans = selectors.country_plans(country)
    rows = [
        (f"{p.period} {p.locality.name if p.locality else ''}".strip(), int(p.n_commitments))  # type: ignore[attr-defined]
        for p in plans
    ]
    return render(
        request,
        "plans/country.html",
        {
            "country": country,
            "plans": plans,
            "chart": charts.bar_chart(rows, label_w=200),
        },
    )
