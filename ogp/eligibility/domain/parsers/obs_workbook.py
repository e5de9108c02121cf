"""Open Budget Survey Explorer workbook (IBP, e.g. ``Public Availability 2019.xlsx``).

One worksheet per survey round, named after its year ("2019", "OBS 2017"); in each, a header
row (title rows above it are skipped), one row per country and one column per key budget
document holding a status code (PW, PL, HC, SC, IU, NP). Headers are matched tolerantly:
case, spaces, hyphens and apostrophes do not matter, and a document may be named in full
("Executive's Budget Proposal"), by its short code ("EBP") or both ("Executive's Budget
Proposal (EBP)"). A sheet whose header has a year column ("Year", "Survey year") takes each
row's year from it instead of the sheet name. Sheets without a year in their name and
without a year column (a legend, notes) are skipped.

Pure: the sheets come in as plain rows of cell values (the openpyxl reading is in
``ogp.eligibility.workbooks``), so this module needs only the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import OBS_DOCUMENTS, OBS_STATUSES
from .common import (
    CountryMatcher,
    ImportFileError,
    Observation,
    ParseResult,
    UnmatchedRow,
    resolve_country,
)

Sheet = tuple[str, Sequence[Sequence[object]]]

HEADER_SCAN_ROWS = 15
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")

DOCUMENT_ALIASES: dict[str, tuple[str, ...]] = {
    "pbs": ("pbs", "pre budget statement", "prebudget statement"),
    "ebp": (
        "ebp",
        "executives budget proposal",
        "executive budget proposal",
        "executives proposal",
    ),
    "eb": ("eb", "enacted budget", "approved budget"),
    "cb": ("cb", "citizens budget", "citizen budget"),
    "iyr": ("iyr", "in year reports", "in year report"),
    "myr": ("myr", "mid year review", "midyear review", "mid year report"),
    "yer": ("yer", "year end report", "yearend report"),
    "ar": ("ar", "audit report", "audit reports"),
}
COUNTRY_ALIASES = ("country", "countries", "country name", "country economy", "economy")
ISO3_ALIASES = ("iso3", "iso 3", "iso3 code", "iso alpha 3", "iso code", "country code", "code")
ISO2_ALIASES = ("iso2", "iso 2", "iso2 code", "iso alpha 2")
YEAR_ALIASES = ("year", "survey year", "survey round", "round", "survey")
REQUIRED = ("ebp", "ar")

_ALIAS_TO_DOC = {alias: doc for doc, aliases in DOCUMENT_ALIASES.items() for alias in aliases}


def normalise(text: object) -> str:
    """Case-, space-, hyphen- and apostrophe-insensitive form of a header cell."""
    s = str(text if text is not None else "").casefold()
    s = re.sub(r"['’‘`.]", "", s)
    s = re.sub(r"[\s_\-/:]+", " ", s)
    return s.strip()


def document_for_header(text: object) -> str | None:
    """The document code a header names ("Executive's Budget Proposal (EBP)" -> "ebp")."""
    raw = str(text if text is not None else "")
    candidates = [normalise(raw)]
    inside = re.findall(r"\(([^)]*)\)", raw)
    outside = re.sub(r"\([^)]*\)", " ", raw)
    candidates += [normalise(outside)] + [normalise(x) for x in inside]
    for candidate in candidates:
        if candidate in _ALIAS_TO_DOC:
            return _ALIAS_TO_DOC[candidate]
    # "EBP Executive's Budget Proposal": a code followed by the full name
    first, _sep, rest = candidates[0].partition(" ")
    if first in DOCUMENT_ALIASES and _ALIAS_TO_DOC.get(rest) == first:
        return first
    return None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _where(index: int, header: object) -> str:
    title = _cell_text(header)
    return f"{column_letter(index)} ({title})" if title else column_letter(index)


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]] | None:
    """(row index, role -> column index) of the first row that names a country column."""
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        roles: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = normalise(cell)
            if not key:
                continue
            doc = document_for_header(cell)
            role = (
                doc
                if doc
                else "country"
                if key in COUNTRY_ALIASES
                else "iso3"
                if key in ISO3_ALIASES
                else "iso2"
                if key in ISO2_ALIASES
                else "year"
                if key in YEAR_ALIASES
                else None
            )
            if role and role not in roles:
                roles[role] = c
        if roles.keys() & {"country", "iso3", "iso2"}:
            return r, roles
    return None


def _sheet_year(name: str) -> int | None:
    found = _YEAR_IN_NAME.search(name)
    return int(found.group(1)) if found else None


def _row_year(value: object, file: str, sheet: str, line: int, column: str) -> int:
    text = _cell_text(value)
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 1900 <= year <= 2100:
        raise ImportFileError(
            file=file, sheet=sheet, line=line, column=column, reason="bad_year", value=text
        )
    return year


def parse_obs_workbook(sheets: Sequence[Sheet], file: str, matcher: CountryMatcher) -> ParseResult:
    observations: list[Observation] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[tuple[str, int], tuple[str, int]] = {}
    round_sheet: dict[int, str] = {}
    columns: set[str] = set()
    n = 0
    used_sheets = 0
    for name, rows in sheets:
        name_year = _sheet_year(name)
        found = _find_header(rows)
        if found is None:
            if name_year is None:
                continue  # a legend or notes sheet
            raise ImportFileError(
                file=file,
                sheet=name,
                line=1,
                column="Country / ISO3",
                reason="missing_columns",
            )
        header_index, roles = found
        if name_year is None and "year" not in roles:
            continue
        header = rows[header_index]
        missing = [doc.upper() for doc in REQUIRED if doc not in roles]
        if missing:
            raise ImportFileError(
                file=file,
                sheet=name,
                line=header_index + 1,
                column=", ".join(missing),
                reason="missing_columns",
            )
        used_sheets += 1
        docs = [d for d in OBS_DOCUMENTS if d in roles]
        columns.update(docs)
        if "year" not in roles:
            assert name_year is not None
            if name_year in round_sheet:
                raise ImportFileError(
                    file=file,
                    sheet=name,
                    line=None,
                    column=None,
                    reason="duplicate_round",
                    year=name_year,
                    first_sheet=round_sheet[name_year],
                )
            round_sheet[name_year] = name
        for r in range(header_index + 1, len(rows)):
            row = rows[r]
            line = r + 1

            def cell(
                role: str, row: Sequence[object] = row, roles: dict[str, int] = roles
            ) -> object:
                i = roles.get(role)
                return row[i] if i is not None and i < len(row) else None

            statuses: dict[str, str] = {}
            for doc in docs:
                code = _cell_text(cell(doc)).upper()
                if code and code not in OBS_STATUSES:
                    raise ImportFileError(
                        file=file,
                        sheet=name,
                        line=line,
                        column=_where(roles[doc], header[roles[doc]]),
                        reason="unknown_code",
                        value=_cell_text(cell(doc)),
                        allowed=", ".join(OBS_STATUSES),
                    )
                if code:
                    statuses[doc] = code
            if not statuses:
                continue  # blank, title, note or legend row: no document status
            if "year" in roles:
                col = _where(roles["year"], header[roles["year"]])
                year = _row_year(cell("year"), file, name, line, col)
                if round_sheet.setdefault(year, name) != name:
                    raise ImportFileError(
                        file=file,
                        sheet=name,
                        line=line,
                        column=col,
                        reason="duplicate_round",
                        year=year,
                        first_sheet=round_sheet[year],
                    )
            else:
                assert name_year is not None
                year = name_year
            n += 1
            values = {role: _cell_text(cell(role)) for role in ("country", "iso3", "iso2")}
            code = values["iso3"]
            if code and len(code) == 2 and not values["iso2"]:
                values["iso2"], values["iso3"] = code, ""  # a "Code" column holding ISO2
            try:
                iso3, miss = resolve_country(
                    matcher, values, file, line, iso2_col="iso2", name_col="country"
                )
            except ImportFileError as err:
                col = "iso3" if values["iso3"] else "iso2"
                index = roles.get(col, roles.get("iso3", 0))
                raise ImportFileError(
                    file=file,
                    sheet=name,
                    line=line,
                    column=_where(index, header[index] if index < len(header) else None),
                    reason=err.reason,
                    **err.params,
                ) from None
            if miss is not None:
                unmatched.append(UnmatchedRow(line, miss.name, miss.code, sheet=name, why=miss.why))
                continue
            assert iso3 is not None
            key = (iso3, year)
            if key in seen:
                first_sheet, first_line = seen[key]
                raise ImportFileError(
                    file=file,
                    sheet=name,
                    line=line,
                    column=None,
                    reason="duplicate_in_sheet",
                    country=iso3,
                    year=year,
                    first_line=first_line,
                    first_sheet=first_sheet,
                )
            seen[key] = (name, line)
            for doc, status in statuses.items():
                observations.append(Observation(line, iso3, year, f"obs.{doc}", None, status))
    if used_sheets == 0:
        raise ImportFileError(file=file, line=None, column=None, reason="no_rounds")
    if n == 0:
        raise ImportFileError(file=file, line=None, column=None, reason="no_rows")
    years = tuple(sorted({o.year for o in observations}))
    return ParseResult(
        observations=tuple(observations),
        unmatched=tuple(unmatched),
        years=years,
        columns=tuple(d for d in OBS_DOCUMENTS if d in columns),
        rows=n,
        sheets=tuple(sorted(round_sheet.items())),
    )
