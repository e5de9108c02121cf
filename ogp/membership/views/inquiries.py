"""Questions to the Support Unit: new thread, thread page and status."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import require, require_visible
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..domain import inquiry as inquiry_rules
from ..forms import (
    InquiryForm,
    ReplyForm,
)
from ..models import Inquiry
from .common import (
    _error_text,
    _user,
)

# --- Questions to the Support Unit ----------------------------------------------------------


def inquiry_create(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.add_inquiry", country)
    form = InquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry = services.inquiry_create(
                acting_user=_user(request), country=country, **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your question has been sent to the Support Unit."))
            return redirect("membership:inquiry-detail", iso3=country.iso3, pk=inquiry.pk)
    return render(request, "membership/inquiry_form.html", {"country": country, "form": form})


def _inquiry(request: HttpRequest, iso3: str, pk: int) -> Inquiry:
    """The question, if this reader may see it; else the same answer as a missing one."""
    inquiry = selectors.inquiry_find(iso3, pk)
    require_visible(request, "membership.view_inquiry", inquiry)
    assert inquiry is not None  # noqa: S101 (require_visible refused a missing one)
    return inquiry


def inquiry_detail(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    inquiry = _inquiry(request, iso3, pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        require(request, "membership.reply_inquiry", inquiry)
        if form.is_valid():
            try:
                services.inquiry_reply(
                    acting_user=_user(request), inquiry=inquiry, body=form.cleaned_data["body"]
                )
            except ServiceError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect("membership:inquiry-detail", iso3=iso3.upper(), pk=inquiry.pk)
    actor = services.actor_kind(request.user)
    labels = dict(Inquiry.Status.choices)
    status_actions = [
        (status, labels[status])
        for status in Inquiry.Status.values
        if inquiry_rules.inquiry_transition_allowed(inquiry.status, status, actor)
        and status != Inquiry.Status.ANSWERED
    ]
    return render(
        request,
        "membership/inquiry_detail.html",
        {
            "country": inquiry.country,
            "inquiry": inquiry,
            "form": form,
            "status_actions": status_actions,
        },
    )


@require_POST
def inquiry_status(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    inquiry = _inquiry(request, iso3, pk)
    require(request, "membership.reply_inquiry", inquiry)
    status = request.POST.get("status", "")
    if status not in Inquiry.Status.values:
        messages.error(request, _("Unknown status."))
    else:
        try:
            services.inquiry_status_set(acting_user=_user(request), inquiry=inquiry, status=status)
        except ServiceError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The question's status has been changed."))
    return redirect("membership:inquiry-detail", iso3=inquiry.country.iso3, pk=inquiry.pk)
