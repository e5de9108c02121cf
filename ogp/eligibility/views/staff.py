"""Support Unit workspace for eligibility: home, imports, releases, opening a cycle."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ogp.core.imports import import_job_create
from ogp.core.models import ImportJob
from ogp.core.permissions import permission_required

from .. import selectors, services
from ..forms import (
    CycleOpenForm,
    ImportForm,
)
from ..labels import (
    DATASET_LABELS,
    OBS_DOCUMENT_LABELS,
    unmatched_units,
)
from ..models import DatasetRelease
from .common import (
    MANAGE,
)

# ---------------------------------------------------------------- staff pages


@permission_required(MANAGE)
def staff_home(request: HttpRequest) -> HttpResponse:
    return _staff_home(request)


def _staff_home(request: HttpRequest, open_form: CycleOpenForm | None = None) -> HttpResponse:
    return render(
        request,
        "eligibility/staff_home.html",
        {
            "cycles": selectors.cycle_list(published_only=False),
            "releases": selectors.release_list(),
            "rulesets": selectors.ruleset_list(),
            "pending": selectors.evidence_pending(),
            "open_form": open_form or CycleOpenForm(),
        },
    )


@permission_required(MANAGE)
def release_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        published_on = form.cleaned_data["published_on"]
        # a background task imports it (ogp/core/imports.py), with the same service
        job = import_job_create(
            acting_user=request.user,
            kind="eligibility.release",
            data=upload.read(),
            file_name=upload.name,
            params={
                "kind": form.cleaned_data["kind"] or "",
                "edition": form.cleaned_data["edition"],
                "publisher": form.cleaned_data["publisher"],
                "published_on": published_on.isoformat() if published_on else "",
                "source_url": form.cleaned_data["source_url"],
            },
        )
        if job.state == ImportJob.State.FAILED:
            form.add_error(None, ValidationError(job.errors))
        elif job.state == ImportJob.State.DONE:
            release = get_object_or_404(DatasetRelease, pk=job.result["release"])
            if job.result["created"]:
                messages.success(request, _("Imported %(release)s.") % {"release": release})
            else:
                messages.info(
                    request,
                    _("This file was already imported as %(release)s; nothing changed.")
                    % {"release": release},
                )
            return redirect(release)
        else:
            return redirect(job)
    return render(request, "eligibility/release_import.html", {"form": form})


@permission_required(MANAGE)
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = get_object_or_404(DatasetRelease.objects.select_related("imported_by"), pk=pk)
    return render(
        request,
        "eligibility/release_detail.html",
        {
            "release": release,
            "dataset_label": DATASET_LABELS.get(release.kind, release.kind),
            "unmatched_units": unmatched_units(release.unmatched),
            "columns": [
                f"{OBS_DOCUMENT_LABELS[c]} ({c})" if c in OBS_DOCUMENT_LABELS else c
                for c in release.columns
            ],
        },
    )


@permission_required(MANAGE)
def cycle_open(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":  # e.g. the language switcher on a page shown after an error
        return redirect("eligibility:staff")
    form = CycleOpenForm(request.POST)
    if form.is_valid():
        try:
            cycle = services.cycle_open(
                acting_user=request.user,
                year=form.cleaned_data["year"],
                review_date=form.cleaned_data["review_date"],
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(request, _("Cycle %(year)s opened.") % {"year": cycle.year})
            return redirect("eligibility:cycle-manage", year=cycle.year)
    # the form comes back with its errors and what was typed
    return _staff_home(request, open_form=form)
