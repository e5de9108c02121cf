from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.models import ImportJob, OutboundEmail
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


@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """The state of a background import: for staff, and for the person who started it."""
    job = get_object_or_404(ImportJob.objects.defer("data"), pk=pk)
    if not (job.created_by_id == request.user.pk or request.user.has_perm("ogp_tasks.view_tasks")):
        raise PermissionDenied
    return render(request, "tasks/import_job.html", {"job": job})
