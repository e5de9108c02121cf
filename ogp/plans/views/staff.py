"""Support Unit: upload OGP's commitments and IRM data sheet."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ogp.core.imports import import_job_create
from ogp.core.models import ImportJob
from ogp.core.permissions import permission_required
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
            # a background task imports it (ogp/core/imports.py), with the same service
            job = import_job_create(
                acting_user=request.user, kind="plans.sheet", data=upload.read(),
                file_name=upload.name, params={},
            )  # fmt: skip
            if job.state == ImportJob.State.FAILED:
                errors = job.errors
            elif job.state == ImportJob.State.DONE:
                result = SheetImport.objects.get(pk=job.result["sheet_import"])
            else:
                return redirect(job)
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
