"""Reporting content and the Support Unit's moderation queue."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.cache_middleware import cached_fragment
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import permission_required, require
from ogp.core.shared_pages import shared_page

from ..forms import HideForm, ReportForm
from ..selectors import hidden_content, moderated_models, moderation_queue
from ..services.moderation import content_hide, content_report, content_restore, reports_dismiss
from .common import add_service_error, rate_limited


def _target(kind: str, pk: int) -> Any:
    """The content named by "app_label.model" and pk: only models with the moderation fields."""
    model = moderated_models().get(kind)
    if model is None:
        raise Http404
    try:
        return model._default_manager.get(pk=pk)
    except ObjectDoesNotExist as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    obj = _target(kind, pk)
    require(request, "engagement.report_content", obj)
    if getattr(obj, "is_hidden", False):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if limited := rate_limited(request, "report"):
            return limited
        if form.is_valid():
            try:
                content_report(
                    acting_user=request.user, obj=obj, reason=form.cleaned_data["reason"]
                )
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Thank you; moderators will look at your report."))
                return redirect(obj)
    return render(request, "engagement/report_form.html", {"form": form, "obj": obj})


@permission_required("engagement.moderate")
@shared_page(scopes=("accounts",))
def queue(request: HttpRequest) -> HttpResponse:

    def build() -> dict[str, Any]:
        page = paginate(request, moderation_queue(), default=20)
        return {"items": page, "page": page, "hidden": hidden_content()}

    # the same for every moderator (checked above): rendered once per change of the reports
    # or the moderated content (published apps) or of the reporters' accounts
    body = cached_fragment(
        request,
        "moderation-queue",
        "engagement/_moderation_queue_body.html",
        build,
        scopes=("accounts",),
    )
    return render(request, "engagement/moderation_queue.html", {"body": body})


@require_POST
def act(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    require(request, "engagement.moderate")
    obj = _target(kind, pk)
    action = request.POST.get("action")
    try:
        if action == "hide":
            form = HideForm(request.POST)
            if not form.is_valid():
                raise ServiceError(_("Give the reason; the author will see it."))
            content_hide(acting_user=request.user, obj=obj, reason=form.cleaned_data["reason"])
            messages.success(request, _("The content is hidden; its author sees your reason."))
        elif action == "restore":
            content_restore(acting_user=request.user, obj=obj)
            messages.success(request, _("The content is visible again."))
        elif action == "dismiss":
            reports_dismiss(acting_user=request.user, obj=obj)
            messages.success(request, _("The reports have been dismissed."))
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("engagement:moderation-queue")
