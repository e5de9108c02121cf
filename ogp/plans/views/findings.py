"""Support Unit: the queue of contrary-to-process findings; the public: confirmed letters."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ogp.core.errors import ServiceError
from ogp.core.permissions import permission_required
from ogp.plans import services
from ogp.plans.domain.contrary import Trigger
from ogp.plans.models import ActionPlan, ContraryFinding, FindingState
from ogp.plans.services.contrary import TRIGGER_LABELS


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("confirm", gettext_lazy("Confirm")), ("dismiss", gettext_lazy("Dismiss"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for the decision"), widget=forms.Textarea(attrs={"rows": 2})
    )


@permission_required("plans.decide_contrary_finding")
def finding_queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("action") == "evaluate":
        created = 0
        for plan in ActionPlan.objects.select_related("country"):
            created += len(services.contrary_findings_evaluate(acting_user=request.user, plan=plan))
        messages.success(
            request, _("%(count)s new findings proposed by the rules.") % {"count": created}
        )
        return redirect("plans:findings")
    error = ""
    if request.method == "POST":
        finding = get_object_or_404(ContraryFinding, pk=request.POST.get("finding"))
        form = DecisionForm(request.POST, prefix=f"f{finding.pk}")
        if form.is_valid():
            action = (
                services.contrary_finding_confirm
                if form.cleaned_data["decision"] == "confirm"
                else services.contrary_finding_dismiss
            )
            try:
                action(
                    acting_user=request.user, finding=finding, reason=form.cleaned_data["reason"]
                )
            except ServiceError as exc:
                error = " ".join(exc.messages)
            else:
                return redirect("plans:findings")
        else:
            error = _("Choose a decision and give its reason.")
    proposed = list(
        ContraryFinding.objects.filter(state=FindingState.PROPOSED).select_related(
            "plan__country", "plan__locality"
        )
    )
    rows = [
        {"finding": f, "trigger": str(TRIGGER_LABELS.get(Trigger(f.trigger), f.trigger)),
         "form": DecisionForm(prefix=f"f{f.pk}")}
        for f in proposed
    ]  # fmt: skip
    decided = list(
        ContraryFinding.objects.exclude(state=FindingState.PROPOSED).select_related(
            "plan__country", "plan__locality", "decided_by"
        )[:50]
    )
    for finding in decided:
        finding.trigger_label = str(TRIGGER_LABELS.get(Trigger(finding.trigger), finding.trigger))  # type: ignore[attr-defined]
    return render(
        request,
        "plans/findings.html",
        {"rows": rows, "decided": decided, "error": error, "labels": TRIGGER_LABELS},
    )


def finding_letter(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = get_object_or_404(
        ContraryFinding.objects.select_related("plan__country", "plan__locality"), pk=finding_id
    )
    if finding.state != FindingState.CONFIRMED:
        raise Http404
    language = (translation.get_language() or "en")[:2]
    return render(
        request,
        "plans/finding_letter.html",
        {"finding": finding, "letter": finding.letter.get(language) or finding.letter.get("en")},
    )
