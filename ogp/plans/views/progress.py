"""Government progress updates, civil society's reviews, milestones, evidence downloads."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ogp.core.errors import ServiceError
from ogp.core.permissions import permission_required
from ogp.core.uploads import serve_private_file
from ogp.plans import selectors, services
from ogp.plans.forms import (
    CommitmentTemplateForm,
    InstitutionForm,
    MilestoneForm,
    ProgressReviewForm,
    ProgressUpdateForm,
)
from ogp.plans.models import ProgressEvidence


def _milestone(request: HttpRequest, milestone_id: int):  # type: ignore[no-untyped-def]
    return selectors.milestone_get(milestone_id)


def _update(request: HttpRequest, update_id: int):  # type: ignore[no-untyped-def]
    return selectors.update_get(update_id)


def _commitment(request: HttpRequest, identifier: str):  # type: ignore[no-untyped-def]
    return selectors.commitment_get(identifier)


@permission_required("plans.post_progress", fn=_milestone)
def progress_update_create(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = selectors.milestone_get(milestone_id)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_update_create(
                acting_user=request.user,
                milestone=milestone,
                status=data["status"],
                narrative=data["narrative"],
                files=[data["evidence_file"]] if data["evidence_file"] else [],
                links=[data["evidence_link"]] if data["evidence_link"] else [],
                no_evidence_reason=data["no_evidence_reason"],
            )
        except ServiceError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            return redirect(milestone.commitment.get_absolute_url() + f"#milestone-{milestone.pk}")
    return render(request, "plans/update_form.html", {"form": form, "milestone": milestone})


@permission_required("plans.review_progress", fn=_update)
def progress_review_create(request: HttpRequest, update_id: int) -> HttpResponse:
    update = selectors.update_get(update_id)
    form = ProgressReviewForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_review_create(
                acting_user=request.user,
                update=update,
                verdict=data["verdict"],
                status=data["status"],
                reasoning=data["reasoning"],
                link=data["link"] or "",
                file=data["file"],
            )
        except ServiceError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            commitment = update.milestone.commitment
            return redirect(commitment.get_absolute_url() + f"#milestone-{update.milestone_id}")
    return render(request, "plans/review_form.html", {"form": form, "update": update})


@permission_required("plans.add_milestone", fn=_commitment)
def milestone_create(request: HttpRequest, identifier: str) -> HttpResponse:
    commitment = selectors.commitment_get(identifier)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_create(
                acting_user=request.user, commitment=commitment, **form.cleaned_data
            )
        except ServiceError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            return redirect(commitment.get_absolute_url())
    return render(request, "plans/milestone_form.html", {"form": form, "commitment": commitment})


@permission_required("plans.change_commitment", fn=_commitment)
def commitment_edit(request: HttpRequest, identifier: str) -> HttpResponse:
    commitment = selectors.commitment_get(identifier)
    initial = {name: getattr(commitment, name) for name in CommitmentTemplateForm.base_fields}
    form = CommitmentTemplateForm(
        request.POST if request.POST.get("form") == "template" else None, initial=initial
    )
    institution_form = InstitutionForm(
        request.POST if request.POST.get("form") == "institution" else None,
        country_id=commitment.plan.country_id,
    )
    try:
        if form.is_bound and form.is_valid():
            services.commitment_template_update(
                acting_user=request.user, commitment=commitment, **form.cleaned_data
            )
            return redirect(commitment.get_absolute_url())
        if institution_form.is_bound and institution_form.is_valid():
            services.commitment_institution_add(
                acting_user=request.user, commitment=commitment, **institution_form.cleaned_data
            )
            return redirect(commitment.get_absolute_url())
    except ServiceError as exc:
        target = form if form.is_bound else institution_form
        for message in exc.messages:
            target.add_error(None, message)
    return render(
        request,
        "plans/commitment_edit.html",
        {"form": form, "institution_form": institution_form, "commitment": commitment},
    )


def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    """Evidence is public (shown beside the update); served with the private-file headers."""
    evidence = get_object_or_404(
        ProgressEvidence.objects.select_related("update__milestone__commitment"), pk=evidence_id
    )
    if not evidence.file or not request.user.has_perm(
        "plans.view_commitment", evidence.update.milestone.commitment
    ):
        raise Http404
    return serve_private_file(request, evidence.file, evidence.file_name or "evidence.pdf")
