"""EIU Democracy Index table (as compiled by Our World in Data): civil liberties score 0-10."""

from __future__ import annotations

from .common import (
    CountryMatcher,
    CountryYearRows,
    Observation,
    ParseResult,
    parse_number,
    parse_year,
    read_rows,
    resolve_country,
)

SCORE_COLUMNS = ("civlib_eiu", "democracy_eiu")


def parse_eiu(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    header, rows = read_rows(data, file, ("year", "civlib_eiu"), one_of=(("iso3", "country_name"),))
    cols = [c for c in SCORE_COLUMNS if c in header]
    collected = CountryYearRows(file)
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
            collected.unmatched.append(miss)
            continue
        assert iso3 is not None
        observed = [
            Observation(line, iso3, year, f"eiu.{col}", value, "")
            for col, value in values.items()
            if value is not None
        ]
        collected.add(line, iso3, year, observed)
    return collected.result(columns=cols, rows=n)
