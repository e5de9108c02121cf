"""Managing a cycle: configure, compute, publish, evidence decisions, rule set versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ogp.core.permissions import permission_required
from ogp.countries.models import Country

from .. import selectors, services
from ..forms import (
    CycleConfigureForm,
    EvidenceDecisionForm,
    RuleSetForm,
)
from ..labels import (
    CRITERION_LABELS,
    STATUS_LABELS,
    raw_value_text,
    source_label,
)
from ..models import Cycle, CycleState, EvidenceSubmission, RuleSetVersion
from .common import (
    MANAGE,
)


def _points_text(n: int | None) -> str:
    if n is None:
        return _("not assessed")
    return ngettext("%(n)s point", "%(n)s points", n) % {"n": n}


def _value_text(code: str, raw: str, source: Any) -> str:
    if not raw:
        return _("no source value")
    return _("%(value)s (%(source)s)") % {
        "value": raw_value_text(code, raw),
        "source": source_label(source),
    }


def _criterion_change_text(c: Any) -> str:
    """One criterion's change in plain words: points before and after, and why."""
    return _("%(criterion)s: %(old)s → %(new)s. Before: %(old_value)s. Now: %(new_value)s.") % {
        "criterion": CRITERION_LABELS.get(c.code, c.code),
        "old": _points_text(c.old_points),
        "new": _points_text(c.new_points),
        "old_value": _value_text(c.code, c.old_raw, c.old_source),
        "new_value": _value_text(c.code, c.new_raw, c.new_source),
    }


@permission_required(MANAGE)
def cycle_manage(request: HttpRequest, year: int) -> HttpResponse:
    return _cycle_manage(request, year)


def _cycle_manage(
    request: HttpRequest, year: int, decided: dict[str, Any] | None = None
) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("ruleset"), year=year)
    form = CycleConfigureForm(
        request.POST if request.POST.get("action") == "configure" else None,
        cycle=cycle,
        initial={"ruleset": cycle.ruleset, "releases": list(cycle.releases.all())},
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "configure":
                if form.is_valid():
                    services.cycle_configure(
                        acting_user=request.user,
                        cycle=cycle,
                        ruleset=form.cleaned_data["ruleset"],
                        releases=list(form.cleaned_data["releases"]),
                    )
                    messages.success(
                        request, _("Rule set and releases saved. Compute the cycle again.")
                    )
                    return redirect("eligibility:cycle-manage", year=year)
            elif action == "compute":
                services.cycle_compute(acting_user=request.user, cycle=cycle)
                messages.success(request, _("Every country has been scored."))
                return redirect("eligibility:cycle-manage", year=year)
            elif action == "publish":
                services.cycle_publish(acting_user=request.user, cycle=cycle)
                messages.success(request, _("Cycle %(year)s published.") % {"year": year})
                return redirect("eligibility:cycle-manage", year=year)
        except ValidationError as err:
            messages.error(request, " ".join(err.messages))
            return redirect("eligibility:cycle-manage", year=year)
    prev, changes = selectors.cycle_changes(cycle)
    names = dict(Country.objects.values_list("iso3", "name_en"))
    lang = (translation.get_language() or "en")[:2]
    if lang != "en":
        names.update({k: v for k, v in Country.objects.values_list("iso3", f"name_{lang}") if v})
    change_rows = []
    for ch in changes:
        change_rows.append(
            {
                "iso3": ch.iso3,
                "name": names.get(ch.iso3, ch.iso3),
                "crossing": ch.crossing,
                "old_status": STATUS_LABELS.get(ch.old_status or "", "—"),
                "new_status": STATUS_LABELS.get(ch.new_status or "", "—"),
                "old_total": ch.old_total,
                "new_total": ch.new_total,
                "values_check_changed": ch.values_check_changed,
                "criteria": [_criterion_change_text(c) for c in ch.criteria],
            }
        )
    crossed = [c for c in change_rows if c["crossing"] in ("became_eligible", "lost_eligibility")]
    evidence = cycle.evidence.select_related("country", "submitted_by", "decided_by")
    reproducible = None
    if cycle.state != CycleState.DRAFT and request.GET.get("verify"):
        reproducible = services.cycle_recompute_checksum(cycle) == cycle.checksum
    counts: dict[str, int] = {}
    for status in cycle.results.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return render(
        request,
        "eligibility/cycle_manage.html",
        {
            "cycle": cycle,
            "form": form,
            "previous": prev,
            "changes": change_rows,
            "crossed": crossed,
            "evidence": evidence,
            "decision_form": EvidenceDecisionForm(),
            "reproducible": reproducible,
            "counts": [(STATUS_LABELS[s], counts.get(s, 0)) for s in STATUS_LABELS],
            "releases": cycle.releases.all(),
            "decided": decided,
        },
    )


@permission_required(MANAGE)
def evidence_decide(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_object_or_404(EvidenceSubmission.objects.select_related("cycle"), pk=pk)
    if request.method != "POST":  # e.g. the language switcher on a page shown after an error
        return redirect(reverse("eligibility:cycle-manage", args=[sub.cycle.year]) + "#evidence")
    form = EvidenceDecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                services.evidence_accept(
                    acting_user=request.user,
                    submission=sub,
                    points=form.cleaned_data["points"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("Evidence accepted; the criterion is overridden in this cycle.")
                )
            else:
                services.evidence_reject(
                    acting_user=request.user, submission=sub, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Evidence rejected."))
        except ValidationError as err:
            errors = list(err.messages)
        else:
            return redirect(
                reverse("eligibility:cycle-manage", args=[sub.cycle.year]) + "#evidence"
            )
    else:
        errors = [str(e) for errs in form.errors.values() for e in errs]
    # the cycle page again, this submission's form keeping what was typed, its error beside it
    decided = {"pk": sub.pk, "data": request.POST, "error": " ".join(errors)}
    return _cycle_manage(request, sub.cycle.year, decided=decided)


@permission_required(MANAGE)
def ruleset_create(request: HttpRequest, pk: int) -> HttpResponse:
    base = get_object_or_404(RuleSetVersion, pk=pk)
    form = RuleSetForm(request.POST or None, initial=RuleSetForm.initial_from(base.definition))
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.ruleset_create(
                acting_user=request.user, based_on=base, definition=form.definition(base.definition)
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(request, _("Rule set %(rs)s created.") % {"rs": obj})
            return redirect(obj)
    return render(request, "eligibility/ruleset_form.html", {"form": form, "base": base})
