"""Country-code crosswalk (countrycode's codelist): ISO codes, V-Dem ids and name patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .common import CountryMatcher, ImportFileError, read_rows


@dataclass(frozen=True, slots=True)
class CrosswalkRow:
    line: int
    iso2: str
    iso3: str
    name: str
    regex: str
    vdem_id: str


def parse_crosswalk(data: bytes, file: str) -> tuple[CrosswalkRow, ...]:
    header, rows = read_rows(data, file, ("iso3c", "iso2c", "country_name_en"))
    out: list[CrosswalkRow] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        iso3 = row["iso3c"].upper()
        if not iso3:
            continue  # historical states and units without an ISO code
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ImportFileError(
                file=file, line=line, column="iso3c", reason="bad_value", value=row["iso3c"]
            )
        iso2 = row["iso2c"].upper()
        if iso2 and not re.fullmatch(r"[A-Z]{2}", iso2):
            raise ImportFileError(
                file=file, line=line, column="iso2c", reason="bad_value", value=row["iso2c"]
            )
        regex = row.get("country_name_regex", "")
        if regex:
            try:
                re.compile(regex)
            except re.error:
                raise ImportFileError(
                    file=file,
                    line=line,
                    column="country_name_regex",
                    reason="bad_value",
                    value=regex,
                ) from None
        if iso3 in seen:
            raise ImportFileError(
                file=file,
                line=line,
                column="iso3c",
                reason="duplicate",
                country=iso3,
                first_line=seen[iso3],
            )
        seen[iso3] = line
        vdem = row.get("vdem_country_id", "")
        if vdem.endswith(".0"):
            vdem = vdem[:-2]
        out.append(CrosswalkRow(line, iso2, iso3, row["country_name_en"], regex, vdem))
    return tuple(out)


@lru_cache(maxsize=1024)
def _pattern(regex: str) -> re.Pattern[str]:
    """A crosswalk name pattern, compiled once per process (every import builds a matcher
    from the same few hundred patterns, more than the ``re`` module's own cache keeps)."""
    return re.compile(regex, re.IGNORECASE)


def build_matcher(
    registry: dict[str, tuple[str, tuple[str, ...]]], crosswalk: tuple[CrosswalkRow, ...] = ()
) -> CountryMatcher:
    """A matcher from the platform registry ({iso3: (iso2, names)}) and a crosswalk.

    Known codes = registry codes plus crosswalk codes plus XKX (Kosovo's user-assigned code,
    used by V-Dem and the World Bank).
    """
    iso2_to_iso3 = {iso2.upper(): iso3 for iso3, (iso2, _names) in registry.items() if iso2}
    names: dict[str, str] = {}
    for iso3, (_iso2, country_names) in registry.items():
        for name in country_names:
            if name:
                names.setdefault(name.strip().casefold(), iso3)
    patterns = []
    vdem_ids = {}
    known = set(registry) | {"XKX"}
    for row in crosswalk:
        known.add(row.iso3)
        if row.iso2:
            iso2_to_iso3.setdefault(row.iso2, row.iso3)
        names.setdefault(row.name.casefold(), row.iso3)
        if row.regex:
            patterns.append((_pattern(row.regex), row.iso3))
        if row.vdem_id:
            vdem_ids[row.vdem_id] = row.iso3
    return CountryMatcher(
        registry=frozenset(registry),
        known_iso3=frozenset(known),
        iso2_to_iso3=iso2_to_iso3,
        names=names,
        patterns=tuple(patterns),
        vdem_ids=vdem_ids,
    )
