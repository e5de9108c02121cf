"""Proposals (list, similar-first submission, support, comments) and offline input."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.cache_middleware import public_page
from ogp.core.errors import ServiceError

from ..domain.similarity import similar
from ..forms import (
    AnonymousProposalForm,
    CommentForm,
    OfflineInputForm,
    ProposalFilterForm,
    ProposalForm,
)
from ..models import Proposal, Support
from ..selectors import proposal_get, proposal_list, similar_candidates
from ..services import inputs as services
from .common import (
    add_service_error,
    check,
    current_user,
    rate_limited,
    visible_plan,
    visitor_page_cache,
)

PAGE_SIZE = 25


@public_page
@visitor_page_cache
def proposal_index(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    filters = ProposalFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    proposals = proposal_list(
        plan,
        policy_area=values.get("policy_area", ""),
        value=values.get("value", ""),
        query=values.get("q", ""),
        disposition=values.get("disposition", ""),
        sort=values.get("sort") or "supports",
        user=request.user,
    )
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    supported: set[int] = set()
    if request.user.is_authenticated:
        supported = set(
            Support.objects.filter(
                user=request.user, proposal__in=[p.pk for p in page]
            ).values_list("proposal_id", flat=True)
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cocreation/proposal_list.html",
        {
            "plan": plan,
            "filters": filters,
            "page": page,
            "supported": supported,
            "query": query.urlencode(),
            "can_propose": request.user.has_perm("cocreation.add_proposal", plan)
            or request.user.has_perm("cocreation.add_anonymous_proposal", plan),
        },
    )


@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Two steps without JavaScript: check for similar proposals, then confirm."""
    plan = visible_plan(request, slug)
    anonymous = request.user.has_perm("cocreation.add_anonymous_proposal", plan)
    if not anonymous and (denied := check(request, "cocreation.add_proposal", plan)):
        return denied
    form_class = AnonymousProposalForm if anonymous else ProposalForm
    form = form_class(request.POST or None)
    similar_ones: list[Proposal] = []
    checked = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matches = similar(f"{data['title']} {data['problem']}", similar_candidates(plan))
        by_pk = Proposal.objects.in_bulk([m.key for m in matches])
        similar_ones = [by_pk[m.key] for m in matches if m.key in by_pk]
        checked = True
        if "confirm" in request.POST or not similar_ones:
            if limited := rate_limited(request, "proposal"):
                return limited
            try:
                if anonymous:
                    data.pop("website_url", None)
                    services.proposal_create_anonymous(
                        plan=plan,
                        confirm_url=lambda token: request.build_absolute_uri(
                            reverse("cocreation:proposal-confirm", args=[token])
                        ),
                        **data,
                    )
                    return render(request, "cocreation/proposal_sent.html", {"plan": plan})
                proposal = services.proposal_create(
                    acting_user=current_user(request), plan=plan, **data
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: your proposal is published. "
                        "The government will answer it with a reason."
                    ),
                )
                return redirect(proposal)
    return render(
        request,
        "cocreation/proposal_form.html",
        {"form": form, "plan": plan, "similar": similar_ones, "checked": checked},
    )


def proposal_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = visible_plan(request, slug)
    proposal = proposal_get(plan, pk)
    user = request.user
    if proposal.is_hidden and not (
        user.is_authenticated and (user.pk == proposal.author_id or user.is_support_unit)
    ):  # type: ignore[attr-defined]
        return render(request, "cocreation/hidden.html", {"plan": plan}, status=410)
    comments = [
        c
        for c in proposal.comments.select_related("author")
        if not c.is_hidden
        or (user.is_authenticated and (c.author_id == user.pk or user.is_support_unit))  # type: ignore[attr-defined]
    ]
    return render(
        request,
        "cocreation/proposal_detail.html",
        {
            "plan": plan,
            "proposal": proposal,
            "entry": getattr(proposal, "ledger_entry", None),
            "comments": comments,
            "supports": user.is_authenticated and proposal.supports.filter(user=user).exists(),
            "can_support": user.has_perm("cocreation.support_proposal", proposal),
            "can_comment": user.has_perm("cocreation.comment_proposal", proposal),
            "can_respond": user.has_perm("cocreation.respond_input", plan) and plan.is_editable,
            "comment_form": CommentForm(),
        },
    )


@require_POST
def proposal_support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = visible_plan(request, slug)
    proposal = proposal_get(plan, pk)
    if denied := check(request, "cocreation.support_proposal", proposal):
        return denied
    if limited := rate_limited(request, "support"):
        return limited
    try:
        if request.POST.get("action") == "withdraw":
            services.proposal_unsupport(acting_user=current_user(request), proposal=proposal)
            messages.success(request, _("You no longer support this proposal."))
        else:
            services.proposal_support(acting_user=current_user(request), proposal=proposal)
            messages.success(request, _("You support this proposal."))
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(proposal)


@require_POST
def proposal_comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = visible_plan(request, slug)
    proposal = proposal_get(plan, pk)
    if denied := check(request, "cocreation.comment_proposal", proposal):
        return denied
    if limited := rate_limited(request, "comment"):
        return limited
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_comment_create(
                acting_user=current_user(request), proposal=proposal, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(proposal)


@require_http_methods(["GET", "POST"])
def offline_input_create(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.add_offline_input", plan):
        return denied
    form = OfflineInputForm(
        request.POST or None, plan=plan, initial={"language": (request.LANGUAGE_CODE or "en")[:2]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.offline_input_create(
                acting_user=current_user(request), plan=plan, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The input is recorded in the ledger."))
            return redirect("cocreation:ledger", plan.slug)
    return render(request, "cocreation/offline_form.html", {"form": form, "plan": plan})


def proposal_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link e-mailed to a visitor: publishes their proposal."""
    try:
        proposal = services.proposal_confirm(token=token)
    except ServiceError as error:
        return render(
            request,
            "cocreation/proposal_sent.html",
            {"error": " ".join(error.messages)},
            status=400,
        )
    messages.success(
        request,
        _("Thank you: your proposal is published. The government will answer it with a reason."),
    )
    return redirect(proposal)
