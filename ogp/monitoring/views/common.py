"""Helpers shared by the monitoring views."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ogp.cocreation.domain.textdiff import commitment_diffs
from ogp.core.errors import ServiceError

from ..forms import AnswerForm


def add_errors(form: Any, error: ServiceError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def diff_rows(
    old: list[tuple[str, dict[str, str]]],
    new: list[tuple[str, dict[str, str]]],
    labels: dict[str, Any],
    field_order: list[str],
) -> list[dict[str, Any]]:
    """The co-creation drafts' word diff, with translated field labels for the template."""
    return [
        {"diff": d, "fields": [(labels[f.name], f) for f in d.fields]}
        for d in commitment_diffs(old, new, field_order=field_order)
    ]


def answer_page(
    request: HttpRequest,
    *,
    comment: Any,
    others: list[Any],
    back: str,
    answer: Callable[..., Any],
) -> HttpResponse:
    """The answer form for one report comment (the caller has checked the permission):
    ``answer(acting_user=, comment=, disposition=, reason=, merged_into=)`` is the service;
    ``others`` the comments it may be merged with; ``back`` the page the comment is on."""
    form = AnswerForm(
        request.POST or None,
        others=others,
        initial={"disposition": comment.disposition or None, "reason": comment.reason,
                 "merged_into": comment.merged_into_id},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        merged = next((c for c in others if c.pk == data["merged_into"]), None)
        try:
            answer(
                acting_user=request.user, comment=comment, disposition=data["disposition"],
                reason=data["reason"], merged_into=merged,
            )  # fmt: skip
        except ServiceError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your answer is published."))
            return redirect(f"{back}#comment-{comment.pk}")
    return render(request, "monitoring/answer_form.html", {
        "report": comment.report, "comment": comment, "form": form, "back": back,
    })  # fmt: skip
