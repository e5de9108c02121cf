"""Global Right to Information Rating country table (Access Info Europe and the Centre for Law
and Democracy, rti-rating.org): one row per country, with the year its national right to
information law was first passed, or ``has_rti_law`` = 0.

Columns read: ``country_code`` (ISO3), ``has_rti_law`` (1 or 0), ``rti_law_year`` (required on
law rows, empty on no-law rows), ``rti_total`` (0-150, optional; ignored on no-law rows, where
the intermediary's file holds an artificial floor value, not a rating). The category score
columns are not needed for OGP points and are not read.

Observations: ``rti.law`` with ``text`` "law" (year = the law's year, value = the rating) or
"none" (year = the table's status year, value empty).
"""

from __future__ import annotations

import re

from .common import (
    CountryMatcher,
    ImportFileError,
    Observation,
    ParseResult,
    UnmatchedRow,
    parse_number,
    parse_year,
    read_rows,
    resolve_country,
)

REQUIRED = ("country_code", "has_rti_law", "rti_law_year")
HAS_LAW = {"1": True, "1.0": True, "0": False, "0.0": False}
INDICATOR = "rti.law"


def status_year(file: str, default: int) -> int:
    """The year the table describes: from a ``_YYYY-MM`` (or ``_YYYY``) part of the file name
    (``rti_rating_country_data_2026-06.csv`` -> 2026), else ``default``."""
    found = re.search(r"(?<!\d)((?:19|20)\d\d)(?:-\d\d)?(?!\d)", file)
    return int(found.group(1)) if found else default


def parse_rti(data: bytes, file: str, matcher: CountryMatcher, *, as_of: int = 2026) -> ParseResult:
    header, rows = read_rows(data, file, REQUIRED)
    as_of = status_year(file, as_of)
    out: list[Observation] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[str, int] = {}
    years: set[int] = set()
    n = 0
    for line, row in rows:
        n += 1
        has_law = HAS_LAW.get(row["has_rti_law"])
        if has_law is None:
            raise ImportFileError(
                file=file,
                line=line,
                column="has_rti_law",
                reason="unknown_code",
                value=row["has_rti_law"],
                allowed="1, 0",
            )
        if has_law:
            year = parse_year(row["rti_law_year"], file, line, "rti_law_year", earliest=1700)
            rating = (
                parse_number(row["rti_total"], file, line, "rti_total", 0.0, 150.0)
                if "rti_total" in header
                else None
            )
        else:
            if row["rti_law_year"]:
                raise ImportFileError(
                    file=file,
                    line=line,
                    column="rti_law_year",
                    reason="law_year_without_law",
                    value=row["rti_law_year"],
                )
            year, rating = as_of, None
        iso3, miss = resolve_country(matcher, row, file, line, iso3_col="country_code")
        if miss is not None:
            unmatched.append(miss)
            continue
        assert iso3 is not None
        if iso3 in seen:
            raise ImportFileError(
                file=file,
                line=line,
                column="country_code",
                reason="duplicate_country",
                country=iso3,
                first_line=seen[iso3],
            )
        seen[iso3] = line
        years.add(year)
        out.append(Observation(line, iso3, year, INDICATOR, rating, "law" if has_law else "none"))
    return ParseResult(
        observations=tuple(out),
        unmatched=tuple(unmatched),
        years=tuple(sorted(years)),
        columns=tuple(
            c for c in ("country_code", "has_rti_law", "rti_law_year", "rti_total") if c in header
        ),
        rows=n,
    )
