"""Past OGP membership with dates and sources (Support Unit): by form or CSV."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ogp.core.permissions import permission_required
from ogp.countries.models import MembershipStatusChange

from .. import services
from ..forms import MembershipHistoryForm, MembershipHistoryImportForm
from ..labels import unmatched_units
from .common import MANAGE


@permission_required(MANAGE)
def membership_history(request: HttpRequest) -> HttpResponse:
    form = MembershipHistoryForm(request.POST if "record" in request.POST else None)
    upload = MembershipHistoryImportForm(
        request.POST if "upload" in request.POST else None,
        request.FILES if "upload" in request.POST else None,
    )
    unmatched: list = []
    if request.method == "POST" and "record" in request.POST and form.is_valid():
        d = form.cleaned_data
        try:
            _change, created = services.membership_history_record(
                acting_user=request.user,
                country=d["country"],
                status=d["status"],
                effective_date=d["effective_date"],
                source=d["source"],
                reason=d["reason"],
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(
                request,
                _("Recorded. Cycles computed from now on use it on their review date.")
                if created
                else _("This status on this date was already recorded; nothing changed."),
            )
            return redirect("eligibility:membership-history")
    if request.method == "POST" and "upload" in request.POST and upload.is_valid():
        f = upload.cleaned_data["file"]
        try:
            done = services.membership_history_import(
                acting_user=request.user, data=f.read(), file_name=f.name
            )
        except ValidationError as err:
            upload.add_error("file", err)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s entry recorded, %(same)s already there.",
                    "%(n)s entries recorded, %(same)s already there.",
                    done.created,
                )
                % {"n": done.created, "same": done.unchanged},
            )
            unmatched = unmatched_units(
                [
                    {"line": u.line, "name": u.name, "code": u.code, "why": u.why}
                    for u in done.unmatched
                ]
            )
            if not unmatched:
                return redirect("eligibility:membership-history")
    recent = MembershipStatusChange.objects.select_related("country").order_by(
        "-changed_at", "-id"
    )[:50]
    return render(
        request,
        "eligibility/membership_history.html",
        {"form": form, "upload": upload, "recent": recent, "unmatched": unmatched},
    )
