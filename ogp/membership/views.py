"""Thin views: parse input, check permissions, call a selector or a service, render."""

import csv
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.accounts.models import User
from ogp.core.errors import ServiceError
from ogp.core.uploads import serve_private_file
from ogp.countries.models import Country, MembershipStatus, Region
from ogp.countries.selectors import country_get

from . import selectors, services
from .domain import inquiry as inquiry_rules
from .domain import status as status_rules
from .domain.onboarding import onboarding_progress
from .domain.status import Actor, StatusFacts
from .forms import (
    CoChairsForm,
    ContactForm,
    InquiryForm,
    InvitationForm,
    LeadAgencyForm,
    LetterForm,
    ReplyForm,
    ReturnForm,
    SignedLetterForm,
    StatusChangeForm,
    StepForm,
)
from .letter_text import letter_pdf, letter_text
from .models import Inquiry, LeadAgency, LetterOfIntent, OnboardingStep
from .refusals import REQUIREMENT_LABELS


def _user(request: HttpRequest) -> User:
    """The logged-in user (views call it after a permission check, so never anonymous)."""
    return cast(User, request.user)


def _deny(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _allowed(request: HttpRequest, perm: str, obj: Any = None) -> bool:
    return request.user.has_perm(perm, obj)


def _error_text(error: ServiceError) -> str:
    return " ".join(str(m) for m in error.messages)


# --- Public pages ---------------------------------------------------------------------------


def member_list(request: HttpRequest) -> HttpResponse:
    region = request.GET.get("region", "")
    if region not in Region.values:
        region = ""
    data = selectors.member_list(region=region)
    own = _user(request).country if getattr(request.user, "role", "") == "government" else None
    return render(
        request,
        "membership/member_list.html",
        {**data, "regions": Region.choices, "region": region, "own_country": own},
    )


def member_list_csv(request: HttpRequest) -> HttpResponse:
    """Open data: members and eligible non-members with their status (public fields only)."""
    data = selectors.member_list()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ogp-members.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["iso3", "name_en", "name_fr", "name_es", "region", "status", "status_since", "lead_agency"]
    )
    # Open data: the same file whatever the interface language (ordered by ISO code).
    for country in sorted([*data["members"], *data["eligible"]], key=lambda c: c.iso3):
        lead = getattr(country, "public_lead_agency", None)
        writer.writerow(
            [
                country.iso3,
                country.name_en,
                country.name_fr,
                country.name_es,
                country.region,
                country.membership_status,
                country.membership_status_since.isoformat()
                if country.membership_status_since
                else "",
                lead.name if lead else "",
            ]
        )
    return response


def status_history_csv(request: HttpRequest) -> HttpResponse:
    """Open data: every recorded change of OGP status (the public timelines)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ogp-status-history.csv"'
    writer = csv.writer(response)
    writer.writerow(["iso3", "name_en", "effective_date", "from_status", "to_status", "reason"])
    for change in selectors.status_history_all():
        writer.writerow(
            [
                change.country.iso3,
                change.country.name_en,
                change.effective_date.isoformat(),
                change.from_status,
                change.to_status,
                change.reason,
            ]
        )
    return response


def _eligibility_url(country: Country) -> str:
    try:
        return reverse("eligibility:country", kwargs={"iso3": country.iso3})
    except NoReverseMatch:
        return ""


def country_page(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    return render(
        request,
        "membership/country_page.html",
        {
            "country": country,
            **selectors.member_page(country),
            "eligibility_url": _eligibility_url(country),
            "can_view_workspace": _allowed(request, "membership.view_workspace", country),
        },
    )


# --- Government workspace -------------------------------------------------------------------


def workspace(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    if not _allowed(request, "membership.view_workspace", country):
        return _deny(request)
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
    can_onboard = _allowed(request, "membership.change_onboarding", country)
    open_letter = data["open_letter"]
    context = {
        "country": country,
        **data,
        "eligibility": selectors.country_eligibility(country),
        "cochairs": selectors.current_cochairs(),
        "progress": progress,
        "checklist": checklist,
        "can_add_letter": _allowed(request, "membership.add_letter", country)
        and open_letter is None
        and not country.is_member,
        "can_edit_lead": _allowed(request, "membership.change_leadagency", country),
        "can_invite": _allowed(request, "membership.invite_colleague", country),
        "can_assign": _allowed(request, "membership.assign_contact", country),
        "can_change_status": _allowed(request, "membership.change_status", country),
        "can_ask": _allowed(request, "membership.add_inquiry", country),
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
    if not _allowed(request, "membership.add_letter", country):
        return _deny(request)
    form = LetterForm(request.POST or None, initial=_letter_initial(request, country))
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.letter_create(
                acting_user=_user(request), country=country, **form.cleaned_data
            )
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


def _letter(iso3: str, pk: int) -> LetterOfIntent:
    return selectors.letter_get(country_get(iso3), pk)


def letter_edit(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.change_letter", letter):
        return _deny(request)
    form = LetterForm(request.POST or None, instance=letter)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_update(acting_user=_user(request), letter=letter, **form.cleaned_data)
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


def letter_detail(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.view_letter", letter):
        return _deny(request)
    can_change = _allowed(request, "membership.change_letter", letter)
    return render(
        request,
        "membership/letter_detail.html",
        {
            "country": letter.country,
            "letter": letter,
            "text": letter_text(letter),
            "events": list(letter.events.select_related("actor")),
            "can_change": can_change,
            "can_review": _allowed(request, "membership.review_letter", letter)
            and letter.state == LetterOfIntent.State.SUBMITTED,
            "is_insider": _allowed(request, "membership.view_workspace", letter.country),
            "problems": services.submission_problems(letter) if can_change else [],
            "upload_form": SignedLetterForm(),
            "return_form": ReturnForm(),
        },
    )


def letter_pdf_download(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.view_letter_file", letter):
        return _deny(request)
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter.reference}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def letter_signed_download(request: HttpRequest, iso3: str, pk: int) -> HttpResponseBase:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.view_letter_file", letter):
        return _deny(request)
    if not letter.signed_pdf:
        raise Http404(_("No signed letter has been uploaded."))
    return serve_private_file(request, letter.signed_pdf, f"{letter.reference}-signed.pdf")


def _letter_page(letter: LetterOfIntent) -> HttpResponse:
    return redirect("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk)


@require_http_methods(["GET", "POST"])
def letter_upload(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if request.method == "GET":
        # The error page is shown at this address: switching language there (a GET) goes back.
        return _letter_page(letter)
    if not _allowed(request, "membership.change_letter", letter):
        return _deny(request)
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
def letter_submit(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.submit_letter", letter):
        return _deny(request)
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
def letter_return(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.review_letter", letter):
        return _deny(request)
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


@require_POST
def letter_accept(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    letter = _letter(iso3, pk)
    if not _allowed(request, "membership.review_letter", letter):
        return _deny(request)
    try:
        services.letter_accept(acting_user=_user(request), letter=letter)
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The letter has been accepted and published."))
    return _letter_page(letter)


# --- Lead agency, invitations, onboarding ---------------------------------------------------


def lead_agency_edit(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    if not _allowed(request, "membership.change_leadagency", country):
        return _deny(request)
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
    if not _allowed(request, "membership.invite_colleague", country):
        return _deny(request)
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
    if not _allowed(request, "membership.assign_contact", country):
        return _deny(request)
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
    if not _allowed(request, "membership.change_onboarding", country):
        return _deny(request)
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


# --- Membership status (staff) --------------------------------------------------------------


def status_change(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    if not _allowed(request, "membership.change_status", country):
        return _deny(request)
    current = status_rules.Status(country.membership_status)
    transitions = status_rules.targets_for_actor(current, Actor.SUPPORT_UNIT)
    eligibility = selectors.country_eligibility(country)
    initial = {"consecutive_cycles_below_minimum": 2 if eligibility.eligibility_review else 0}
    form = StatusChangeForm(
        request.POST or None, targets=[t.target.value for t in transitions], initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        workspace_data = selectors.country_workspace(country)
        letters = workspace_data["letters"]
        onboarding = workspace_data["onboarding"]
        core, values = eligibility.facts.core_eligible, eligibility.facts.values_check_passed
        if data["eligibility_assessment"] == "eligible":
            core, values = True, True
        elif data["eligibility_assessment"] == "not_eligible":
            core = False
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
            consecutive_cycles_below_minimum=data["consecutive_cycles_below_minimum"],
            contrary_to_process_finding=data["contrary_to_process_finding"],
            consecutive_contrary_cycles=data["consecutive_contrary_cycles"],
            contrary_to_process_resolved=data["contrary_to_process_resolved"],
            decision_reference=data["decision_reference"],
            withdrawal_notice=data["withdrawal_notice"],
        )
        reason = data["reason"].strip()
        if data["decision_reference"].strip():
            reason = f"{reason} ({data['decision_reference'].strip()})"
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
    labels = dict(MembershipStatus.choices)
    allowed = [
        {
            "target": labels[t.target.value],
            "requires": [REQUIREMENT_LABELS[r] for r in t.requires],
        }
        for t in transitions
    ]
    return render(
        request,
        "membership/status_change.html",
        {
            "country": country,
            "form": form,
            "transitions": transitions,
            "allowed": allowed,
            "eligibility": eligibility,
        },
    )


@require_POST
def status_sync(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    if not _allowed(request, "membership.change_status", country):
        return _deny(request)
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
    if not _allowed(request, "membership.assign_contact", country):
        return _deny(request)
    try:
        services.onboarding_step_unmark(acting_user=_user(request), country=country, item=item)
    except ServiceError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The step is marked as not done again."))
    return redirect("membership:workspace", iso3=country.iso3)


# --- Questions to the Support Unit ----------------------------------------------------------


def inquiry_create(request: HttpRequest, iso3: str) -> HttpResponse:
    country = country_get(iso3)
    if not _allowed(request, "membership.add_inquiry", country):
        return _deny(request)
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


def _inquiry(iso3: str, pk: int) -> Inquiry:
    return selectors.inquiry_get(country_get(iso3), pk)


def inquiry_detail(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    inquiry = _inquiry(iso3, pk)
    if not _allowed(request, "membership.view_inquiry", inquiry):
        return _deny(request)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if not _allowed(request, "membership.reply_inquiry", inquiry):
            return _deny(request)
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
    inquiry = _inquiry(iso3, pk)
    if not _allowed(request, "membership.reply_inquiry", inquiry):
        return _deny(request)
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


# --- Staff pages ----------------------------------------------------------------------------


def review_queue(request: HttpRequest) -> HttpResponse:
    if not _allowed(request, "membership.view_review_queue"):
        return _deny(request)
    return render(
        request,
        "membership/review_queue.html",
        {
            "queue": list(selectors.letter_review_queue()),
            "recent": list(selectors.letter_recent_decisions()),
        },
    )


def onboarding_list(request: HttpRequest) -> HttpResponse:
    if not _allowed(request, "membership.view_review_queue"):
        return _deny(request)
    today = timezone.localdate()
    rows = []
    for onboarding in selectors.onboarding_overview():
        progress = onboarding_progress(
            [s.item for s in onboarding.steps.all()],
            letter_received=onboarding.letter_received_on,
            today=today,
            rule=services.FIRST_PLAN_RULE,
        )
        rows.append({"onboarding": onboarding, "progress": progress})
    return render(request, "membership/onboarding_list.html", {"rows": rows})


def inquiry_staff_list(request: HttpRequest) -> HttpResponse:
    if not _allowed(request, "membership.view_review_queue"):
        return _deny(request)
    status = request.GET.get("status", "")
    if status not in Inquiry.Status.values:
        status = ""
    return render(
        request,
        "membership/inquiry_staff_list.html",
        {
            "inquiries": list(selectors.inquiry_staff_list(status)[:200]),
            "status": status,
            "statuses": Inquiry.Status.choices,
        },
    )


def cochairs_edit(request: HttpRequest) -> HttpResponse:
    if not _allowed(request, "membership.change_cochairs"):
        return _deny(request)
    current = selectors.current_cochairs()
    form = CoChairsForm(
        request.POST or None,
        initial={
            "government_co_chair": current.government_co_chair if current else "",
            "civil_society_co_chair": current.civil_society_co_chair if current else "",
            "effective_from": timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cochairs_set(acting_user=_user(request), **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The co-chairs have been saved."))
            return redirect("membership:cochairs")
    return render(request, "membership/cochairs_form.html", {"form": form, "current": current})
