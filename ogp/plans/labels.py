"""Translated labels for coding levels stored as data (scale JSON carries en/fr/es)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .domain.scales import load_versions
from .models import MilestoneStatus

COMPLETION_ORDER = ["complete", "substantial", "limited", "not_started", "no_evidence", "withdrawn"]
CODING_LABELS = {
    "starred": _("Starred"),
    "high_completion": _("High completion"),
    "strong_early_results": _("Strong early results"),
}
VALUE_LABELS = {
    "access_to_information": _("Access to information"),
    "civic_participation": _("Civic participation"),
    "public_accountability": _("Public accountability"),
    "technology": _("Technology and innovation"),
}
STATE_LABELS = {
    "nd": _("No data"),
    "nr": _("Not reviewed"),
    "na": _("Not applicable"),
}
PHASE_LABELS = {
    "design": _("Design"),
    "midterm": _("Midterm (progress report)"),
    "end_of_term": _("End of term (results)"),
}


@cache
def _level_labels() -> dict[tuple[str, str], dict[str, str]]:
    out: dict[tuple[str, str], dict[str, str]] = {}
    for version in load_versions():
        for indicator in version.indicators:
            out.setdefault(("", indicator.code), dict(indicator.labels))
            for level in indicator.levels:
                out.setdefault((indicator.code, level.code), dict(level.labels))
    return out


def _pick(labels: dict[str, str] | None, fallback: str) -> str:
    if not labels:
        return fallback
    language = (translation.get_language() or "en")[:2]
    return labels.get(language) or labels.get("en") or fallback


def level_label(indicator: str, level: str) -> str:
    return _pick(_level_labels().get((indicator, level)), level)


def indicator_label(indicator: str) -> str:
    return _pick(_level_labels().get(("", indicator)), indicator)


def completion_label(code: str) -> str:
    if code in MilestoneStatus.values:
        return str(MilestoneStatus(code).label)
    return level_label("completion", code) if code else str(_("Not assessed"))


def coding_rows(coding: dict[str, Any]) -> list[dict[str, str]]:
    """The coding of one commitment as rows for a table (phase, indicator, value, as written)."""
    rows = []
    for key, value in coding.items():
        phase, _dot, indicator = key.partition(".")
        state = value.get("state")
        shown = (
            level_label(indicator, value.get("level") or "")
            if state == "value"
            else str(STATE_LABELS.get(state, state))
        )
        rows.append(
            {
                "phase": str(PHASE_LABELS.get(phase, phase)),
                "indicator": indicator_label(indicator),
                "value": shown,
                "state": state,
                "raw": value.get("text") or value.get("code") or "",
            }
        )
    return rows
