"""The reasoned-response ledger: public page, exports, and the response form."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ogp.core.cache_middleware import cached_fragment, public_page
from ogp.core.errors import ServiceError

from .. import exports
from ..forms import ResponseForm
from ..models import DispositionChoices, InputKind, LedgerEntry
from ..selectors import (
    ledger_entries,
    linkable_commitments,
    linkable_milestones,
    plan_ledger_counts,
    plan_ledger_summary,
)
from ..services import inputs as services
from .common import add_service_error, check, current_user, visible_plan, visitor_page_cache

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> dict[str, Any]:
    kinds, dispositions = set(InputKind.values), {"unanswered", *DispositionChoices.values}
    kind = request.GET.get("kind", "")
    disposition = request.GET.get("disposition", "")
    language = request.GET.get("language", "")
    return {
        "kind": kind if kind in kinds else "",
        "disposition": disposition if disposition in dispositions else "",
        "language": language if language in {"en", "fr", "es"} else "",
    }


@public_page
@visitor_page_cache
def ledger_page(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    today = timezone.localdate()
    can_respond = request.user.has_perm("cocreation.respond_input", plan) and plan.is_editable
    can_offline = request.user.has_perm("cocreation.add_offline_input", plan) and plan.is_public

    def build() -> dict[str, Any]:
        filters = _filters(request)
        entries = ledger_entries(plan, **filters)
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "plan": plan,
            "page": page,
            "rows": [(e, exports.entry_row(e)) for e in page],
            "summary": plan_ledger_counts(plan, today=today),
            "filters": filters,
            "kinds": InputKind.choices,
            "dispositions": DispositionChoices.choices,
            "query": query.urlencode(),
            "can_respond": can_respond,
            "can_offline": can_offline,
        }

    # The same for every reader with the same two permissions (hidden inputs are left out for
    # everyone): rendered once per change of the published data (generation), per language,
    # address and day (ages count in days).
    name = f"cocreation-ledger:{plan.pk}:{today.isoformat()}:{can_respond:d}{can_offline:d}"
    body = cached_fragment(request, name, "cocreation/_ledger_body.html", build)
    return render(request, "cocreation/ledger.html", {"plan": plan, "body": body})


def ledger_unanswered(request: HttpRequest, slug: str) -> HttpResponse:
    """Unanswered inputs with their age, oldest first (what blocks submission)."""
    plan = visible_plan(request, slug)
    summary = plan_ledger_summary(plan, today=timezone.localdate())
    by_pk = LedgerEntry.objects.select_related("proposal", "comment", "offline").in_bulk(
        [int(u.key) for u in summary.unanswered]
    )
    rows = [(u, by_pk[int(u.key)]) for u in summary.unanswered if int(u.key) in by_pk]
    return render(
        request,
        "cocreation/ledger_unanswered.html",
        {"plan": plan, "rows": rows, "summary": summary},
    )


def ledger_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.view_ledger", plan):
        return denied
    entries = ledger_entries(plan, **_filters(request))
    if fmt == "json":
        response = HttpResponse(
            exports.ledger_json(plan, entries), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(exports.ledger_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-ledger.{fmt}"'
    return response


@require_http_methods(["GET", "POST"])
def ledger_respond(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    plan = visible_plan(request, slug)
    entry = get_object_or_404(
        LedgerEntry.objects.select_related("proposal", "comment__version", "offline"),
        plan=plan,
        pk=pk,
    )
    if denied := check(request, "cocreation.respond_input", entry):
        return denied
    initial = {
        "disposition": entry.disposition or None,
        "reason": entry.reason,
        "linked_commitment": entry.linked_commitment_id,
        "linked_milestone": entry.linked_milestone_id,
        "merged_into": str(entry.merged_into_id or ""),
    }
    form = ResponseForm(
        request.POST or None,
        initial=initial,
        commitments=linkable_commitments(plan),
        milestones=linkable_milestones(plan),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        commitment = plan_commitment(plan, data["linked_commitment"])
        milestone = plan_milestone(plan, data["linked_milestone"])
        merged = (
            LedgerEntry.objects.filter(plan=plan, pk=data["merged_into"]).first()
            if data["merged_into"]
            else None
        )
        if data["merged_into"] and merged is None:
            form.add_error("merged_into", _("There is no input with this number in this plan."))
        else:
            try:
                services.ledger_respond(
                    acting_user=current_user(request),
                    entry=entry,
                    disposition=data["disposition"],
                    reason=data["reason"],
                    linked_commitment=commitment,
                    linked_milestone=milestone,
                    merged_into=merged,
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The response is published in the ledger."))
                if _safe_next(request):
                    return redirect(request.POST["next"])
                return redirect("cocreation:ledger", plan.slug)
    return render(
        request,
        "cocreation/ledger_respond.html",
        {
            "form": form,
            "plan": plan,
            "entry": entry,
            "row": exports.entry_row(entry),
            "next": request.GET.get("next", ""),
        },
    )


def _safe_next(request: HttpRequest) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    )


def plan_commitment(plan, pk):  # type: ignore[no-untyped-def]
    from ..models import DraftCommitment

    return (
        DraftCommitment.objects.filter(version__plan=plan, pk=pk).select_related("version").first()
        if pk
        else None
    )


def plan_milestone(plan, pk):  # type: ignore[no-untyped-def]
    from ..models import DraftMilestone

    return (
        DraftMilestone.objects.filter(commitment__version__plan=plan, pk=pk)
        .select_related("commitment__version")
        .first()
        if pk
        else None
    )
