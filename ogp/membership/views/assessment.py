"""Requests for assessment through the additional-information route: ask, decide, evidence."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ogp.core.errors import ServiceError
from ogp.core.permissions import can, require
from ogp.core.uploads import serve_private_file
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..forms import AssessmentDecisionForm, AssessmentRequestForm
from .common import _user


def assessment_request(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.request_assessment", country)
    if not selectors.assessment_can_be_requested(country):
        messages.info(request, _("No request for assessment is needed for this country now."))
        return redirect("membership:workspace", iso3=country.iso3)
    form = AssessmentRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_request_create(
                acting_user=_user(request),
                country=country,
                evidence=form.cleaned_data["evidence"],
                source_url=form.cleaned_data["source_url"],
                document=form.cleaned_data.get("document"),
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent. The Support Unit has your evidence assessed by "
                    "independent experts and records the result here; you will receive an "
                    "e-mail."
                ),
            )
            return redirect("membership:workspace", iso3=country.iso3)
    return render(
        request,
        "membership/assessment_request.html",
        {"country": country, "form": form, "eligibility": selectors.country_eligibility(country)},
    )


def assessment_decide(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    country = country_get(iso3)
    item = selectors.assessment_get(country, pk)
    require(request, "membership.view_assessment", item)
    can_decide = item.is_open and can(request, "membership.decide_assessment", country)
    form = AssessmentDecisionForm(request.POST or None) if can_decide else None
    if request.method == "POST":
        if form is None:
            if item.is_open:  # open, but this visitor may not decide: refused
                require(request, "membership.decide_assessment", country)
            return redirect(request.path)
        if form.is_valid():
            try:
                services.assessment_request_decide(
                    acting_user=_user(request),
                    request=item,
                    eligible=form.cleaned_data["outcome"] == "eligible",
                    reason=form.cleaned_data["reason"],
                    decided_on=form.cleaned_data["decided_on"],
                )
            except ServiceError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The result is recorded and the government has been told.")
                )
                return redirect("membership:workspace", iso3=country.iso3)
    return render(
        request,
        "membership/assessment_decide.html",
        {
            "country": country,
            "item": item,
            "form": form,
            "eligibility": selectors.country_eligibility(country),
        },
    )


def assessment_document(request: HttpRequest, iso3: str, pk: int) -> HttpResponseBase:
    country = country_get(iso3)
    item = selectors.assessment_get(country, pk)
    require(request, "membership.view_assessment", item)
    if not item.document:
        raise Http404
    return serve_private_file(request, item.document, item.document_name or "evidence.pdf")


def assessment_staff_list(request: HttpRequest) -> HttpResponse:
    require(request, "membership.decide_assessment")
    return render(
        request,
        "membership/assessment_staff_list.html",
        {"requests": list(selectors.assessment_waiting())},
    )
