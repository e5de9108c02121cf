"""Support Unit pages: review queue, onboarding list, questions and co-chairs."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import require

from .. import selectors, services
from ..domain.onboarding import onboarding_progress
from ..forms import (
    CoChairsForm,
)
from ..models import Inquiry
from .common import (
    _user,
)

# --- Staff pages ----------------------------------------------------------------------------


def review_queue(request: HttpRequest) -> HttpResponse:
    require(request, "membership.view_review_queue")
    queue = paginate(request, selectors.letter_review_queue())
    return render(
        request,
        "membership/review_queue.html",
        {
            "queue": queue,
            "page": queue,
            "recent": list(selectors.letter_recent_decisions()),
        },
    )


def onboarding_list(request: HttpRequest) -> HttpResponse:
    require(request, "membership.view_review_queue")
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
    require(request, "membership.view_review_queue")
    status = request.GET.get("status", "")
    if status not in Inquiry.Status.values:
        status = ""
    return render(
        request,
        "membership/inquiry_staff_list.html",
        {
            "inquiries": (page := paginate(request, selectors.inquiry_staff_list(status))),
            "page": page,
            "status": status,
            "statuses": Inquiry.Status.choices,
        },
    )


def cochairs_edit(request: HttpRequest) -> HttpResponse:
    require(request, "membership.change_cochairs")
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
