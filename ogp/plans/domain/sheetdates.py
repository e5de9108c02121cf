"""Dates as written in OGP's commitments data sheet.

The sheet writes dates month/day/year (``9/1/2019`` is 1 September 2019, ``12/31/19`` too with a
two-digit year, read as 20xx). A few rows write day/month/year; when the first number cannot be a
month (``31/12/2016``) the date is read that way and flagged (``swapped``), never guessed when
both readings are possible. Older rows use looser forms, kept with their precision:
``July 2014`` (month), ``2012`` (year), ``Quarter 1 2015`` / ``IV quarter of 2021`` (quarter),
an Excel day number such as ``44439``. Free text (``Ongoing``, ``Underway``) and ``NA`` carry no
date: the text is kept, no date is invented. A value shaped like a date that is not one
(``13/45/2020``) is an error.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    NONE = ""


@dataclass(frozen=True)
class SheetDate:
    value: date | None
    precision: Precision
    raw: str
    swapped: bool = False  # read as day/month/year because the first number exceeds 12


class SheetDateError(ValueError):
    def __init__(self, template: str, **params: str) -> None:
        self.template, self.params = template, tuple(params.items())
        super().__init__(template % params)


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogue; the importer translates it."""
    return message


MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
EXCEL_EPOCH = date(1899, 12, 30)

_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\s+(\d{4})")
_YEAR = re.compile(r"(19|20)\d{2}")
_QUARTER = re.compile(r"(?:quarter\s+([1-4])|(i{1,3}|iv)\s+quarter\s+of)\s+(\d{4})", re.I)
_EXCEL = re.compile(r"[34]\d{4}")


def _edge(year: int, first_month: int, last_month: int, end: bool) -> date:
    if end:
        return date(year, last_month, calendar.monthrange(year, last_month)[1])
    return date(year, first_month, 1)


def parse_sheet_date(raw: str, *, end: bool = False) -> SheetDate:
    """Parse one cell; ``end`` picks the last day of a month, quarter or year (an end date)."""
    text = raw.strip()
    if not text or text.upper() in {"NA", "N/A", "ND", "NR"}:
        return SheetDate(None, Precision.NONE, text)
    if m := _MDY.fullmatch(text):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000
        swapped = month > 12 and day <= 12
        if swapped:
            month, day = day, month
        try:
            return SheetDate(date(year, month, day), Precision.DAY, text, swapped)
        except ValueError as exc:
            raise SheetDateError(
                gettext_noop("'%(value)s' is not a real date (month/day/year expected)"), value=text
            ) from exc
    if m := _MONTH_YEAR.fullmatch(text):
        named = MONTHS.get(m[1].casefold())
        if named is not None:
            return SheetDate(_edge(int(m[2]), named, named, end), Precision.MONTH, text)
    if _YEAR.fullmatch(text):
        year = int(text)
        return SheetDate(_edge(year, 1, 12, end), Precision.YEAR, text)
    if m := _QUARTER.fullmatch(text):
        quarter = int(m[1]) if m[1] else ROMAN[m[2].casefold()]
        year = int(m[3])
        first = 3 * quarter - 2
        return SheetDate(_edge(year, first, first + 2, end), Precision.QUARTER, text)
    if _EXCEL.fullmatch(text):
        return SheetDate(EXCEL_EPOCH + timedelta(days=int(text)), Precision.DAY, text)
    return SheetDate(None, Precision.NONE, text)
