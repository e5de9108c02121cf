"""Helpers shared by the monitoring views."""

from typing import Any

from ogp.cocreation.domain.textdiff import commitment_diffs
from ogp.core.errors import ServiceError


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
