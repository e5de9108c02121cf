"""EIU Democracy Index table (as compiled by Our World in Data): civil liberties score 0-10."""

from __future__ import annotations

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

SCORE_COLUMNS = ("civlib_eiu", "democracy_eiu")


def parse_eiu(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    header, rows = read_rows(data, file, ("year", "civlib_eiu"), one_of=(("iso3", "country_name"),))
    cols = [c for c in SCORE_COLUMNS if c in header]
    observations: list[Observation] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[tuple[str, int], int] = {}
    years: set[int] = set()
    n = 0
    for line, row in rows:
        n += 1
        year = parse_year(row["year"], file, line, "year")
        values = {c: parse_number(row[c], file, line, c, 0.0, 10.0) for c in cols}
        iso3, miss = resolve_country(
            matcher,
            row,
            file,
            line,
            iso3_col="iso3" if "iso3" in header else None,
            name_col="country_name" if "country_name" in header else None,
        )
        if miss is not None:
            unmatched.append(miss)
            continue
        assert iso3 is not None
        key = (iso3, year)
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
        for col, value in values.items():
            if value is not None:
                observations.append(Observation(line, iso3, year, f"eiu.{col}", value, ""))
    return ParseResult(
        observations=tuple(observations),
        unmatched=tuple(unmatched),
        years=tuple(sorted(years)),
        columns=tuple(cols),
        rows=n,
    )
