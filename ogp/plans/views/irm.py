"""IRM reports: staff start one and assign researchers; assigned researchers draft, code and
publish; the public reads published versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import permission_required
from ogp.plans import selectors, services
from ogp.plans.forms import IRMCodingForm, IRMReportCreateForm, IRMReportForm
from ogp.plans.labels import indicator_label, level_label
from ogp.plans.models import Commitment, IRMReport
from ogp.plans.services.irm import REPORT_INDICATORS, indicator_for, minimum_requirement_list


def _language() -> str:
    return (translation.get_language() or "en")[:2]


def _plan(request: HttpRequest, ogp_id: str):  # type: ignore[no-untyped-def]
    return selectors.plan_get(ogp_id)


def _report(request: HttpRequest, report_id: int, **kwargs: Any) -> IRMReport:
    return get_object_or_404(
        IRMReport.objects.select_related("plan__country", "plan__locality"), pk=report_id
    )


def _errors(form: Any, exc: ServiceError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


@permission_required("plans.add_irm_report", fn=_plan)
def irm_report_create(request: HttpRequest, ogp_id: str) -> HttpResponse:
    plan = selectors.plan_get(ogp_id)
    form = IRMReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.irm_report_create(
                acting_user=request.user, plan=plan, kind=form.cleaned_data["kind"],
                researchers=list(form.cleaned_data["researchers"]),
            )  # fmt: skip
        except ServiceError as exc:
            _errors(form, exc)
        else:
            return redirect(report.get_absolute_url())
    return render(request, "plans/irm_report_create.html", {"form": form, "plan": plan})


def _requirement_rows(assessed: dict[str, str]) -> list[dict[str, str]]:
    language = _language()
    return [
        {
            "code": r["code"],
            "label": r["labels"].get(language) or r["labels"]["en"],
            "value": assessed.get(r["code"], "not_assessed"),
        }
        for r in minimum_requirement_list()
    ]


@permission_required("plans.view_irm_report", fn=_report)
def irm_report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    can_edit = request.user.has_perm("plans.edit_irm_report", report)
    latest = report.versions.first()
    show_draft = (
        can_edit or request.user.has_perm("plans.add_irm_report", report.plan) or (latest is None)
    )
    content = (
        {
            "summary": report.summary,
            "analysis": report.analysis,
            "minimum_requirements": report.minimum_requirements,
            "coding": {
                c.commitment.identifier: c.values
                for c in report.codings.select_related("commitment")
            },
        }  # fmt: skip
        if show_draft or latest is None
        else latest.content
    )
    keys = REPORT_INDICATORS[report.kind]
    commitments = list(report.plan.commitments.order_by("identifier"))
    rows = []
    for commitment in commitments:
        values = content["coding"].get(commitment.identifier, {})
        cells = []
        for key in keys:
            level = values.get(key, "")
            indicator = key.split(".", 1)[1]
            cells.append(
                level_label(indicator, level) if level and level != "nr" else
                (str(_not_reviewed()) if level == "nr" else "")
            )  # fmt: skip
        rows.append({"commitment": commitment, "cells": cells})
    return render(
        request,
        "plans/irm_report_detail.html",
        {
            "report": report,
            "latest": latest,
            "draft": show_draft,
            "content": content,
            "requirements": _requirement_rows(content["minimum_requirements"]),
            "headers": [indicator_label(k.split(".", 1)[1]) for k in keys],
            "rows": rows,
            "can_edit": can_edit,
            "versions": list(report.versions.all()),
        },
    )


def _not_reviewed() -> str:
    from ogp.plans.labels import STATE_LABELS

    return str(STATE_LABELS["nr"])


@permission_required("plans.edit_irm_report", fn=_report)
def irm_report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    initial = {
        "summary": report.summary, "analysis": report.analysis,
        "comment_opens": report.comment_opens, "comment_closes": report.comment_closes,
        "iap2_development": report.iap2_development,
        "iap2_implementation": report.iap2_implementation,
        "has_repository": {None: "", True: "yes", False: "no"}[report.has_repository],
        **{"req_" + code.replace(".", "_"): value
           for code, value in report.minimum_requirements.items()},
    }  # fmt: skip
    form = IRMReportForm(
        request.POST or None, initial=initial, requirements=minimum_requirement_list(),
        language=_language(),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.irm_report_update(
                acting_user=request.user, report=report, summary=data["summary"],
                analysis=data["analysis"], minimum_requirements=form.assessments(),
                comment_opens=data["comment_opens"], comment_closes=data["comment_closes"],
                process_facts=form.process_facts(),
            )  # fmt: skip
        except ServiceError as exc:
            _errors(form, exc)
        else:
            return redirect(report.get_absolute_url())
    return render(request, "plans/irm_report_edit.html", {"form": form, "report": report})


@permission_required("plans.edit_irm_report", fn=_report)
def irm_coding_edit(request: HttpRequest, report_id: int, identifier: str) -> HttpResponse:
    report = _report(request, report_id)
    commitment = get_object_or_404(Commitment, identifier=identifier, plan=report.plan)
    indicators = [(k, indicator_for(report.plan, k)) for k in REPORT_INDICATORS[report.kind]]
    existing = report.codings.filter(commitment=commitment).first()
    initial: dict[str, Any] = {"notes": existing.notes if existing else ""}
    if existing:
        initial.update({k.replace(".", "__"): v for k, v in existing.values.items()})
    form = IRMCodingForm(
        request.POST or None, initial=initial, indicators=indicators, language=_language()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.irm_coding_save(
                acting_user=request.user, report=report, commitment=commitment,
                values=form.values(), notes=form.cleaned_data["notes"],
            )  # fmt: skip
        except ServiceError as exc:
            _errors(form, exc)
        else:
            return redirect(report.get_absolute_url())
    return render(
        request,
        "plans/irm_coding_form.html",
        {"form": form, "report": report, "commitment": commitment},
    )


@require_POST
@permission_required("plans.edit_irm_report", fn=_report)
def irm_report_publish(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    try:
        services.irm_report_publish(acting_user=request.user, report=report)
    except ServiceError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(report.get_absolute_url())
