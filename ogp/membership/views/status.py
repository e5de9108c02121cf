"""Membership status changes by the Support Unit."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import require
from ogp.countries.models import MembershipStatus
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..domain import status as status_rules
from ..domain.status import Actor, Requirement, StatusFacts
from ..forms import (
    StatusChangeForm,
)
from ..models import LetterOfIntent
from ..refusals import REQUIREMENT_LABELS
from .common import (
    _error_text,
    _user,
)

# --- Membership status (staff) --------------------------------------------------------------


def status_change(request: HttpRequest, iso3: str) -> HttpResponse:
    """Two steps, without JavaScript: choose the new status, then give only what it requires."""
    country = country_get(iso3)
    require(request, "membership.change_status", country)
    current = status_rules.Status(country.membership_status)
    transitions = status_rules.targets_for_actor(current, Actor.SUPPORT_UNIT)
    by_target = {t.target.value: t for t in transitions}
    eligibility = selectors.country_eligibility(country)
    contrary = selectors.contrary_record(country)
    chosen = by_target.get(request.POST.get("target") or request.GET.get("target") or "")
    labels = dict(MembershipStatus.choices)
    allowed = [
        {
            "value": t.target.value,
            "target": labels[t.target.value],
            "requires": [REQUIREMENT_LABELS[r] for r in t.requires],
        }
        for t in transitions
    ]
    context = {
        "country": country,
        "transitions": transitions,
        "allowed": allowed,
        "eligibility": eligibility,
        "chosen": chosen,
        "chosen_label": labels[chosen.target.value] if chosen else "",
        "chosen_requires": [REQUIREMENT_LABELS[r] for r in chosen.requires] if chosen else [],
        "contrary": contrary,
        "shows_contrary": bool(
            chosen
            and {Requirement.CONTRARY_FINDING, Requirement.TWO_CONTRARY_CYCLES}
            & set(chosen.requires)
        ),
    }
    if chosen is None:
        if request.method == "POST":
            context["choice_error"] = _("Choose the new status.")
        return render(request, "membership/status_change.html", context)
    initial = {
        "target": chosen.target.value,
        "consecutive_cycles_below_minimum": 2 if eligibility.eligibility_review else 0,
    }
    form = StatusChangeForm(
        request.POST if request.method == "POST" else None,
        targets=list(by_target),
        requires=chosen.requires,
        initial=initial,
    )
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        workspace_data = selectors.country_workspace(country)
        letters = workspace_data["letters"]
        onboarding = workspace_data["onboarding"]
        core, values = eligibility.facts.core_eligible, eligibility.facts.values_check_passed
        assessment = form.value("eligibility_assessment", "")
        if assessment == "eligible":
            core, values = True, True
        elif assessment == "not_eligible":
            core = False
        decision_reference = form.value("decision_reference", "").strip()
        facts = StatusFacts(
            core_eligible=core,
            values_check_passed=values,
            un_member=country.un_member,
            letter_submitted=any(x.state == LetterOfIntent.State.SUBMITTED for x in letters),
            letter_accepted=any(x.state == LetterOfIntent.State.ACCEPTED for x in letters),
            reason=data["reason"],
            co_creation_started=bool(
                onboarding and any(s.item == "co_creation_started" for s in onboarding.steps.all())
            ),
            consecutive_cycles_below_minimum=form.value(
                "consecutive_cycles_below_minimum", initial["consecutive_cycles_below_minimum"]
            ),
            contrary_to_process_finding=contrary.confirmed,
            consecutive_contrary_cycles=contrary.consecutive_cycles,
            contrary_to_process_resolved=form.value("contrary_to_process_resolved", False),
            decision_reference=decision_reference,
            withdrawal_notice=form.value("withdrawal_notice", False),
        )
        reason = data["reason"].strip()
        if decision_reference:
            reason = f"{reason} ({decision_reference})"
        try:
            services.membership_status_change(
                acting_user=_user(request),
                country=country,
                target=data["target"],
                facts=facts,
                reason=reason,
                effective_date=data["effective_date"],
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status has been changed."))
            return redirect("membership:country", iso3=country.iso3)
    return render(request, "membership/status_change.html", context)


@require_POST
def status_sync(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.change_status", country)
    try:
        change = services.membership_status_sync_eligibility(
            acting_user=_user(request), country=country
        )
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        if change is None:
            messages.info(request, _("The latest eligibility cycle implies no change of status."))
        else:
            messages.success(
                request,
                _("Status changed to %(status)s.") % {"status": change.get_to_status_display()},
            )
    return redirect("membership:status-change", iso3=country.iso3)


@require_POST
def step_unmark(request: HttpRequest, iso3: str, item: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.assign_contact", country)
    try:
        services.onboarding_step_unmark(acting_user=_user(request), country=country, item=item)
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The step is marked as not done again."))
    return redirect("membership:workspace", iso3=country.iso3)
