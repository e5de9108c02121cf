"""Lead agency, colleague invitations, Support Unit contact and onboarding steps."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import require
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..forms import (
    ContactForm,
    InvitationForm,
    LeadAgencyForm,
    StepForm,
)
from .common import (
    _error_text,
    _user,
)

# --- Lead agency, invitations, onboarding ---------------------------------------------------


def lead_agency_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.change_leadagency", country)
    instance = selectors.country_workspace(country)["lead_agency"]
    form = LeadAgencyForm(request.POST or None, instance=instance, country=country)
    if request.method == "POST" and form.is_valid():
        try:
            services.lead_agency_set(
                acting_user=_user(request), country=country, **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The lead agency and point of contact have been saved."))
            return redirect("membership:workspace", iso3=country.iso3)
    return render(request, "membership/lead_agency_form.html", {"country": country, "form": form})


@require_POST
def invitation_create(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.invite_colleague", country)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                acting_user=_user(request), country=country, email=form.cleaned_data["email"]
            )
        except ServiceError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
    else:
        messages.error(request, _("Enter a valid e-mail address for your colleague."))
    return redirect("membership:workspace", iso3=country.iso3)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_from_token(token)
    except ServiceError as error:
        return render(
            request, "membership/invitation_accept.html", {"error": _error_text(error)}, status=400
        )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.invitation_accept(acting_user=_user(request), token=token)
        except ServiceError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request,
                _("You now work for the government of %(country)s on the platform.")
                % {"country": invitation.country.name},
            )
            return redirect("membership:workspace", iso3=invitation.country.iso3)
    return render(request, "membership/invitation_accept.html", {"invitation": invitation})


@require_POST
def contact_assign(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.assign_contact", country)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.onboarding_contact_assign(
                acting_user=_user(request), country=country, contact=form.cleaned_data["contact"]
            )
        except ServiceError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request, _("The country contact has been assigned and the introduction sent.")
            )
    else:
        messages.error(request, _("Choose a member of the Support Unit."))
    return redirect("membership:workspace", iso3=country.iso3)


@require_POST
def step_mark(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.change_onboarding", country)
    form = StepForm(request.POST)
    if form.is_valid():
        status_before = country.membership_status
        try:
            services.onboarding_step_mark(
                acting_user=_user(request), country=country, **form.cleaned_data
            )
        except ServiceError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The onboarding step has been recorded."))
            country.refresh_from_db(fields=["membership_status"])
            if country.membership_status != status_before:
                messages.info(
                    request,
                    _("The country's OGP status is now: %(status)s.")
                    % {"status": country.get_membership_status_display()},
                )
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("membership:workspace", iso3=country.iso3)
