"""CSV reading with precise errors, country matching and the parsed-row types."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field


class ImportFileError(ValueError):
    """A bad file. ``reason`` is a code the web layer translates; ``params`` fill the message.

    Reasons: encoding, empty, missing_columns, truncated, field_count, unknown_code,
    out_of_range, not_a_number, duplicate, bad_year, bad_value, bad_date, no_rows,
    not_a_workbook, no_rounds, duplicate_round. ``sheet``: the worksheet of a workbook
    (``line`` is then the sheet's row number).

    A row whose *country* cannot be matched is never an error (see ``UNKNOWN_UNITS_RULE``).
    """

    def __init__(
        self,
        *,
        file: str,
        line: int | None,
        column: str | None,
        reason: str,
        sheet: str | None = None,
        **params: object,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.reason = reason
        self.params = params
        where = (
            file
            + (f", sheet {sheet}" if sheet else "")
            + (f", line {line}" if line else "")
            + (f", column {column}" if column else "")
        )
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{where}: {reason}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True, slots=True)
class Observation:
    line: int
    iso3: str
    year: int
    indicator: str  # "<dataset>.<column>", e.g. "obs.ebp", "eiu.civlib_eiu"
    value: float | None  # numeric indicators
    text: str  # status codes (OBS), else ""


@dataclass(frozen=True, slots=True)
class ResearchRow:
    line: int
    iso3: str
    criterion: str
    year: int
    provision: str
    public_access: bool
    name: str
    adopted_on: str
    source_url: str


# One rule for every importer (docs/eligibility.md, "Unknown units"): a row whose country or
# unit is not in the registry -- a territory, a sub-national or historical unit, a
# user-assigned code, or a code that is no country code at all -- is reported (line, name,
# code, why) and skipped; the rest of the file is imported. A bad *value* in any other
# column refuses the whole file.
UNKNOWN_UNITS_RULE = "report_and_skip"


@dataclass(frozen=True, slots=True)
class UnmatchedRow:
    line: int
    name: str
    code: str
    sheet: str = ""
    # "outside_registry": a real code or unit the platform does not score;
    # "unknown_code": not a country code at all (a typo, a made-up code)
    why: str = "outside_registry"


@dataclass(frozen=True, slots=True)
class ParseResult:
    observations: tuple[Observation, ...] = ()
    research: tuple[ResearchRow, ...] = ()
    unmatched: tuple[UnmatchedRow, ...] = ()
    years: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()
    rows: int = 0
    sheets: tuple[tuple[int, str], ...] = ()  # workbooks: (survey year, sheet name)


@dataclass
class CountryYearRows:
    """What the country-year parsers (OBS, EIU, V-Dem) collect: one row per country and year
    (a second one is refused with the line of the first), its observations, unmatched rows."""

    file: str
    year_column: str = "year"
    observations: list[Observation] = field(default_factory=list)
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    seen: dict[tuple[str, int], int] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)

    def add(self, line: int, iso3: str, year: int, observations: list[Observation]) -> None:
        key = (iso3, year)
        if key in self.seen:
            raise ImportFileError(
                file=self.file,
                line=line,
                column=self.year_column,
                reason="duplicate",
                country=iso3,
                year=year,
                first_line=self.seen[key],
            )
        self.seen[key] = line
        self.years.add(year)
        self.observations.extend(observations)

    def result(self, *, columns: list[str] | tuple[str, ...], rows: int) -> ParseResult:
        return ParseResult(
            observations=tuple(self.observations),
            unmatched=tuple(self.unmatched),
            years=tuple(sorted(self.years)),
            columns=tuple(columns),
            rows=rows,
        )


@dataclass
class CountryMatcher:
    """Match a row to a registry country by ISO code, or by a known name variant.

    ``known_iso3``/``known_iso2``: every code that is a real country code (a code outside
    these is a bad file). ``registry``: the ISO3 codes of countries the platform holds (a
    known code outside it is an unmatched row, listed in the report).
    """

    registry: frozenset[str]
    known_iso3: frozenset[str]
    iso2_to_iso3: dict[str, str]
    names: dict[str, str] = field(default_factory=dict)  # casefolded exact name -> iso3
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()
    vdem_ids: dict[str, str] = field(default_factory=dict)  # V-Dem country_id -> iso3

    def by_iso3(self, code: str) -> str | None:
        """Return the ISO3 if in the registry, None if known but absent; raise KeyError."""
        code = code.strip().upper()
        if code not in self.known_iso3 and code not in self.registry:
            raise KeyError(code)
        return code if code in self.registry else None

    def by_iso2(self, code: str) -> str | None:
        code = code.strip().upper()
        iso3 = self.iso2_to_iso3.get(code)
        if iso3 is None:
            raise KeyError(code)
        return iso3 if iso3 in self.registry else None

    def by_name(self, name: str) -> str | None:
        key = name.strip().casefold()
        if not key:
            return None
        iso3 = self.names.get(key)
        if iso3 is None:
            for pattern, code in self.patterns:
                if pattern.search(key):
                    iso3 = code
                    break
        return iso3 if iso3 in self.registry else None


def content_digest(data: bytes) -> str:
    """SHA-256 of a text file's content, ignoring a UTF-8 byte order mark, the line-ending
    convention (CRLF, CR or LF) and a missing final newline: the same data saved by another
    editor is the same release. Workbooks (and anything not UTF-8) hash as bytes."""
    if data.startswith(b"PK\x03\x04"):
        return hashlib.sha256(data).hexdigest()
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return hashlib.sha256(data).hexdigest()
    body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n").rstrip(b"\n") + b"\n"
    return hashlib.sha256(body).hexdigest()


def is_empty(data: bytes) -> bool:
    """Nothing but whitespace (and perhaps a byte order mark)."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return not body.strip()


def decode(data: bytes, file: str) -> str:
    if is_empty(data):
        raise ImportFileError(file=file, line=None, column=None, reason="empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        header = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
        col_index = data[line_start : exc.start].count(b",")
        column = header[col_index].strip() if col_index < len(header) else None
        raise ImportFileError(
            file=file, line=line, column=column, reason="encoding", byte=f"0x{data[exc.start]:02x}"
        ) from None


def read_rows(
    data: bytes,
    file: str,
    required: tuple[str, ...],
    one_of: tuple[tuple[str, ...], ...] = (),
    keep: frozenset[str] | None = None,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Decode and read a CSV with a header. Yields (line number, row dict); errors are precise.

    ``required``: every column must be present. ``one_of``: at least one column of each group.
    ``keep``: only these columns go into the row dicts (wide files such as the full V-Dem
    dataset, thousands of columns).
    """
    text = decode(data, file)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFileError(file=file, line=1, column=None, reason="empty") from None
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    for group in one_of:
        if not any(c in header for c in group):
            missing.append(" / ".join(group))
    if missing:
        raise ImportFileError(
            file=file, line=1, column=", ".join(missing), reason="missing_columns"
        )
    kept = None if keep is None else [i for i, h in enumerate(header) if h in keep]
    ends_with_newline = text.endswith(("\n", "\r"))
    n = len(header)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        seen_rows = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error:
                raise ImportFileError(
                    file=file, line=reader.line_num, column=None, reason="truncated"
                ) from None
            line = reader.line_num
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            if len(values) != n:
                at_end = not ends_with_newline and line == text.count("\n") + 1
                if at_end and len(values) < n:
                    raise ImportFileError(
                        file=file, line=line, column=header[len(values) - 1], reason="truncated"
                    )
                raise ImportFileError(
                    file=file,
                    line=line,
                    column=None,
                    reason="field_count",
                    found=len(values),
                    expected=n,
                )
            seen_rows += 1
            if kept is None:
                yield line, dict(zip(header, (v.strip() for v in values), strict=True))
            else:
                yield line, {header[i]: values[i].strip() for i in kept}
        if seen_rows == 0:
            raise ImportFileError(file=file, line=None, column=None, reason="no_rows")

    return header, rows()


def parse_year(
    raw: str, file: str, line: int, column: str, *, earliest: int = 1900, latest: int = 2100
) -> int:
    try:
        year = int(float(raw)) if raw.strip() else None
    except ValueError:
        year = None
    if year is None or str(year) != raw.strip().split(".")[0] or not earliest <= year <= latest:
        raise ImportFileError(file=file, line=line, column=column, reason="bad_year", value=raw)
    return year


def parse_number(raw: str, file: str, line: int, column: str, lo: float, hi: float) -> float | None:
    """A number within [lo, hi]; empty cells are missing (None). "NA" is NOT treated as missing."""
    raw = raw.strip()
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ImportFileError(
            file=file, line=line, column=column, reason="not_a_number", value=raw
        ) from None
    if math.isnan(value) or math.isinf(value):
        raise ImportFileError(file=file, line=line, column=column, reason="not_a_number", value=raw)
    if not lo <= value <= hi:
        raise ImportFileError(
            file=file,
            line=line,
            column=column,
            reason="out_of_range",
            value=raw,
            minimum=lo,
            maximum=hi,
        )
    return value


def resolve_country(
    matcher: CountryMatcher,
    row: dict[str, str],
    file: str,
    line: int,
    *,
    iso3_col: str | None = "iso3",
    iso2_col: str | None = None,
    name_col: str | None = None,
    vdem_col: str | None = None,
) -> tuple[str | None, UnmatchedRow | None]:
    """Resolve a row's country. Returns (iso3, None) or (None, UnmatchedRow).

    A code that is not a known country code is an unmatched row too (``why="unknown_code"``).
    """
    name = row.get(name_col, "") if name_col else ""
    for col, fn in ((iso3_col, matcher.by_iso3), (iso2_col, matcher.by_iso2)):
        code = row.get(col, "").strip() if col else ""
        if code:
            try:
                iso3 = fn(code)
            except KeyError:
                return None, UnmatchedRow(line, name, code, why="unknown_code")
            if iso3 is None:
                return None, UnmatchedRow(line, name, code)
            return iso3, None
    if vdem_col and row.get(vdem_col, "").strip() and matcher.vdem_ids:
        # a V-Dem unit id is authoritative: never guess a unit (e.g. Zanzibar) from its name
        vid = row[vdem_col].strip()
        iso3 = matcher.vdem_ids.get(vid)
        if iso3 and iso3 in matcher.registry:
            return iso3, None
        return None, UnmatchedRow(line, name, vid)
    iso3 = matcher.by_name(name) if name else None
    if iso3 is None:
        return None, UnmatchedRow(line, name, "")
    return iso3, None


def parse_partial_date(raw: str, file: str, line: int, column: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` that exists on the calendar (no 2020-13-45,
    no 2021-02-29); empty stays empty. Returns the value as written."""
    raw = raw.strip()
    if not raw:
        return ""
    found = PARTIAL_DATE.match(raw)
    ok = found is not None
    if found is not None:
        year, month, day = (int(g) if g else None for g in found.groups())
        assert year is not None
        if not 1700 <= year <= 2100:
            ok = False
        elif month is not None:
            try:
                datetime.date(year, month, day or 1)
            except ValueError:
                ok = False
    if not ok:
        raise ImportFileError(file=file, line=line, column=column, reason="bad_date", value=raw)
    return raw


PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
