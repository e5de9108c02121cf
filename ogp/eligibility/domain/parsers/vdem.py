"""V-Dem country-year CSV: publisher column names, with ``_ord``/``_osp`` variants if present."""

from __future__ import annotations

from .common import (
    CountryMatcher,
    CountryYearRows,
    ImportFileError,
    Observation,
    ParseResult,
    UnmatchedRow,
    parse_number,
    parse_year,
    read_rows,
    resolve_country,
)

# column -> allowed range. Model estimates are on V-Dem's latent scale (about -5..5).
COLUMNS: dict[str, tuple[float, float]] = {}
for _base in ("v2cseeorgs", "v2csreprss"):
    COLUMNS[_base] = (-6.0, 6.0)
    COLUMNS[f"{_base}_ord"] = (0.0, 4.0)
    COLUMNS[f"{_base}_osp"] = (0.0, 4.0)
COLUMNS["v2x_civlib"] = (0.0, 1.0)
COLUMNS["v2xcs_ccsi"] = (0.0, 1.0)


def _resolve(
    matcher: CountryMatcher, header: list[str], row: dict[str, str], file: str, line: int
) -> tuple[str | None, UnmatchedRow | None]:
    """V-Dem units are not always ISO countries (Zanzibar, Palestine/Gaza, Somaliland...).

    An ``iso3`` column, when the file has one, is authoritative (empty: unmatched). Otherwise
    V-Dem's ``country_text_id`` is used when it is a known ISO3 code, then ``country_id`` via
    the crosswalk, then the name.
    """
    name = row.get("country_name", "")
    if "iso3" in header:
        if not row["iso3"]:
            return None, UnmatchedRow(line, name, row.get("country_text_id", ""))
        return resolve_country(
            matcher,
            row,
            file,
            line,
            iso3_col="iso3",
            name_col="country_name" if "country_name" in header else None,
        )
    text_id = row.get("country_text_id", "").upper()
    if text_id:
        if text_id in matcher.known_iso3 or text_id in matcher.registry:
            iso3 = text_id if text_id in matcher.registry else None
            return iso3, None if iso3 else UnmatchedRow(line, name, text_id)
        return None, UnmatchedRow(line, name, text_id)
    return resolve_country(
        matcher,
        row,
        file,
        line,
        iso3_col=None,
        vdem_col="country_id" if "country_id" in header else None,
        name_col="country_name" if "country_name" in header else None,
    )


def parse_vdem(data: bytes, file: str, matcher: CountryMatcher) -> ParseResult:
    header, rows = read_rows(
        data,
        file,
        ("year",),
        one_of=(("iso3", "country_id", "country_text_id", "country_name"), tuple(COLUMNS)),
        keep=frozenset({"year", "iso3", "country_id", "country_text_id", "country_name", *COLUMNS}),
    )
    cols = [(c, *COLUMNS[c], c.endswith("_ord")) for c in COLUMNS if c in header]
    collected = CountryYearRows(file)
    n = 0
    for line, row in rows:
        n += 1
        year = parse_year(row["year"], file, line, "year")
        values = {}
        for c, lo, hi, ordinal in cols:
            raw = row[c]  # stripped by read_rows
            # the common case inline (a number in range, or empty); anything else goes through
            # parse_number, which accepts or refuses it exactly as before, with its reason
            try:
                v = float(raw) if raw else None
            except ValueError:
                v = parse_number(raw, file, line, c, lo, hi)
            else:
                if v is not None and not lo <= v <= hi:  # also NaN and infinities
                    v = parse_number(raw, file, line, c, lo, hi)
            if v is not None and ordinal and v != int(v):
                raise ImportFileError(
                    file=file, line=line, column=c, reason="bad_value", value=row[c]
                )
            values[c] = v
        iso3, miss = _resolve(matcher, header, row, file, line)
        if miss is not None:
            collected.unmatched.append(miss)
            continue
        assert iso3 is not None
        observed = [
            Observation(line, iso3, year, f"vdem.{col}", value, "")
            for col, value in values.items()
            if value is not None
        ]
        collected.add(line, iso3, year, observed)
    return collected.result(columns=[c for c, *_rest in cols], rows=n)
