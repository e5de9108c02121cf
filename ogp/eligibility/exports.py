"""Score sheet downloads: CSV, XLSX and JSON (same columns, English column names)."""

from __future__ import annotations

import io
import json
from typing import Any

from ogp.core.spreadsheets import csv_writer, safe_row

from .domain.model import CRITERIA_ORDER
from .labels import CRITERION_LABELS

COLUMNS = [
    "cycle_year",
    "iso3",
    "country",
    "region",
    "status",
    "total",
    "maximum",
    "share",
    *CRITERIA_ORDER,
    "member",
    "values_check",
    "eligibility_review",
    "at_risk",
    *[f"{c}_source" for c in CRITERIA_ORDER],
]


def _source(detail: dict[str, Any]) -> str:
    if not detail.get("dataset"):
        return ""
    parts = [detail["dataset"], detail.get("edition") or "", str(detail.get("year") or "")]
    text = " ".join(p for p in parts if p)
    if detail.get("line") and detail["dataset"] != "evidence":
        if detail.get("sheet"):  # a workbook: its sheet and row
            text += f" (sheet {detail['sheet']}, row {detail['line']})"
        else:
            text += f" (line {detail['line']})"
    if detail.get("raw"):
        text += f": {detail['raw']}"
    return text


def _name(row: dict[str, Any]) -> str:
    """The country's name in the language of the request (the address's /fr/, /es/)."""
    from django.utils import translation

    language = (translation.get_language() or "en")[:2]
    return row.get(f"name_{language}") or row["name_en"]


def table(year: int, rows: list[dict[str, Any]]) -> list[list[Any]]:
    out = []
    for r in rows:
        out.append(
            [
                year,
                r["iso3"],
                _name(r),
                r["region"],
                r["status"],
                r["total"],
                r["maximum"],
                r["share"],
                *[r["points"].get(c) for c in CRITERIA_ORDER],
                r["is_member"],
                r["values_check"],
                r["eligibility_review"],
                r["at_risk"],
                *[_source(r["details"].get(c, {})) for c in CRITERIA_ORDER],
            ]
        )
    return out


def to_csv(year: int, rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv_writer(buf)
    writer.writerow(COLUMNS)
    for line in table(year, rows):
        writer.writerow(["" if v is None else v for v in line])
    # a byte order mark, so that spreadsheets (Excel) read the names as UTF-8
    return buf.getvalue().encode("utf-8-sig")


def to_json(year: int, rows: list[dict[str, Any]]) -> bytes:
    data = [dict(zip(COLUMNS, line, strict=True)) for line in table(year, rows)]
    return json.dumps(
        {
            "cycle_year": year,
            "criteria": {c: str(CRITERION_LABELS[c]) for c in CRITERIA_ORDER},
            "countries": data,
        },
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")


def to_xlsx(year: int, rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"Eligibility {year}")
    ws.append(COLUMNS)
    for line in table(year, rows):
        ws.append(safe_row(line))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
