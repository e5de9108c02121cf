"""Forums: list, page, create/edit, membership requests and decisions, members, meetings."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.cache_middleware import cached_fragment, public_page
from ogp.core.collation import localised_name_field, natural
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import can, permission_required, require
from ogp.core.shared_pages import shared_page
from ogp.core.uploads import serve_private_file
from ogp.countries.models import Country
from ogp.engagement.selectors import is_following

from ..forms import (
    DecisionForm,
    DocumentForm,
    ForumCreateForm,
    ForumForm,
    MeetingForm,
    MemberAddForm,
    MembershipRequestForm,
    MemberUpdateForm,
)
from ..models import Forum, ForumMembership, MeetingDocument, MembershipRequest
from ..selectors import (
    annotated_forum_balance,
    annotated_forum_cadence,
    forum_balance_of,
    forum_cadence_of,
    forum_compliance_list,
    forum_get,
    forum_list,
    forum_pending_requests,
    meeting_get,
)
from ..services import forums as services
from .common import add_service_error, rate_limited


def _rows(forums):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    return [
        {
            "forum": f,
            "cadence": annotated_forum_cadence(f, today),
            "balance": annotated_forum_balance(f),
        }
        for f in forums
    ]


@shared_page()
@public_page
def forum_index(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, Any]:
        country = None
        iso3 = request.GET.get("country", "")
        if iso3:
            country = Country.objects.filter(iso3=iso3.upper()).first()
        page = paginate(request, forum_list(country=country))
        return {
            "page": page,
            "rows": _rows(page),
            "country": country,
            "countries": Country.objects.filter(
                pk__in=Forum.objects.order_by().values("country")
            ).order_by(natural(localised_name_field())),
        }

    body = cached_fragment(
        request, "forum-list", "participation/forums/_forum_list_body.html", build
    )
    return render(
        request,
        "participation/forums/forum_list.html",
        {"body": body, "can_add": request.user.has_perm("participation.add_forum")},
    )


@permission_required("participation.view_forum_compliance")
@shared_page()
def staff_compliance(request: HttpRequest) -> HttpResponse:
    """Every forum's six-month status for the Support Unit, missed first."""

    def build() -> dict[str, Any]:
        page = paginate(request, forum_compliance_list())
        return {"page": page, "rows": _rows(page)}

    # the same for every Support Unit reader (checked above): rendered once per change
    body = cached_fragment(
        request, "staff-forums", "participation/forums/_staff_compliance_body.html", build
    )
    return render(request, "participation/forums/staff_compliance.html", {"body": body})


@public_page
def forum_detail(request: HttpRequest, slug: str) -> HttpResponse:
    forum = forum_get(slug)
    user = request.user
    membership = None
    pending_request = None
    if user.is_authenticated:
        membership = next((m for m in forum.memberships.all() if m.user_id == user.pk), None)
        pending_request = forum.requests.filter(
            user=user, state=MembershipRequest.State.PENDING
        ).first()
    today = timezone.localdate()
    meetings = list(forum.meetings.all())
    can_manage = can(request, "participation.change_forum", forum)
    return render(
        request,
        "participation/forums/forum_detail.html",
        {
            "forum": forum,
            "cadence": forum_cadence_of(forum, today),
            "balance": forum_balance_of(forum),
            "members": forum.memberships.all(),
            "past_meetings": [m for m in meetings if m.date <= today],
            "upcoming_meetings": sorted(
                (m for m in meetings if m.date > today), key=lambda m: m.date
            ),
            "membership": membership,
            "pending_request": pending_request,
            "can_request": can(request, "participation.request_forum_membership", forum)
            and pending_request is None,
            "can_manage": can_manage,
            "pending_count": forum_pending_requests(forum).count() if can_manage else 0,
            "is_following": is_following(request.user, forum),
        },
    )


@require_http_methods(["GET", "POST"])
def forum_create(request: HttpRequest) -> HttpResponse:
    require(request, "participation.add_forum")
    form = ForumCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request, "participation.add_forum_for_country", data["country"])
        try:
            forum = services.forum_create(acting_user=request.user, **data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The forum has been created; you coordinate it."))
            return redirect(forum)
    return render(request, "participation/forums/forum_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def forum_edit(request: HttpRequest, slug: str) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.change_forum", forum)
    initial = {f: getattr(forum, f) for f in services.FORUM_FIELDS}
    form = ForumForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_update(acting_user=request.user, forum=forum, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The forum has been updated."))
            return redirect(forum)
    return render(request, "participation/forums/forum_form.html", {"form": form, "forum": forum})


@require_http_methods(["GET", "POST"])
def request_membership(request: HttpRequest, slug: str) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.request_forum_membership", forum)
    from ..services.forums import _side_for_user

    form = MembershipRequestForm(
        request.POST or None, initial={"side": _side_for_user(request.user)}
    )
    if request.method == "POST":
        if limited := rate_limited(request, "forum-request"):
            return limited
        if form.is_valid():
            try:
                services.membership_request_create(
                    acting_user=request.user, forum=forum, **form.cleaned_data
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("Your request has been sent to the forum's coordinators."),
                )
                return redirect(forum)
    return render(request, "participation/forums/request_form.html", {"form": form, "forum": forum})


@require_POST
def withdraw_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = forum_get(slug)
    membership_request = get_object_or_404(MembershipRequest, forum=forum, pk=pk)
    if not request.user.is_authenticated or membership_request.user_id != request.user.pk:
        raise Http404
    try:
        services.membership_request_withdraw(acting_user=request.user, request=membership_request)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your request has been withdrawn."))
    return redirect(forum)


@require_http_methods(["GET", "POST"])
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.decide_forum_request", forum)
    decided = forum.requests.exclude(state=MembershipRequest.State.PENDING).select_related(
        "user", "decided_by"
    )[:50]
    page = paginate(request, forum_pending_requests(forum).order_by("created_at", "pk"))
    return render(
        request,
        "participation/forums/request_list.html",
        {
            "forum": forum,
            "page": page,
            "pending": [(r, DecisionForm(prefix=f"r{r.pk}")) for r in page],
            "decided": decided,
        },
    )


@require_http_methods(["GET", "POST"])
def decide_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = forum_get(slug)
    if request.method == "GET":
        # The error page is shown at this address: switching language there (a GET) goes back.
        return redirect("participation:forum-requests", slug=forum.slug)
    require(request, "participation.decide_forum_request", forum)
    membership_request = get_object_or_404(MembershipRequest, forum=forum, pk=pk)
    form = DecisionForm(request.POST, prefix=f"r{pk}")
    if form.is_valid():
        try:
            services.membership_request_decide(
                acting_user=request.user,
                request=membership_request,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Decision recorded; the person has been told by e-mail."))
            return redirect("participation:forum-requests", slug=forum.slug)
    return render(
        request,
        "participation/forums/request_list.html",
        {
            "forum": forum,
            "pending": [
                (r, form if r.pk == membership_request.pk else DecisionForm(prefix=f"r{r.pk}"))
                for r in forum_pending_requests(forum)
            ],
            "decided": [],
        },
        status=400,
    )


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, slug: str) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.manage_forum_members", forum)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_member_add(acting_user=request.user, forum=forum, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The member has been added."))
            return redirect(forum)
    return render(request, "participation/forums/member_form.html", {"form": form, "forum": forum})


@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.manage_forum_members", forum)
    membership = get_object_or_404(ForumMembership, forum=forum, pk=pk)
    form = MemberUpdateForm(
        request.POST or None, initial={"side": membership.side, "role": membership.role}
    )
    if request.method == "POST":
        try:
            if request.POST.get("remove"):
                services.forum_member_remove(acting_user=request.user, membership=membership)
                messages.success(request, _("The member has been removed."))
                return redirect(forum)
            if form.is_valid():
                services.forum_member_update(
                    acting_user=request.user, membership=membership, **form.cleaned_data
                )
                messages.success(request, _("The member has been updated."))
                return redirect(forum)
        except ServiceError as error:
            add_service_error(form, error)
    return render(
        request,
        "participation/forums/member_form.html",
        {"form": form, "forum": forum, "membership": membership},
    )


def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = forum_get(slug)
    meeting = meeting_get(forum, pk)
    return render(
        request,
        "participation/forums/meeting_detail.html",
        {
            "forum": forum,
            "meeting": meeting,
            "can_manage": can(request, "participation.change_meeting", forum),
            "document_form": DocumentForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.change_meeting", forum)
    meeting = meeting_get(forum, pk) if pk else None
    initial = {}
    if meeting:
        initial = {
            f: getattr(meeting, f)
            for f in [
                "title",
                "date",
                "location",
                "agenda",
                "minutes",
                "is_cancelled",
                "other_attendees",
            ]
        }
        initial["attendees"] = list(meeting.attendees.all())
    form = MeetingForm(request.POST or None, forum=forum, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_save(
                acting_user=request.user, forum=forum, meeting=meeting, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect(meeting)
    return render(
        request,
        "participation/forums/meeting_form.html",
        {"form": form, "forum": forum, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.change_meeting", forum)
    meeting = meeting_get(forum, pk)
    if request.method == "GET":
        # The error page is shown at this address: switching language there (a GET) goes back.
        return redirect(meeting)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.meeting_document_add(
                acting_user=request.user, meeting=meeting, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The document has been added."))
            return redirect(meeting)
    return render(
        request,
        "participation/forums/meeting_detail.html",
        {"forum": forum, "meeting": meeting, "can_manage": True, "document_form": form},
        status=400,
    )


def document_download(request: HttpRequest, slug: str, pk: int, doc: int) -> HttpResponseBase:
    """Forum documents are public (Standard 2.2: a public document repository)."""
    forum = forum_get(slug)
    require(request, "participation.view_forum", forum)
    document = get_object_or_404(MeetingDocument, meeting__forum=forum, meeting_id=pk, pk=doc)
    return serve_private_file(request, document.file, f"{document.title}.pdf")


@require_POST
def document_delete(request: HttpRequest, slug: str, pk: int, doc: int) -> HttpResponse:
    forum = forum_get(slug)
    require(request, "participation.change_meeting", forum)
    document = get_object_or_404(MeetingDocument, meeting__forum=forum, meeting_id=pk, pk=doc)
    meeting = document.meeting
    services.meeting_document_delete(acting_user=request.user, document=document)
    messages.success(request, _("The document has been deleted."))
    return redirect(meeting)
