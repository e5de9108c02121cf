"""Support Unit: upload OGP's commitments and IRM data sheet."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ogp.core.errors import ServiceError
from ogp.core.permissions import permission_required
from ogp.plans import services
from ogp.plans.forms import SheetUploadForm
from ogp.plans.models import SheetImport

MAX_SHEET_BYTES = 50 * 1024 * 1024


@permission_required("plans.import_sheet")
def sheet_import(request: HttpRequest) -> HttpResponse:
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_SHEET_BYTES:
            form.add_error(
                "file",
                _("The file is larger than %(size)s MB.") % {"size": MAX_SHEET_BYTES // 2**20},
            )
        else:
            try:
                result = services.sheet_import(
                    acting_user=request.user, data=upload.read(), file_name=upload.name
                )
            except ServiceError as exc:
                errors = exc.messages
    return render(
        request,
        "plans/sheet_import.html",
        {
            "form": form,
            "errors": errors,
            "result": result,
            "history": SheetImport.objects.select_related("imported_by")[:10],
        },
    )
