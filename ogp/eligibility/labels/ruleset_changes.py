"""What a staff-made rule set version changes from its base, as sentences."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .codes import (
    CRITERION_LABELS,
    DATASET_LABELS,
    OBS_DOCUMENT_LABELS,
    PROVISION_LABELS,
    SCALE_LABELS,
)


def _value_text(value: Any) -> str:
    if value is None:
        return _("none")
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, float):
        return number_format(value, decimal_pos=None) if not value.is_integer() else f"{value:g}"
    if isinstance(value, list):
        if value and isinstance(value[0], dict) and "above" in value[0]:
            return ", ".join(
                _("%(points)s above %(value)s")
                % {"points": b["points"], "value": _value_text(float(b["above"]))}
                for b in value
            )
        return ", ".join(str(OBS_DOCUMENT_LABELS.get(v, v)) for v in value)
    return str(value)


def _share_text(value: Any) -> str:
    from fractions import Fraction

    try:
        return f"{float(Fraction(str(value))) * 100:g} %".replace(" %", "%")
    except (ValueError, ZeroDivisionError):
        return _value_text(value)


def _change_line(what: object, change: str) -> str:
    # Translators: one change of a rule set version ("Data lag in years: 1 → 2")
    return _("%(what)s: %(change)s") % {"what": what, "change": change}


def _mapping_changes(label: str, old: dict, new: dict, names: dict) -> list[str]:
    parts = [
        f"{names.get(k, k)} {_value_text(old.get(k))} → {_value_text(new.get(k))}"
        for k in new
        if old.get(k) != new.get(k)
    ]
    return [_change_line(label, _("; ").join(parts))] if parts else []


RULESET_FIELD_LABELS = {
    "valid_from": gettext_lazy("First cycle year"),
    "valid_to": gettext_lazy("Last cycle year"),
    "pass_share": gettext_lazy("Share of available points needed"),
    "min_criteria": gettext_lazy("Minimum number of assessed criteria"),
    "data_lag_years": gettext_lazy("Data lag in years"),
    "eligibility_review_cycles": gettext_lazy(
        "Consecutive cycles below the minimum before Eligibility Review"
    ),
    "additional_information": gettext_lazy("Additional information route open"),
}
CRITERION_PART_LABELS = {
    "documents": gettext_lazy("documents"),
    "indicator": gettext_lazy("indicator"),
    "bands": gettext_lazy("cut-offs"),
    "inclusive": gettext_lazy("a value at a cut-off reaches it"),
    "public_access_points": gettext_lazy("extra points for public access"),
    "max_points": gettext_lazy("maximum points"),
}


# module constants: xgettext does not read calls inside f-strings
PART_STATUS_POINTS = gettext_lazy("points per document status")
PART_PROVISION_POINTS = gettext_lazy("points by legal provision")
PART_SOURCE = gettext_lazy("published source")


def _source_text(source: Any) -> str:
    """E.g. "Global Data Barometer (“Partially” counts: no; from data year 2019)"."""
    if not source:
        return _("none")
    name = str(DATASET_LABELS.get(source.get("dataset"), source.get("dataset")))
    if source.get("dataset") != "gdb":
        return name
    parts = [
        _("“Partially” counts: %(value)s")
        % {"value": _value_text(bool(source.get("partial_publication")))}
    ]
    if source.get("applies_from"):
        parts.append(_("from data year %(year)s") % {"year": source["applies_from"]})
    return f"{name} ({'; '.join(parts)})"


def ruleset_changes(old: dict, new: dict) -> list[str]:
    """What a rule set version changes from the one it is based on, one sentence per item,
    in the reader's language (shown on the methodology page)."""
    out = []
    for key, field_label in RULESET_FIELD_LABELS.items():
        if old.get(key) != new.get(key):
            text = _share_text if key == "pass_share" else _value_text
            out.append(_change_line(field_label, f"{text(old.get(key))} → {text(new.get(key))}"))
    old_crit = {c["code"]: c for c in old.get("criteria", [])}
    for crit in new.get("criteria", []):
        before = old_crit.get(crit["code"], {})
        label = str(CRITERION_LABELS.get(crit["code"], crit["code"]))
        for part, part_label in CRITERION_PART_LABELS.items():
            if part in crit and before.get(part) != crit.get(part):
                out.append(
                    _change_line(
                        f"{label}, {part_label}",
                        f"{_value_text(before.get(part))} → {_value_text(crit.get(part))}",
                    )
                )
        if before.get("status_points") != crit.get("status_points") and "status_points" in crit:
            out += _mapping_changes(
                f"{label}, {PART_STATUS_POINTS}",
                before.get("status_points") or {},
                crit["status_points"],
                {},
            )
        if "provision_points" in crit and before.get("provision_points") != crit.get(
            "provision_points"
        ):
            out += _mapping_changes(
                f"{label}, {PART_PROVISION_POINTS}",
                before.get("provision_points") or {},
                crit["provision_points"],
                {k: str(v) for k, v in PROVISION_LABELS.items()},
            )
        if (before.get("source") or None) != (crit.get("source") or None):
            out.append(
                _change_line(
                    f"{label}, {PART_SOURCE}",
                    f"{_source_text(before.get('source'))} → {_source_text(crit.get('source'))}",
                )
            )
    old_vc, new_vc = old.get("values_check") or {}, new.get("values_check") or {}
    if bool(old_vc) != bool(new_vc):
        out.append(
            _change_line(
                _("Values Check"), f"{_value_text(bool(old_vc))} → {_value_text(bool(new_vc))}"
            )
        )
    elif new_vc:
        out += _mapping_changes(
            str(_("Values Check thresholds")),
            old_vc.get("thresholds") or {},
            new_vc.get("thresholds") or {},
            {k: str(v) for k, v in SCALE_LABELS.items()},
        )
        if old_vc.get("combine") != new_vc.get("combine"):
            combine = {"all": _("every indicator"), "any": _("at least one indicator")}
            out.append(
                _change_line(
                    _("Values Check: pass when"),
                    f"{combine.get(str(old_vc.get('combine')), '')} → "
                    f"{combine.get(str(new_vc.get('combine')), '')}",
                )
            )
    return out
