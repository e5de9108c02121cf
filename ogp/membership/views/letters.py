"""Government workspace and letters of intent: draft, edit, PDF, signed upload, submit, review."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.audit.concurrency import StaleEditError, offer_current_version
from ogp.core.errors import ServiceError
from ogp.core.permissions import can, require
from ogp.core.uploads import serve_private_file
from ogp.countries.models import Country
from ogp.countries.selectors import country_get

from .. import selectors, services
from ..domain.onboarding import onboarding_progress
from ..forms import (
    ContactForm,
    InvitationForm,
    LetterForm,
    ReturnForm,
    SignedLetterForm,
    StepForm,
)
from ..letter_text import letter_pdf, letter_text
from ..models import LeadAgency, LetterOfIntent, OnboardingStep
from .common import (
    _error_text,
    _user,
)

# --- Government workspace -------------------------------------------------------------------


def workspace(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.view_workspace", country)
    data = selectors.country_workspace(country)
    onboarding = data["onboarding"]
    steps = list(onboarding.steps.all()) if onboarding else []
    progress = onboarding_progress(
        [s.item for s in steps],
        letter_received=onboarding.letter_received_on if onboarding else None,
        today=timezone.localdate(),
        rule=services.FIRST_PLAN_RULE,
    )
    step_labels: dict[str, Any] = dict(OnboardingStep._meta.get_field("item").choices or [])
    steps_by_item = {s.item: s for s in steps}
    checklist = [
        {"item": item, "label": step_labels[item], "step": steps_by_item.get(item)}
        for item in (*progress.done, *progress.pending)
    ]
    checklist.sort(key=lambda row: list(step_labels).index(row["item"]))
    can_onboard = can(request, "membership.change_onboarding", country)
    open_letter = data["open_letter"]
    eligibility = selectors.country_eligibility(country)
    context = {
        "country": country,
        **data,
        "eligibility": eligibility,
        "eligibility_unknown": selectors.eligibility_is_unknown(eligibility)
        and not country.is_member,
        "assessment": selectors.assessment_latest(country),
        "can_request_assessment": can(request, "membership.request_assessment", country)
        and selectors.assessment_can_be_requested(country),
        "cochairs": selectors.current_cochairs(),
        "progress": progress,
        "checklist": checklist,
        "can_add_letter": can(request, "membership.add_letter", country)
        and open_letter is None
        and not country.is_member,
        "can_edit_lead": can(request, "membership.change_leadagency", country),
        "can_invite": can(request, "membership.invite_colleague", country),
        "can_assign": can(request, "membership.assign_contact", country),
        "can_change_status": can(request, "membership.change_status", country),
        "can_ask": can(request, "membership.add_inquiry", country),
        "invitation_form": InvitationForm(),
        "contact_form": ContactForm(
            initial={"contact": onboarding.support_unit_contact_id if onboarding else None}
        ),
        "step_form": StepForm(done=progress.done)
        if can_onboard and onboarding and onboarding.letter_received_on and progress.pending
        else None,
    }
    return render(request, "membership/workspace.html", context)


def _letter_initial(request: HttpRequest, country: Country) -> dict[str, Any]:
    user = _user(request)
    lead = LeadAgency.objects.filter(country=country).first()
    eligibility = selectors.country_eligibility(country).facts
    return {
        "language": (request.LANGUAGE_CODE or "en")[:2],
        "eligibility_confirmed": bool(
            eligibility.core_eligible and eligibility.values_check_passed
        ),
        "responsible_name": lead.contact_name if lead else user.get_full_name(),
        "responsible_title": lead.contact_title if lead else user.job_title,
        "responsible_ministry": lead.name if lead else "",
        "responsible_email": lead.contact_email if lead else user.email,
    }


def letter_create(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    require(request, "membership.add_letter", country)
    form = LetterForm(request.POST or None, initial=_letter_initial(request, country))
    if request.method == "POST" and form.is_valid():
        try:
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            letter = services.letter_create(acting_user=_user(request), country=country, **values)
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft letter has been saved."))
            return redirect("membership:letter-detail", iso3=country.iso3, pk=letter.pk)
    return render(
        request,
        "membership/letter_form.html",
        {
            "country": country,
            "form": form,
            "eligibility": selectors.country_eligibility(country),
            "cochairs": selectors.current_cochairs(),
        },
    )


def visible_letter(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Give the view the letter only if the visitor may see it, and answer exactly as for a
    letter that does not exist otherwise (login for anonymous visitors, 404 for signed-in
    people), so nobody can count which governments have started a letter."""

    @wraps(view)
    def wrapper(request: HttpRequest, iso3: str, pk: int) -> HttpResponseBase:
        country = Country.objects.filter(iso3=iso3.upper()).first()
        letter = (
            LetterOfIntent.objects.select_related("country", "created_by", "submitted_by")
            .filter(country=country, pk=pk)
            .first()
            if country
            else None
        )
        if letter is None or not can(request, "membership.view_letter", letter):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404(_("No such letter of intent."))
        return view(request, letter)

    return wrapper


@visible_letter
def letter_edit(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    require(request, "membership.change_letter", letter)
    form = LetterForm(request.POST or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.letter_update(
                acting_user=_user(request),
                letter=letter,
                expected_version=form.cleaned_data.get("version"),
                **values,
            )
        except StaleEditError as error:
            form.add_error(None, error)
            offer_current_version(form, error)
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The letter has been saved."))
            return redirect("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk)
    return render(
        request,
        "membership/letter_form.html",
        {
            "country": letter.country,
            "letter": letter,
            "form": form,
            "eligibility": selectors.country_eligibility(letter.country),
            "cochairs": selectors.current_cochairs(),
        },
    )


@visible_letter
def letter_detail(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    require(request, "membership.view_letter", letter)
    # Staff review; they never edit or submit a government's letter, whatever else they hold.
    can_change = can(request, "membership.change_letter", letter) and not getattr(
        request.user, "is_support_unit", False
    )
    return render(
        request,
        "membership/letter_detail.html",
        {
            "country": letter.country,
            "letter": letter,
            "text": letter_text(letter),
            "events": list(letter.events.select_related("actor")),
            "can_change": can_change,
            "can_review": can(request, "membership.review_letter", letter)
            and letter.state == LetterOfIntent.State.SUBMITTED,
            "is_insider": can(request, "membership.view_workspace", letter.country),
            "problems": services.submission_problems(letter) if can_change else [],
            "upload_form": SignedLetterForm(),
            "return_form": ReturnForm(),
        },
    )


@visible_letter
def letter_pdf_download(request: HttpRequest, letter: LetterOfIntent) -> HttpResponseBase:
    require(request, "membership.view_letter_file", letter)
    if letter.is_published:  # public: served from the copy stored on acceptance
        if not letter.published_pdf:
            letter = services.letter_published_pdf(letter=letter)
        return serve_private_file(request, letter.published_pdf, f"{letter.reference}.pdf")
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter.reference}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@visible_letter
def letter_signed_download(request: HttpRequest, letter: LetterOfIntent) -> HttpResponseBase:
    require(request, "membership.view_letter_file", letter)
    if not letter.signed_pdf:
        raise Http404(_("No signed letter has been uploaded."))
    return serve_private_file(request, letter.signed_pdf, f"{letter.reference}-signed.pdf")


def _letter_page(letter: LetterOfIntent) -> HttpResponse:
    return redirect("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk)


@require_http_methods(["GET", "POST"])
@visible_letter
def letter_upload(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    if request.method == "GET":
        # The error page is shown at this address: switching language there (a GET) goes back.
        return _letter_page(letter)
    require(request, "membership.change_letter", letter)
    form = SignedLetterForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.letter_upload_signed(
                acting_user=_user(request), letter=letter, upload=form.cleaned_data["signed_pdf"]
            )
        except ServiceError as error:
            form.add_error("signed_pdf", error)
        else:
            messages.success(request, _("The signed letter has been uploaded."))
            return _letter_page(letter)
    return render(
        request,
        "membership/letter_detail.html",
        {
            "country": letter.country,
            "letter": letter,
            "text": letter_text(letter),
            "events": list(letter.events.select_related("actor")),
            "can_change": True,
            "is_insider": True,
            "problems": services.submission_problems(letter),
            "upload_form": form,
            "return_form": ReturnForm(),
        },
        status=400,
    )


@require_POST
@visible_letter
def letter_submit(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    require(request, "membership.submit_letter", letter)
    try:
        services.letter_submit(acting_user=_user(request), letter=letter)
    except ServiceError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("The letter has been submitted to the OGP Support Unit for review.")
        )
    return _letter_page(letter)


@require_POST
@visible_letter
def letter_return(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    require(request, "membership.review_letter", letter)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Explain what the government must change."))
        return _letter_page(letter)
    try:
        services.letter_return(
            acting_user=_user(request), letter=letter, reason=form.cleaned_data["reason"]
        )
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The letter has been returned to the government."))
    return _letter_page(letter)


@require_http_methods(["GET", "POST"])
@visible_letter
def letter_accept(request: HttpRequest, letter: LetterOfIntent) -> HttpResponse:
    """Accepting publishes the letter: a confirmation page first (works without JavaScript)."""
    require(request, "membership.review_letter", letter)
    if letter.state != LetterOfIntent.State.SUBMITTED:
        return _letter_page(letter)
    if request.method == "GET" or request.POST.get("confirmed") != "yes":
        return render(
            request,
            "membership/letter_accept_confirm.html",
            {"country": letter.country, "letter": letter},
        )
    try:
        services.letter_accept(acting_user=_user(request), letter=letter)
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The letter has been accepted and published."))
    return _letter_page(letter)
