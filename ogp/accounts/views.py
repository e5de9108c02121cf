"""Account pages: profile, role requests, and the Support Unit's user management."""

from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.cache_middleware import cached_fragment
from ogp.core.context_processors import staff_links
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import permission_required
from ogp.core.shared_pages import shared_page
from ogp.core.staff_overview import staff_checklist

from . import services
from .forms import DecisionForm, ProfileForm, RoleRequestForm, UserFilterForm, UserRoleForm
from .models import Role, RoleRequest, User
from .selectors import role_request_pending_list, user_list
from .types import AuthenticatedHttpRequest


def _link(label: str, url_name: str, *args: object) -> dict[str, str] | None:
    try:
        return {"label": label, "url": reverse(url_name, args=args)}
    except NoReverseMatch:
        return None


def next_steps(user: User) -> list[dict[str, str]]:
    """What this user can do next, by role: the pages that serve them."""
    links: list[dict[str, str] | None] = []
    if user.role == Role.SUPPORT_UNIT:
        links.append(_link(_("Support Unit workspace"), "accounts:staff-home"))
        links.extend(staff_links())
    elif user.role == Role.GOVERNMENT and user.country:
        iso3 = user.country.iso3
        links += [
            _link(_("Your country's joining workspace"), "membership:workspace", iso3),
            _link(_("Your country's eligibility"), "eligibility:country", iso3),
            _link(_("Evidence you sent to the Support Unit"), "eligibility:my-evidence"),
            _link(_("What civil society can do in your country"), "participation:country", iso3),
        ]
    elif user.role == Role.CIVIL_SOCIETY:
        organisation = user.organisation
        if organisation is not None:
            links.append(
                _link(_("Your organisation's page"), "organisations:detail", organisation.slug)
            )
            if organisation.country:
                iso3 = organisation.country.iso3
                links.append(
                    _link(_("What you can do now in your country"), "participation:country", iso3)
                )
        links += [
            _link(_("National multi-stakeholder forums"), "participation:forum-list"),
            _link(_("Your event registrations"), "participation:my-registrations"),
            _link(_("Evidence you sent to the Support Unit"), "eligibility:my-evidence"),
        ]
    elif user.role == Role.RESEARCHER:
        links += [
            _link(_("Eligibility score sheets and downloads"), "eligibility:index"),
            _link(_("Members and their status history"), "membership:member-list"),
        ]
    links += [
        _link(_("What you follow and your digest"), "engagement:follow-list"),
        _link(_("Your entry in the stakeholder directory"), "participation:my-entry"),
    ]
    return [link for link in links if link is not None]


@permission_required("accounts.view_profile")
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(
            acting_user=user, user=user, **{k: form.cleaned_data[k] for k in form.fields}
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "mfa_enabled": is_mfa_enabled(user),
            "next_steps": next_steps(user),
            "role_requests": user.role_requests.select_related("country", "organisation"),
        },
    )


@permission_required("accounts.request_role")
def role_request_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RoleRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_request_create(acting_user=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request has been sent to the Support Unit."))
            return redirect("accounts:profile")
    return render(request, "accounts/role_request_form.html", {"form": form})


@permission_required("accounts.view_staff_home")
def staff_home(request: HttpRequest) -> HttpResponse:
    pending = role_request_pending_list()
    return render(
        request,
        "accounts/staff_home.html",
        {
            "pending": pending,
            "decision_form": DecisionForm(),
            "staff_links": staff_links(),
            "checklist": staff_checklist(),
        },
    )


@require_POST
@permission_required("accounts.decide_rolerequest")
def role_request_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role_request = get_object_or_404(RoleRequest, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "approve":
                services.role_request_approve(
                    acting_user=request.user,
                    request=role_request,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("The request has been approved."))
            else:
                services.role_request_decline(
                    acting_user=request.user,
                    request=role_request,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("The request has been declined."))
        except ServiceError as refusal:
            messages.error(request, " ".join(refusal.messages))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("accounts:staff-home")


@permission_required("accounts.change_user_role")
@shared_page(scopes=("accounts",))
def staff_user_list(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, Any]:
        form = UserFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        users = user_list(query=data.get("q", ""), role=data.get("role", ""))
        return {"form": form, "page": paginate(request, users)}

    # the same for every Support Unit reader (checked above): rendered once per change of the
    # users (their own generation) or of the countries and organisations named
    body = cached_fragment(
        request,
        "staff-users",
        "accounts/_staff_user_list_body.html",
        build,
        scopes=("accounts",),
    )
    return render(request, "accounts/staff_user_list.html", {"body": body})


@permission_required("accounts.change_user_role")
def staff_user_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(User.objects.select_related("country", "organisation"), pk=pk)
    form = UserRoleForm(
        request.POST or None,
        initial={
            "role": target.role,
            "country": target.country,
            "organisation": target.organisation,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_role_set(acting_user=request.user, user=target, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The role has been changed."))
            return redirect("accounts:staff-user-detail", pk=target.pk)
    return render(request, "accounts/staff_user_detail.html", {"target": target, "form": form})
