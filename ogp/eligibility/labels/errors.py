"""Import and rule-set errors as messages that say what and where."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..domain.parsers import ImportFileError
from ..domain.rulesets import RuleSetError

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
    "bad_date": gettext_lazy(
        "“%(value)s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)"
    ),
    "law_year_without_law": gettext_lazy(
        "a law year (“%(value)s”) on a row that says there is no law (has_rti_law = 0)"
    ),
    "duplicate_country": gettext_lazy("%(country)s is listed twice (first at line %(first_line)s)"),
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
