"""Open Budget Survey public-availability table (IBP): one row per country and survey round,
one status code per key budget document (PW, PL, HC, SC, IU, NP)."""

from __future__ import annotations

from ..model import OBS_DOCUMENTS, OBS_STATUSES
from .common import (
    CountryMatcher,
    CountryYearRows,
    ImportFileError,
    Observation,
    ParseResult,
    parse_year,
    read_rows,
    resolve_country,
)

REQUIRED = ("ebp", "ar")


def parse_obs(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    header, rows = read_rows(
        data, file, REQUIRED, one_of=(("iso3", "iso2", "country"), ("survey_year", "year"))
    )
    year_col = "survey_year" if "survey_year" in header else "year"
    docs = [d for d in OBS_DOCUMENTS if d in header]
    collected = CountryYearRows(file, year_column=year_col)
    n = 0
    for line, row in rows:
        n += 1
        year = parse_year(row[year_col], file, line, year_col)
        statuses = {}
        for doc in docs:
            code = row[doc].upper()
            if code and code not in OBS_STATUSES:
                raise ImportFileError(
                    file=file,
                    line=line,
                    column=doc,
                    reason="unknown_code",
                    value=row[doc],
                    allowed=", ".join(OBS_STATUSES),
                )
            statuses[doc] = code
        iso3, miss = resolve_country(
            matcher,
            row,
            file,
            line,
            iso3_col="iso3" if "iso3" in header else None,
            iso2_col="iso2" if "iso2" in header else None,
            name_col="country" if "country" in header else None,
        )
        if miss is not None:
            collected.unmatched.append(miss)
            continue
        assert iso3 is not None
        observed = [
            Observation(line, iso3, year, f"obs.{doc}", None, code)
            for doc, code in statuses.items()
            if code
        ]
        collected.add(line, iso3, year, observed)
    return collected.result(columns=docs, rows=n)
