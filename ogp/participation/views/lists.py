"""Mailing lists: sign-up, confirmation, unsubscribe; staff export and messages."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import require
from ogp.core.streaming import csv_stream

from ..forms import ListMessageForm, SubscribeForm
from ..models import MailingList
from ..selectors import mailing_list_subscribers, mailing_lists_for_signup
from ..services.lists import (
    list_message_send,
    subscription_confirm,
    subscription_from_unsubscribe_token,
    subscription_request,
    subscription_unsubscribe,
    subscriptions_from_confirmation,
)
from .common import add_service_error, rate_limited


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    lists = mailing_lists_for_signup().exclude(kind=MailingList.Kind.COUNTRY)
    initial: dict[str, object] = {"language": translation.get_language()}
    if request.user.is_authenticated:
        initial["email"] = request.user.email
    if request.GET.get("country"):
        initial["country"] = request.GET["country"].upper()
    preselected = request.GET.get("list")
    if preselected:
        initial["lists"] = list(lists.filter(slug=preselected))
    else:
        initial["lists"] = list(lists.filter(kind=MailingList.Kind.CIVIL_SOCIETY))
    form = SubscribeForm(request.POST or None, lists=lists, initial=initial)
    if request.method == "POST":
        if limited := rate_limited(request, "subscribe"):
            return limited
        if form.is_valid():
            try:
                subscription_request(
                    acting_user=request.user,
                    email=form.cleaned_data["email"],
                    mailing_lists=list(form.cleaned_data["lists"]),
                    country=form.cleaned_data.get("country"),
                    language=form.cleaned_data["language"],
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                return render(
                    request,
                    "participation/lists/signup_sent.html",
                    {"email": form.cleaned_data["email"]},
                )
    return render(request, "participation/lists/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            subscriptions = subscriptions_from_confirmation(token)
            subscription = subscription_confirm(token=token)
        except ServiceError as error:
            return render(
                request, "participation/lists/link_invalid.html", {"errors": error.messages},
                status=400,
            )  # fmt: skip
        return render(
            request,
            "participation/lists/confirmed.html",
            {"subscription": subscription, "subscriptions": subscriptions},
        )
    try:
        subscriptions = subscriptions_from_confirmation(token)
        subscription = subscriptions[0]
    except ServiceError as error:
        return render(
            request, "participation/lists/link_invalid.html", {"errors": error.messages},
            status=400,
        )  # fmt: skip
    return render(
        request,
        "participation/lists/confirm.html",
        {"subscription": subscription, "subscriptions": subscriptions},
    )


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session; the token is signed
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_from_unsubscribe_token(token)
    except ServiceError as error:
        return render(
            request, "participation/lists/link_invalid.html", {"errors": error.messages},
            status=400,
        )  # fmt: skip
    if request.method == "POST":
        subscription = subscription_unsubscribe(token=token)
        return render(
            request, "participation/lists/unsubscribed.html", {"subscription": subscription}
        )
    return render(
        request,
        "participation/lists/unsubscribe.html",
        {"subscription": subscription, "token": token},
    )


def staff_lists(request: HttpRequest) -> HttpResponse:
    require(request, "participation.manage_mailing_lists")
    from django.db.models import Count, Q

    lists = mailing_lists_for_signup().annotate(
        confirmed=Count("subscriptions", filter=Q(subscriptions__state="confirmed")),
        pending=Count("subscriptions", filter=Q(subscriptions__state="pending")),
        unsubscribed=Count("subscriptions", filter=Q(subscriptions__state="unsubscribed")),
    )
    page = paginate(request, lists)
    return render(request, "participation/lists/staff_lists.html", {"lists": page, "page": page})


def staff_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    require(request, "participation.manage_mailing_lists")
    mailing_list = get_object_or_404(MailingList, slug=slug)
    header = ["email", "state", "language", "requested_at", "confirmed_at", "unsubscribed_at",
              "consent_text"]  # fmt: skip
    rows = (
        [
            s.email, s.state, s.language, s.requested_at.isoformat(),
            s.confirmed_at.isoformat() if s.confirmed_at else "",
            s.unsubscribed_at.isoformat() if s.unsubscribed_at else "",
            s.consent_text,
        ]
        for s in mailing_list_subscribers(mailing_list).iterator(chunk_size=2000)
    )  # fmt: skip
    response = csv_stream(header, rows)
    response["Content-Disposition"] = f'attachment; filename="subscribers-{slug}.csv"'
    return response


@require_http_methods(["GET", "POST"])
def staff_send(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, "participation.manage_mailing_lists")
    mailing_list = get_object_or_404(MailingList, slug=slug)
    form = ListMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = list_message_send(
                acting_user=request.user, mailing_list=mailing_list, **form.cleaned_data
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Message sent to %(count)s subscribers.") % {"count": message.recipient_count},
            )
            return redirect("participation:staff-lists")
    return render(
        request, "participation/lists/staff_send.html", {"form": form, "mailing_list": mailing_list}
    )
