"""Membership history CSV: dated OGP statuses of the past, each with its source.

Columns: ``iso3``, ``status`` (a platform status code: active, participating, inactive,
suspended, withdrawn, eligible, not_eligible...), ``effective_date`` (YYYY-MM-DD), ``source``
(an address or a reference, required), ``reason`` (optional). Unknown countries follow the
importers' rule: reported and skipped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .common import (
    CountryMatcher,
    ImportFileError,
    UnmatchedRow,
    read_rows,
    resolve_country,
)

COLUMNS = ("iso3", "status", "effective_date", "source")


@dataclass(frozen=True, slots=True)
class HistoryRow:
    line: int
    iso3: str
    status: str
    effective_date: datetime.date
    source: str
    reason: str


def parse_membership_history(
    data: bytes, file: str, matcher: CountryMatcher, statuses: tuple[str, ...]
) -> tuple[tuple[HistoryRow, ...], tuple[UnmatchedRow, ...]]:
    header, rows = read_rows(data, file, COLUMNS)
    out: list[HistoryRow] = []
    unmatched: list[UnmatchedRow] = []
    seen: dict[tuple[str, datetime.date], int] = {}
    for line, row in rows:
        status = row["status"].strip().lower()
        if status not in statuses:
            raise ImportFileError(
                file=file,
                line=line,
                column="status",
                reason="unknown_code",
                value=row["status"],
                allowed=", ".join(statuses),
            )
        try:
            when = datetime.date.fromisoformat(row["effective_date"])
            if len(row["effective_date"]) != 10:
                raise ValueError
        except ValueError:
            raise ImportFileError(
                file=file,
                line=line,
                column="effective_date",
                reason="bad_date",
                value=row["effective_date"],
            ) from None
        if not row["source"]:
            raise ImportFileError(
                file=file, line=line, column="source", reason="bad_value", value=""
            )
        iso3, miss = resolve_country(matcher, row, file, line, iso3_col="iso3")
        if miss is not None:
            unmatched.append(miss)
            continue
        assert iso3 is not None
        if (iso3, when) in seen:
            raise ImportFileError(
                file=file,
                line=line,
                column="effective_date",
                reason="duplicate",
                country=iso3,
                year=when.isoformat(),
                first_line=seen[(iso3, when)],
            )
        seen[(iso3, when)] = line
        out.append(
            HistoryRow(
                line,
                iso3,
                status,
                when,
                row["source"],
                row.get("reason", "") if "reason" in header else "",
            )
        )
    return tuple(out), tuple(unmatched)
