"""Evidence through the additional-information route: submit, list, documents."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ogp.core.permissions import permission_required, require
from ogp.core.uploads import serve_private_file
from ogp.countries.models import Country
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..forms import (
    EvidenceForm,
)
from ..models import Cycle, CycleState, EvidenceSubmission


def _country_for_evidence(request: HttpRequest, iso3: str) -> Country:
    return country_get(iso3)


@permission_required("eligibility.submit_evidence", _country_for_evidence)
def evidence_submit(request: HttpRequest, iso3: str) -> HttpResponse:
    the_country = country_get(iso3)
    if not the_country.un_member:
        raise Http404  # only UN member states are scored: nothing to send evidence for
    cycle = (
        Cycle.objects.exclude(state=CycleState.PUBLISHED)
        .select_related("ruleset")
        .order_by("-year")
        .first()
    )
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and cycle is not None and form.is_valid():
        try:
            services.evidence_submit(
                acting_user=request.user,
                cycle=cycle,
                country=the_country,
                criterion=form.cleaned_data["criterion"],
                summary=form.cleaned_data["summary"],
                source_url=form.cleaned_data["source_url"],
                document=form.cleaned_data.get("document"),
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The Support Unit will review your evidence "
                    "and record its decision with a reason."
                ),
            )
            return redirect("eligibility:my-evidence")
    return render(
        request,
        "eligibility/evidence_form.html",
        {"form": form, "country": the_country, "cycle": cycle},
    )


def my_evidence(request: HttpRequest) -> HttpResponse:
    require(request, "eligibility.view_own_evidence")
    return render(
        request,
        "eligibility/my_evidence.html",
        {"submissions": selectors.evidence_for_user(request.user)},
    )


def evidence_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    sub = get_object_or_404(EvidenceSubmission, pk=pk)
    require(request, "eligibility.view_evidence", sub)
    if not sub.document:
        raise Http404
    return serve_private_file(request, sub.document, f"evidence-{sub.pk}.pdf")
