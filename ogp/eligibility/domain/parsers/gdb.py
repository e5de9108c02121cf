"""Global Data Barometer, 1st edition: the legal framework for income and asset declarations of
public officials (indicator G.PI.IAD), one row per country, research period May 2019 - May 2021.

Columns read: ``iso3`` (or ``country`` when there is no code), ``iad_exist`` ("They exist and are
operational." / "They are being drafted, or are not yet implemented." / "No") and
``iad_publication`` (the framework requires publication: "Yes" / "Partially" / "No").

Observations: ``gdb.iad_exist`` text ``law``/``draft``/``none`` and ``gdb.iad_publication``
text ``yes``/``partial``/``no``, both with year = the first year of the research period (how a
snapshot applies to cycles is a rule-set parameter, not decided here).
"""

from __future__ import annotations

from .common import (
    CountryMatcher,
    ImportFileError,
    Observation,
    ParseResult,
    UnmatchedRow,
    read_rows,
    resolve_country,
)

REQUIRED = ("iad_exist", "iad_publication")
PERIOD = (2019, 2021)


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


EXIST = {
    "they exist and are operational": "law",
    "exist": "law",
    "yes": "law",
    "they are being drafted, or are not yet implemented": "draft",
    "draft": "draft",
    "no": "none",
}
PUBLICATION = {"yes": "yes", "partially": "partial", "partial": "partial", "no": "no"}


def _code(row: dict[str, str], column: str, table: dict[str, str], file: str, line: int) -> str:
    raw = row[column]
    code = table.get(_key(raw))
    if code is None:
        raise ImportFileError(
            file=file,
            line=line,
            column=column,
            reason="unknown_code",
            value=raw,
            allowed=", ".join(sorted({k.capitalize() for k in table if len(k) > 3 or k == "no"})),
        )
    return code


def parse_gdb(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    header, rows = read_rows(data, file, REQUIRED, one_of=(("iso3", "country"),))
    out: list[Observation] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[str, int] = {}
    n = 0
    year = PERIOD[0]
    for line, row in rows:
        n += 1
        exist = _code(row, "iad_exist", EXIST, file, line)
        publication = _code(row, "iad_publication", PUBLICATION, file, line)
        iso3, miss = resolve_country(
            matcher,
            row,
            file,
            line,
            iso3_col="iso3" if "iso3" in header else None,
            name_col="country" if "country" in header else None,
        )
        if miss is not None:
            unmatched.append(miss)
            continue
        assert iso3 is not None
        if iso3 in seen:
            raise ImportFileError(
                file=file,
                line=line,
                column="iso3" if "iso3" in header else "country",
                reason="duplicate_country",
                country=iso3,
                first_line=seen[iso3],
            )
        seen[iso3] = line
        out.append(Observation(line, iso3, year, "gdb.iad_exist", None, exist))
        out.append(Observation(line, iso3, year, "gdb.iad_publication", None, publication))
    return ParseResult(
        observations=tuple(out),
        unmatched=tuple(unmatched),
        years=PERIOD if out else (),
        columns=tuple(c for c in ("iso3", "country", *REQUIRED) if c in header),
        rows=n,
    )
