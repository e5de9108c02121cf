"""Explorer downloads: CSV, XLSX and JSON (same columns, English column names)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

from ogp.core.spreadsheets import csv_writer, safe_row

from .models import Commitment, InstitutionRole

COLUMNS = [
    "identifier", "title", "country_iso3", "country", "locality", "plan", "submitted_year",
    "end_year", "start_date", "end_date", "lead_institutions", "supporting_institutions",
    "civil_society_co_owners", "policy_areas", "value_access_to_information",
    "value_civic_participation", "value_public_accountability", "value_technology",
    "irm_scale", "completion", "starred", "high_completion", "strong_early_results",
    "progress", "source", "ogp_url",
]  # fmt: skip


def row(c: Commitment, scale_codes: dict[int, str]) -> list[Any]:
    institutions = list(c.institutions.all())
    lead = [i.name for i in institutions if i.role == InstitutionRole.LEAD]
    supporting = [i.name for i in institutions if i.role == InstitutionRole.SUPPORTING]
    return [
        c.identifier, c.title, c.plan.country.iso3, c.plan.country.name_en,
        c.plan.locality.name if c.plan.locality else "", c.plan.ogp_id, c.plan.submitted_year,
        c.plan.end_year, c.start_date.isoformat() if c.start_date else c.start_text,
        c.end_date.isoformat() if c.end_date else c.end_text, "; ".join(lead),
        "; ".join(supporting), "; ".join(i.name for i in institutions if i.is_civil_society),
        "; ".join(a.name_en for a in c.policy_areas.all()), c.value_access_to_information,
        c.value_civic_participation, c.value_public_accountability, c.value_technology,
        scale_codes.get(c.coding_scale_id or 0, ""), c.completion, c.starred, c.high_completion,
        c.strong_early_results, float(c.progress) if c.progress is not None else None, c.source,
        c.source_url,
    ]  # fmt: skip


def table(commitments: Iterable[Commitment], scale_codes: dict[int, str]) -> Iterable[list[Any]]:
    for c in commitments:
        yield row(c, scale_codes)


def to_csv(lines: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv_writer(buf)
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow(["" if v is None else v for v in line])
    return buf.getvalue().encode("utf-8-sig")


def to_json(lines: Iterable[list[Any]]) -> bytes:
    data = [dict(zip(COLUMNS, line, strict=True)) for line in lines]
    return json.dumps({"commitments": data}, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(lines: Iterable[list[Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Commitments")
    ws.append(COLUMNS)
    for line in lines:
        ws.append(safe_row(line))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
