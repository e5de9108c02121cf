"""Events: list, page, registration, cancellation, iCal; staff editing and registrant export."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.audit.concurrency import StaleEditError, offer_current_version
from ogp.core.cache_middleware import cached_fragment, public_page
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import can, require
from ogp.core.shared_pages import shared_page
from ogp.core.streaming import csv_stream
from ogp.engagement.selectors import is_following

from ..forms import EventFilterForm, EventForm, RegistrationForm
from ..ical import event_calendar
from ..models import Registration
from ..selectors import event_get, event_list, event_registrants, registration_of, waiting_position
from ..services import events as services
from .common import add_service_error, rate_limited

RECENT_PAST = 10  # past events shown under the upcoming ones; all of them with ?when=past
FEED_SIZE = 1000  # the calendar feed holds the next thousand events


@shared_page()
@public_page
def event_index(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, Any]:
        form = EventFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        kind = filters.get("kind", "")
        past = filters.get("when") == "past"
        return {
            "form": form,
            "showing_past": past,
            "page": paginate(request, event_list(kind=kind, past=past)),
            "recent_past": [] if past else list(event_list(past=True, kind=kind)[:RECENT_PAST]),
        }

    body = cached_fragment(
        request, "event-list", "participation/events/_event_list_body.html", build
    )
    return render(
        request,
        "participation/events/event_list.html",
        {"body": body, "can_manage": request.user.has_perm("participation.manage_events")},
    )


def _detail_context(request, event, form=None):  # type: ignore[no-untyped-def]
    registration = registration_of(event, request.user)
    if registration is not None:
        registration.event = event
    return {
        "event": event,
        "registration": registration,
        "position": waiting_position(registration) if registration else None,
        "form": form or RegistrationForm(),
        "can_register": can(request, "participation.register_event"),
        "can_manage": can(request, "participation.manage_events"),
        "is_full": event.capacity is not None and event.confirmed_count >= event.capacity,
        "seats_left": None
        if event.capacity is None
        else max(0, event.capacity - event.confirmed_count),
        "is_following": is_following(request.user, event),
    }


@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_get(slug)
    return render(
        request, "participation/events/event_detail.html", _detail_context(request, event)
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_get(slug)
    if request.method == "GET":
        # The error page is shown at this address: switching language there (a GET) goes back.
        return redirect(event)
    require(request, "participation.register_event", event)
    if limited := rate_limited(request, "register"):
        return limited
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_create(
                acting_user=request.user,
                event=event,
                accessibility_needs=form.cleaned_data["accessibility_needs"],
                organisation_name=form.cleaned_data["organisation_name"],
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            if registration.state == Registration.State.CONFIRMED:
                messages.success(
                    request, _("You are registered. A confirmation e-mail is on its way.")
                )
            else:
                messages.success(
                    request,
                    _(
                        "The event is full: you are on the waiting list. "
                        "We will e-mail you if a seat frees up."
                    ),
                )
            return redirect(event)
    return render(
        request,
        "participation/events/event_detail.html",
        _detail_context(request, event, form),
        status=400,
    )


@require_POST
def cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = event_get(slug)
    registration = get_object_or_404(Registration, event=event, pk=pk)
    require(request, "participation.cancel_registration", registration)
    try:
        services.registration_cancel(acting_user=request.user, registration=registration)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration has been cancelled."))
    if request.user.pk != registration.user_id:
        return redirect("participation:event-registrants", slug=event.slug)
    return redirect(event)


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_get(slug)
    response = HttpResponse(event_calendar([event]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def calendar_feed(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        event_calendar(event_list()[:FEED_SIZE], name=_("OGP events")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="ogp-events.ics"'
    return response


@require_http_methods(["GET", "POST"])
def event_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    require(request, "participation.manage_events")
    event = event_get(slug) if slug else None
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.EVENT_FIELDS}
        try:
            event = services.event_save(
                acting_user=request.user,
                event=event,
                expected_version=form.cleaned_data.get("version"),
                **fields,
            )
        except StaleEditError as error:
            add_service_error(form, error)
            offer_current_version(form, error)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The event has been saved."))
            return redirect(event)
    return render(request, "participation/events/event_form.html", {"form": form, "event": event})


def registrants(request: HttpRequest, slug: str) -> HttpResponseBase:
    require(request, "participation.manage_events")
    event = event_get(slug)
    rows = event_registrants(event)
    if request.GET.get("format") == "csv":
        header = ["name", "email", "organisation", "state", "registered_at",
                  "accessibility_needs", "language"]  # fmt: skip
        response = csv_stream(
            header,
            (
                [
                    r.name,
                    r.email,
                    r.organisation_name,
                    r.state,
                    r.registered_at.isoformat(),
                    r.accessibility_needs,
                    r.language,
                ]
                for r in rows.iterator(chunk_size=2000)
            ),  # fmt: skip
        )
        response["Content-Disposition"] = f'attachment; filename="registrants-{event.slug}.csv"'
        return response
    page = paginate(request, rows)
    return render(
        request,
        "participation/events/registrants.html",
        {"event": event, "registrations": page, "page": page},
    )


def my_registrations(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        raise Http404
    page = paginate(
        request,
        request.user.event_registrations.select_related("event").order_by(
            "-event__starts_at", "-pk"
        ),
    )
    return render(
        request,
        "participation/events/my_registrations.html",
        {"registrations": page, "page": page},
    )
