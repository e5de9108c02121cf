from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.models import OutboundEmail
from ogp.core.permissions import permission_required

from . import selectors, services
from .schedule import JOBS


@permission_required("ogp_tasks.view_tasks")
def staff(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tasks/staff.html",
        {
            "counts": selectors.email_counts(),
            "failed": selectors.failed_emails(),
            "runs": selectors.recent_runs(),
            "jobs": JOBS,
        },
    )


@permission_required("ogp_tasks.view_tasks")
@require_POST
def email_retry(request: HttpRequest, pk: int) -> HttpResponse:
    email = get_object_or_404(OutboundEmail, pk=pk)
    try:
        services.outbound_email_retry(acting_user=request.user, email=email)
    except ServiceError as err:
        messages.error(request, " ".join(err.messages))
    else:
        messages.success(request, _("The e-mail is queued again."))
    return redirect("ogp_tasks:staff")
