"""The Support Unit's queue of submitted plans: return with a reason, or publish."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.errors import ServiceError

from ..forms import ReasonForm
from ..selectors import latest_published_version, plan_ledger_counts, submission_queue
from ..services import plans as services
from .common import add_service_error, check, current_user, visible_plan


def queue(request: HttpRequest) -> HttpResponse:
    if denied := check(request, "cocreation.view_queue"):
        return denied
    today = timezone.localdate()
    rows = [
        {"plan": p, "delivery": services.plan_delivery(p, today=today)} for p in submission_queue()
    ]
    return render(request, "cocreation/staff_queue.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.review_plan", plan):
        return denied
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_return(
                acting_user=current_user(request), plan=plan, reason=form.cleaned_data["reason"]
            )
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The plan is returned to the government with your reason."))
            return redirect("cocreation:staff-queue")
    today = timezone.localdate()
    return render(
        request,
        "cocreation/staff_review.html",
        {
            "plan": plan,
            "form": form,
            "latest": latest_published_version(plan),
            "ledger": plan_ledger_counts(plan, today=today),
            "delivery": services.plan_delivery(plan, today=today),
        },
    )


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    plan = visible_plan(request, slug)
    if denied := check(request, "cocreation.review_plan", plan):
        return denied
    try:
        services.plan_publish(acting_user=current_user(request), plan=plan)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cocreation:staff-review", plan.slug)
    messages.success(request, _("The plan and its commitments are published."))
    return redirect(plan)
