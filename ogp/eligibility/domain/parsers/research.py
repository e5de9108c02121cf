"""Research-based criteria CSV (Access to Information, Asset Disclosure).

Columns: iso3, criterion, year, provision, public_access, name, adopted_on, source_url.
criterion: access_to_information | asset_disclosure (or ati | ad);
provision: law | constitutional_and_draft | constitutional | draft | none;
public_access: yes | no (empty = no); adopted_on: YYYY, YYYY-MM or YYYY-MM-DD (a real
calendar date) or empty;
source_url: http(s) URL of the evidence (required).
"""

from __future__ import annotations

from ..model import PROVISIONS
from .common import (
    CountryMatcher,
    ImportFileError,
    ParseResult,
    ResearchRow,
    UnmatchedRow,
    parse_partial_date,
    parse_year,
    read_rows,
    resolve_country,
)

COLUMNS = (
    "iso3",
    "criterion",
    "year",
    "provision",
    "public_access",
    "name",
    "adopted_on",
    "source_url",
)
CRITERIA = {
    "access_to_information": "access_to_information",
    "ati": "access_to_information",
    "asset_disclosure": "asset_disclosure",
    "ad": "asset_disclosure",
}
BOOL = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}


def parse_research(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    _header, rows = read_rows(data, file, COLUMNS)
    out: list[ResearchRow] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    years: set[int] = set()
    n = 0
    for line, row in rows:
        n += 1
        criterion = CRITERIA.get(row["criterion"].lower())
        if criterion is None:
            raise ImportFileError(
                file=file,
                line=line,
                column="criterion",
                reason="unknown_code",
                value=row["criterion"],
                allowed=", ".join(sorted(CRITERIA)),
            )
        year = parse_year(row["year"], file, line, "year")
        provision = row["provision"].lower()
        if provision not in PROVISIONS:
            raise ImportFileError(
                file=file,
                line=line,
                column="provision",
                reason="unknown_code",
                value=row["provision"],
                allowed=", ".join(PROVISIONS),
            )
        pa = BOOL.get(row["public_access"].lower())
        if pa is None:
            raise ImportFileError(
                file=file,
                line=line,
                column="public_access",
                reason="unknown_code",
                value=row["public_access"],
                allowed="yes, no",
            )
        adopted_on = parse_partial_date(row["adopted_on"], file, line, "adopted_on")
        url = row["source_url"]
        if not url.startswith(("https://", "http://")) or " " in url:
            raise ImportFileError(
                file=file, line=line, column="source_url", reason="bad_value", value=url
            )
        iso3, miss = resolve_country(matcher, row, file, line, iso3_col="iso3")
        if miss is not None:
            unmatched.append(miss)
            continue
        assert iso3 is not None
        key = (iso3, criterion, year)
        if key in seen:
            raise ImportFileError(
                file=file,
                line=line,
                column="year",
                reason="duplicate",
                country=iso3,
                year=year,
                first_line=seen[key],
            )
        seen[key] = line
        years.add(year)
        out.append(
            ResearchRow(line, iso3, criterion, year, provision, pa, row["name"], adopted_on, url)
        )
    return ParseResult(
        research=tuple(out),
        unmatched=tuple(unmatched),
        years=tuple(sorted(years)),
        columns=COLUMNS,
        rows=n,
    )
