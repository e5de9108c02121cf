"""Plans: list, country page, plan page with its timeline, create/edit, steps, opportunities,
open, submit, withdraw."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.cache_middleware import cached_fragment, public_page
from ogp.core.errors import ServiceError
from ogp.core.uploads import serve_private_file
from ogp.countries.models import Country

from ..domain.plan_state import PlanActor, actions_from
from ..forms import DocumentForm, OpportunityForm, PlanForm, ReasonForm, StepForm, SubmitForm
from ..models import Opportunity, PlanDocument, TimelineStep
from ..selectors import (
    latest_published_version,
    plan_ledger_counts,
    plan_ledger_summary,
    plan_list,
    plan_timeline,
    shadow_list,
)
from ..services import plans as services
from .common import add_service_error, check, current_user, visible_plan, visitor_page_cache


def plan_index(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "cocreation/plan_list.html",
        {
            "plans": plan_list(user=user),
            "shadows": shadow_list()[:20],
            "can_add": bool(getattr(user, "country_id", None))
            and user.has_perm("cocreation.add_plan", getattr(user, "country", None)),
            "can_add_shadow": user.has_perm("cocreation.add_shadow_plan"),
        },
    )


def country_page(request: HttpRequest, iso3: str) -> HttpResponse:
    country = get_object_or_404(Country, iso3=iso3.upper())
    return render(
        request,
        "cocreation/country.html",
        {
            "country": country,
            "plans": plan_list(user=request.user, country=country),
            "shadows": shadow_list(country=country),
            "can_add": request.user.has_perm("cocreation.add_plan", country),
        },
    )


@public_page
@visitor_page_cache
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    today = timezone.localdate()
    user = request.user
    can_change = user.has_perm("cocreation.change_plan", plan) and plan.is_editable
    actor = (
        PlanActor.SUPPORT_UNIT if getattr(user, "is_support_unit", False) else PlanActor.GOVERNMENT
    )
    actions = (
        actions_from(plan.state, actor) if user.has_perm("cocreation.change_plan", plan) else ()
    )
    published: dict[str, Any] = {}

    def build() -> dict[str, Any]:
        """What every reader sees (computed once for both fragments, and only on a miss)."""
        if not published:
            published.update(
                plan=plan,
                timeline=plan_timeline(plan, today=today),
                latest=latest_published_version(plan),
                documents=plan.documents.all(),
                ledger=plan_ledger_counts(plan, today=today),
                delivery=services.plan_delivery(plan, today=today),
                today=today,
            )
        return {**published, "can_change": can_change}

    # Published data, the same for every reader (the timeline's edit links for those who may
    # change the plan): rendered once per change of the published data, language and day.
    day = today.isoformat()
    facts = cached_fragment(
        request, f"cocreation-plan-facts:{plan.pk}:{day}", "cocreation/_plan_facts.html", build
    )
    timeline_html = cached_fragment(
        request,
        f"cocreation-plan-timeline:{plan.pk}:{day}:{can_change:d}",
        "cocreation/_plan_timeline.html",
        build,
    )
    return render(
        request,
        "cocreation/plan_detail.html",
        {
            "plan": plan,
            "facts": facts,
            "timeline_html": timeline_html,
            "can_change": can_change,
            "can_open": "open" in actions and user.has_perm("cocreation.open_plan", plan),
            "can_submit": "submit" in actions and user.has_perm("cocreation.submit_plan", plan),
            "can_withdraw": "withdraw" in actions,
            "can_edit_draft": user.has_perm("cocreation.edit_draft", plan) and plan.is_editable,
            "can_offline": user.has_perm("cocreation.add_offline_input", plan) and plan.is_public,
            "can_propose": user.has_perm("cocreation.add_proposal", plan)
            or user.has_perm("cocreation.add_anonymous_proposal", plan),
            "can_review": user.has_perm("cocreation.review_plan", plan)
            and plan.state == "submitted",
        },
    )


def _plan_form_initial(plan):  # type: ignore[no-untyped-def]
    return {
        "title": plan.title,
        "summary": plan.summary,
        "period_years": plan.period_years,
        "starts_on": plan.starts_on,
        "previous_plan_end": plan.previous_plan_end,
        "forum": plan.forum_id,
        "proposals_open": plan.proposals_open,
        "anonymous_proposals": plan.anonymous_proposals,
    }


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest, iso3: str) -> HttpResponse:
    country = get_object_or_404(Country, iso3=iso3.upper())
    if denied := check(request, "cocreation.add_plan", country):
        return denied
    form = PlanForm(request.POST or None, country=country)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                acting_user=current_user(request), country=country, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("The plan is created. Add its timeline, then open co-creation.")
            )
            return redirect(plan)
    return render(request, "cocreation/plan_form.html", {"form": form, "country": country})


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.change_plan", plan):
        return denied
    form = PlanForm(request.POST or None, country=plan.country, initial=_plan_form_initial(plan))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(acting_user=current_user(request), plan=plan, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(plan)
    return render(
        request, "cocreation/plan_form.html", {"form": form, "country": plan.country, "plan": plan}
    )


@require_http_methods(["GET", "POST"])
def step_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.change_plan", plan):
        return denied
    step = get_object_or_404(TimelineStep, plan=plan, pk=pk) if pk else None
    initial = (
        {f: getattr(step, f) for f in ("kind", "title", "description", "starts_on", "ends_on")}
        if step
        else {}
    )
    form = StepForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if "delete" in request.POST and step is not None:
            try:
                services.step_delete(acting_user=current_user(request), step=step)
            except ServiceError as error:
                messages.error(request, " ".join(error.messages))
            return redirect(plan)
        if form.is_valid():
            try:
                services.step_save(
                    acting_user=current_user(request), plan=plan, step=step, **form.cleaned_data
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(plan)
    return render(request, "cocreation/step_form.html", {"form": form, "plan": plan, "step": step})


@require_http_methods(["GET", "POST"])
def opportunity_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.change_plan", plan):
        return denied
    opportunity = get_object_or_404(Opportunity, plan=plan, pk=pk) if pk else None
    fields = (
        "kind",
        "title",
        "description",
        "location",
        "opens_on",
        "closes_on",
        "open_to_anyone",
        "step",
    )
    initial = {f: getattr(opportunity, f) for f in fields} if opportunity else {}
    form = OpportunityForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.opportunity_save(
                acting_user=current_user(request),
                plan=plan,
                opportunity=opportunity,
                **form.cleaned_data,
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(plan)
    return render(
        request,
        "cocreation/opportunity_form.html",
        {"form": form, "plan": plan, "opportunity": opportunity},
    )


@require_POST
def plan_open(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.open_plan", plan):
        return denied
    try:
        services.plan_open(acting_user=current_user(request), plan=plan)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Co-creation is open: the timeline and opportunities are public.")
        )
    return redirect(plan)


@require_http_methods(["GET", "POST"])
def plan_submit(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.submit_plan", plan):
        return denied
    today = timezone.localdate()
    ledger = plan_ledger_summary(plan, today=today)
    form = SubmitForm(
        request.POST or None, initial={"language": (request.LANGUAGE_CODE or "en")[:2]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_submit(acting_user=current_user(request), plan=plan, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The plan is submitted to the Support Unit."))
            return redirect(plan)
    return render(
        request,
        "cocreation/plan_submit.html",
        {"form": form, "plan": plan, "ledger": ledger, "latest": latest_published_version(plan)},
    )


@require_http_methods(["GET", "POST"])
def plan_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.change_plan", plan):
        return denied
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_withdraw(
                acting_user=current_user(request), plan=plan, reason=form.cleaned_data["reason"]
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The plan is withdrawn."))
            return redirect(plan)
    return render(
        request,
        "cocreation/reason_form.html",
        {"form": form, "plan": plan, "heading": _("Withdraw the plan"), "button": _("Withdraw")},
    )


@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.change_plan", plan):
        return denied
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add(acting_user=current_user(request), plan=plan, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The document is published with the plan."))
            return redirect(plan)
    return render(request, "cocreation/document_form.html", {"form": form, "plan": plan})


def document_download(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """Documents of a public plan are public (Standard 2.2: a public document repository)."""
    plan = visible_plan(request, slug)
    document = get_object_or_404(PlanDocument, plan=plan, pk=pk)
    return serve_private_file(request, document.file, f"{document.title}.pdf")
