"""Translated labels and sentences for the pure rules' codes (rendered in the active language)."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .domain.model import SourceRef
from .domain.parsers import ImportFileError
from .domain.pathway import Action, Pathway, PathwayStep
from .domain.rulesets import RuleSetError

CRITERION_LABELS = {
    "fiscal_transparency": gettext_lazy("Fiscal transparency"),
    "access_to_information": gettext_lazy("Access to information"),
    "asset_disclosure": gettext_lazy("Asset disclosure"),
    "citizen_engagement": gettext_lazy("Citizen engagement"),
}
STATUS_LABELS = {
    "eligible": gettext_lazy("Eligible"),
    "not_eligible": gettext_lazy("Not eligible"),
    "not_enough_data": gettext_lazy("Not enough data"),
}
DATASET_LABELS = {
    "obs": gettext_lazy("Open Budget Survey"),
    "eiu": gettext_lazy("EIU Democracy Index"),
    "vdem": gettext_lazy("V-Dem"),
    "research": gettext_lazy("Research"),
    "evidence": gettext_lazy("Additional information"),
    "crosswalk": gettext_lazy("Country-code crosswalk"),
}
OBS_DOCUMENT_LABELS = {
    "pbs": gettext_lazy("Pre-Budget Statement"),
    "ebp": gettext_lazy("Executive's Budget Proposal"),
    "cb": gettext_lazy("Citizens Budget"),
    "eb": gettext_lazy("Enacted Budget"),
    "iyr": gettext_lazy("In-Year Reports"),
    "myr": gettext_lazy("Mid-Year Review"),
    "yer": gettext_lazy("Year-End Report"),
    "ar": gettext_lazy("Audit Report"),
}
OBS_STATUS_LABELS = {
    "PW": gettext_lazy("published online (PW)"),
    "PL": gettext_lazy("published late (PL)"),
    "HC": gettext_lazy("hard copy only (HC)"),
    "SC": gettext_lazy("soft copy only, not online (SC)"),
    "IU": gettext_lazy("produced for internal use only (IU)"),
    "NP": gettext_lazy("not produced (NP)"),
}
PROVISION_LABELS = {
    "law": gettext_lazy("a law in force"),
    "constitutional_and_draft": gettext_lazy("a constitutional provision and a draft law"),
    "constitutional": gettext_lazy("a constitutional provision"),
    "draft": gettext_lazy("a draft law under consideration"),
    "none": gettext_lazy("no provision"),
}
INDICATOR_LABELS = {
    "eiu.civlib_eiu": gettext_lazy("EIU Democracy Index civil liberties score (0-10)"),
    "vdem.v2x_civlib": gettext_lazy("V-Dem civil liberties index (0-1)"),
    "vdem.v2xcs_ccsi": gettext_lazy("V-Dem core civil society index (0-1)"),
    "v2cseeorgs": gettext_lazy("V-Dem CSO entry and exit (v2cseeorgs)"),
    "v2csreprss": gettext_lazy("V-Dem CSO repression (v2csreprss)"),
}
SCALE_LABELS = {
    "ord": gettext_lazy("ordinal scale (_ord, 0-4)"),
    "osp": gettext_lazy("original scale (_osp, 0-4)"),
    "model": gettext_lazy("measurement model estimates (latent scale)"),
}


RULESET_TITLES = {
    "ogp-2011": gettext_lazy("Initial OGP eligibility criteria (2011)"),
    "ogp-2014": gettext_lazy("Asset disclosure revision (2014)"),
    "ogp-2017": gettext_lazy("Values Check added (2017)"),
    "ogp-2023": gettext_lazy(
        "Not enough data, additional information and Eligibility Review (2023)"
    ),
}


def ruleset_title(obj: object) -> str:
    """A shipped rule set's title in the active language, also on a staff-made version that
    kept it unchanged; a title staff wrote themselves as written."""
    title = RULESET_TITLES.get(getattr(obj, "code", ""))
    if title is not None and getattr(obj, "title", "") == _english(title):
        return str(title)
    return str(getattr(obj, "title", ""))


def _english(text: object) -> str:
    from django.utils import translation

    with translation.override("en"):
        return str(text)


def source_label(src: SourceRef | dict | None) -> str:
    """E.g. "Open Budget Survey 2019" (dataset and data year), in the active language."""
    if src is None:
        return ""
    if isinstance(src, dict):
        src = SourceRef.from_dict(src)
    name = str(DATASET_LABELS.get(src.dataset, src.label))
    if src.dataset == "evidence":
        return _("Additional information, submission %(id)s") % {"id": src.line}
    return f"{name} {src.year}" if src.year is not None else name


def raw_value_text(code: str, raw: str) -> str:
    """The source value behind a criterion, in words."""
    if not raw:
        return ""
    if code == "fiscal_transparency" and "=" in raw:
        parts = []
        for part in raw.split("; "):
            doc, status = part.split("=", 1)
            parts.append(
                _("%(document)s: %(status)s")
                % {
                    "document": OBS_DOCUMENT_LABELS.get(doc, doc),
                    "status": OBS_STATUS_LABELS.get(status, status),
                }
            )
        # Translators: separates documents in a list ("Audit Report: published online; ...")
        return _("; ").join(parts)
    if code in ("access_to_information", "asset_disclosure"):
        provision, _sep, access = raw.partition("; ")
        text = str(PROVISION_LABELS.get(provision, provision))
        if access:
            text += ", " + _("with public access")
        return text
    try:  # a score (e.g. EIU 4.12): decimal separator of the reader's language
        return number_format(float(raw), decimal_pos=len(raw.partition(".")[2]))
    except ValueError:
        return raw


def _action_sentence(criterion: str, action: Action) -> str:
    if action.kind == "publish_document":
        return _("Publish the %(document)s on time and online.") % {
            "document": OBS_DOCUMENT_LABELS.get(action.target, action.target)
        }
    if action.kind == "adopt_provision":
        if action.public_access:
            return (
                _("Adopt an asset disclosure law that gives the public access to the declarations.")
                if criterion == "asset_disclosure"
                else _("Adopt a law in force that gives public access.")
            )
        if criterion == "access_to_information":
            return _("Reach at least: %(provision)s on access to information.") % {
                "provision": PROVISION_LABELS.get(action.target, action.target)
            }
        return _("Adopt an asset disclosure law for elected and senior officials.")
    if action.kind == "raise_indicator":
        if action.inclusive:
            return _("Reach a score of at least %(threshold)s on the %(indicator)s.") % {
                "threshold": f"{action.threshold:g}",
                "indicator": INDICATOR_LABELS.get(action.target, action.target),
            }
        return _("Reach a score above %(threshold)s on the %(indicator)s.") % {
            "threshold": f"{action.threshold:g}",
            "indicator": INDICATOR_LABELS.get(action.target, action.target),
        }
    if action.kind == "provide_data":
        return _(
            "Get assessed on %(criterion)s: send evidence to the Support Unit through the "
            "additional information route."
        ) % {"criterion": CRITERION_LABELS.get(action.target, action.target)}
    if action.kind == "pass_values_check":
        return _("Values Check: reach %(threshold)s or more on the %(indicator)s (%(scale)s).") % {
            "threshold": f"{action.threshold:g}",
            "indicator": INDICATOR_LABELS.get(action.target, action.target),
            "scale": SCALE_LABELS.get(action.scale, action.scale),
        }
    return action.kind


def step_sentence(step: PathwayStep) -> str:
    actions = " ".join(_action_sentence(step.criterion, a) for a in step.actions)
    if step.criterion == "values_check":
        return actions
    label = CRITERION_LABELS.get(step.criterion, step.criterion)
    if step.from_points is None:
        head = ngettext(
            "%(criterion)s: not assessed yet; %(to)s point needed.",
            "%(criterion)s: not assessed yet; %(to)s points needed.",
            step.to_points or 0,
        ) % {"criterion": label, "to": step.to_points}
    else:
        head = _("%(criterion)s: from %(from)s to %(to)s points.") % {
            "criterion": label,
            "from": step.from_points,
            "to": step.to_points,
        }
    return f"{head} {actions}"


def pathway_sentences(p: Pathway) -> tuple[str, ...]:
    return tuple(step_sentence(s) for s in p.steps)


IMPORT_REASONS = {
    "encoding": gettext_lazy("the file is not UTF-8 text (byte %(byte)s)"),
    "empty": gettext_lazy("the file is empty"),
    "no_rows": gettext_lazy("the file has a header but no data rows"),
    "missing_columns": gettext_lazy("required column missing"),
    "truncated": gettext_lazy("the file ends in the middle of a row (truncated)"),
    "field_count": gettext_lazy("the row has %(found)s fields; the header has %(expected)s"),
    "unknown_code": gettext_lazy("unknown code “%(value)s” (allowed: %(allowed)s)"),
    "unknown_country": gettext_lazy("unknown country code “%(value)s”"),
    "out_of_range": gettext_lazy("%(value)s is outside the range %(minimum)s to %(maximum)s"),
    "not_a_number": gettext_lazy("“%(value)s” is not a number"),
    "duplicate": gettext_lazy(
        "duplicate row for %(country)s, %(year)s (first at line %(first_line)s)"
    ),
    "bad_year": gettext_lazy("“%(value)s” is not a valid year"),
    "bad_value": gettext_lazy("invalid value “%(value)s”"),
    "unknown_format": gettext_lazy("the columns match none of the supported formats"),
    "not_a_workbook": gettext_lazy("the file is not a readable Excel workbook (.xlsx)"),
    "old_excel": gettext_lazy(
        "the file is in the old Excel format (.xls) or password-protected; save it as an "
        ".xlsx workbook or as CSV (UTF-8)"
    ),
    "workbook_not_obs": gettext_lazy(
        "only the Open Budget Survey availability workbook can be imported as .xlsx; "
        "save other datasets as CSV"
    ),
    "no_rounds": gettext_lazy(
        "no worksheet is named after a survey year (for example “2019”) or has a year column"
    ),
    "duplicate_round": gettext_lazy(
        "survey round %(year)s appears twice (first on sheet “%(first_sheet)s”)"
    ),
    "duplicate_in_sheet": gettext_lazy(
        "duplicate row for %(country)s, %(year)s (first on sheet “%(first_sheet)s”, "
        "row %(first_line)s)"
    ),
}


def import_error_message(err: ImportFileError) -> str:
    params = {
        "value": "",
        "allowed": "",
        "found": "",
        "expected": "",
        "minimum": "",
        "maximum": "",
        "country": "",
        "year": "",
        "first_line": "",
        "byte": "",
        "first_sheet": "",
    }
    params.update({k: f"{v:g}" if isinstance(v, float) else str(v) for k, v in err.params.items()})
    reason = str(IMPORT_REASONS.get(err.reason, err.reason)) % params
    if err.sheet:
        where = {"file": err.file, "sheet": err.sheet, "line": err.line, "column": err.column}
        if err.line and err.column:
            text = _("%(file)s, sheet “%(sheet)s”, row %(line)s, column %(column)s: %(reason)s.")
        elif err.line:
            text = _("%(file)s, sheet “%(sheet)s”, row %(line)s: %(reason)s.")
        else:
            text = _("%(file)s, sheet “%(sheet)s”: %(reason)s.")
        return text % {**where, "reason": reason}
    if err.line and err.column:
        return _("%(file)s, line %(line)s, column %(column)s: %(reason)s.") % {
            "file": err.file,
            "line": err.line,
            "column": err.column,
            "reason": reason,
        }
    if err.line:
        return _("%(file)s, line %(line)s: %(reason)s.") % {
            "file": err.file,
            "line": err.line,
            "reason": reason,
        }
    return _("%(file)s: %(reason)s.") % {"file": err.file, "reason": reason}


RULESET_REASONS = {
    "required": gettext_lazy("this value is required"),
    "not_an_integer": gettext_lazy("enter a whole number"),
    "too_small": gettext_lazy("the value is too small (minimum %(minimum)s)"),
    "too_large": gettext_lazy("the value is too large (maximum %(maximum)s)"),
    "not_a_number": gettext_lazy("enter a number"),
    "out_of_range": gettext_lazy("enter a value between %(minimum)s and %(maximum)s"),
    "not_a_mapping": gettext_lazy("invalid structure"),
    "not_a_boolean": gettext_lazy("enter yes or no"),
    "unknown_key": gettext_lazy("unknown entry"),
    "unknown_value": gettext_lazy("unknown value"),
    "unknown_criterion": gettext_lazy("unknown criterion"),
    "unknown_method": gettext_lazy("unknown scoring method"),
    "unknown_document": gettext_lazy("unknown Open Budget Survey document"),
    "unknown_indicator": gettext_lazy("unknown indicator"),
    "duplicate": gettext_lazy("listed twice"),
    "exceeds_max_points": gettext_lazy(
        "the points would exceed the criterion maximum (%(maximum)s)"
    ),
    "not_monotonic": gettext_lazy("cut-offs must rise with the points"),
}


def ruleset_error_message(err: RuleSetError) -> str:
    params = {"minimum": "", "maximum": "", "value": ""}
    params.update({k: str(v) for k, v in err.params.items()})
    reason = str(RULESET_REASONS.get(err.reason, err.reason)) % params
    return _("%(field)s: %(reason)s.") % {"field": err.field, "reason": reason}


ASSUMPTION_TEXTS = {
    "ft.status_points": gettext_lazy(
        "Fiscal transparency: OGP awards 2 points per document for “timely publication” of the "
        "Executive's Budget Proposal and the Audit Report. The sources do not say how the other "
        "Open Budget Survey statuses score. Default: only PW (published online) earns the 2 "
        "points; PL (published late), HC (hard copy only), SC (soft copy only), IU (internal use "
        "only) and NP (not produced) earn 0, following the Open Budget Survey Explorer legend "
        "that separates “available to the public” from the rest."
    ),
    "ati.constitutional_and_draft": gettext_lazy(
        "Access to information: a law earns 4 points, a constitutional provision 3 and a draft "
        "law 1. The value for a constitutional provision together with a draft law was cut off "
        "in every retrieved copy of the rules. Default: 3 (the higher of the two; points are not "
        "added)."
    ),
    "ad.before_2014": gettext_lazy(
        "Asset disclosure before the 2014 revision: the point split was not retrieved; the "
        "older wording is “rules that require public disclosure of income and assets for "
        "elected and senior public officials”. Default: 4 points for a law that requires public "
        "disclosure, 0 otherwise."
    ),
    "ad.public_access": gettext_lazy(
        "Asset disclosure since 2014: 2 points for a law, 2 more if the law requires any degree "
        "of public access. What counts as “public access” is recorded by the researcher with "
        "the evidence."
    ),
    "ce.indicator_and_bands": gettext_lazy(
        "Citizen engagement: the indicator and cut-offs of the current method were not "
        "retrieved. Default (the older method, unverified): the EIU Democracy Index civil "
        "liberties score (0-10); 4 points above 7.5, 3 above 5, 2 above 2.5, 1 above 0."
    ),
    "vc.thresholds": gettext_lazy(
        "Values Check: two V-Dem indicators, CSO entry and exit (v2cseeorgs) and CSO repression "
        "(v2csreprss); joining countries need a score of 3 or more on both, on V-Dem's ordinal "
        "scale (0-4). The same threshold is used on the original scale (_osp). For the "
        "measurement-model estimates (the only version in the data available to the platform) "
        "no threshold is published, so by default the check is reported as not assessed; staff "
        "can set one in a new rule set version."
    ),
    "vc.membership_at_compute": gettext_lazy(
        "The Values Check applies to countries that are not OGP members on the review date, "
        "according to the membership history recorded on this platform."
    ),
    "review.consecutive_published": gettext_lazy(
        "Eligibility Review: a member below the minimum in two consecutive published cycles. A "
        "member below the minimum in one published cycle is shown as “at risk”. A cycle with "
        "not enough data interrupts the sequence."
    ),
    "data_lag": gettext_lazy(
        "Data year: the cycle of year Y uses, for each country and source, the newest data for "
        "year Y-1 or earlier in the chosen release (scores are updated in the first half of the "
        "year with the data available at review time). Research entries for access to "
        "information and asset disclosure are used up to year Y."
    ),
    "missing_data_before_2023": gettext_lazy(
        "Before 2023 the sources show countries scored out of 16 or 12 points. The rule for a "
        "country with data on only one or two criteria was not retrieved. Default: the 2023 "
        "“not enough data” rule (at least 3 assessed criteria)."
    ),
}


def _ranges(lines: list[int]) -> str:
    """[3, 4, 5, 9] -> "3–5, 9"."""
    parts: list[str] = []
    start = prev = None
    for n in sorted(lines):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(parts)


def unmatched_units(unmatched: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unmatched rows grouped by unit (name and code), in file order, with their line ranges
    (per sheet for a workbook): one line per unit instead of one per country-year."""
    units: dict[tuple[str, str], dict[str, list[int]]] = {}
    for u in unmatched:
        per_sheet = units.setdefault((u.get("name", ""), u.get("code", "")), {})
        per_sheet.setdefault(u.get("sheet", ""), []).append(u["line"])
    out = []
    for (name, code), per_sheet in units.items():
        where = "; ".join(
            (
                _("sheet “%(sheet)s”: %(lines)s") % {"sheet": sheet, "lines": _ranges(lines)}
                if sheet
                else _ranges(lines)
            )
            for sheet, lines in per_sheet.items()
        )
        count = sum(len(lines) for lines in per_sheet.values())
        out.append({"name": name, "code": code, "rows": count, "lines": where})
    return out


def alphabetical(name: str) -> str:
    """Sort key for names in any of the three languages: accents and case ignored
    (Égypte between Égalité and Espagne, not after Zimbabwe)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


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
                f"{label}, {_('points per document status')}",
                before.get("status_points") or {},
                crit["status_points"],
                {},
            )
        if "provision_points" in crit and before.get("provision_points") != crit.get(
            "provision_points"
        ):
            out += _mapping_changes(
                f"{label}, {_('points by legal provision')}",
                before.get("provision_points") or {},
                crit["provision_points"],
                {k: str(v) for k, v in PROVISION_LABELS.items()},
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
