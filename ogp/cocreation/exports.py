"""The "what we heard, what we did" ledger as CSV and JSON rows, and the evidence pack ZIP."""

import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.core.spreadsheets import csv_writer

from .models import CoCreationPlan, LedgerEntry

COLUMNS = [
    "ref",
    "kind",
    "received_on",
    "input_language",
    "text",
    "source",
    "disposition",
    "reason",
    "became",
    "merged_with",
    "answered_by",
    "answered_on",
]


def entry_row(entry: LedgerEntry) -> dict[str, Any]:
    """One ledger row; labels in the interface language, the input's text in its own."""
    source = ""
    if entry.offline:
        source = f"{entry.offline.get_source_display()}, {entry.offline.received_from}"
    elif entry.comment and entry.comment.version:
        source = _("version %(number)s, paragraph %(anchor)s") % {
            "number": entry.comment.version.number,
            "anchor": entry.comment.anchor,
        }
    became = ""
    if entry.linked_milestone:
        commitment = entry.linked_commitment.title if entry.linked_commitment else ""
        became = f"{commitment} / {entry.linked_milestone.title}"
    elif entry.linked_commitment:
        became = entry.linked_commitment.title
    return {
        "ref": entry.ref,
        "kind": str(entry.get_kind_display()),
        "received_on": entry.received_on.isoformat(),
        "input_language": entry.language,
        "text": entry.text,
        "source": source,
        "disposition": str(entry.get_disposition_display()) if entry.disposition else "",
        "reason": entry.reason,
        "became": became,
        "merged_with": entry.merged_into.ref if entry.merged_into else "",
        "answered_by": str(entry.get_responder_side_display()) if entry.responder_side else "",
        "answered_on": entry.responded_at.date().isoformat() if entry.responded_at else "",
    }


def ledger_csv(entries: Iterable[LedgerEntry]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)  # formula starts neutralised (ogp/core/spreadsheets.py)
    writer.writerow(COLUMNS)
    for entry in entries:
        row = entry_row(entry)
        writer.writerow([row[column] for column in COLUMNS])
    return buffer.getvalue()


def ledger_json(plan: CoCreationPlan, entries: Iterable[LedgerEntry]) -> str:
    return json.dumps(
        {
            "plan": plan.title,
            "country": plan.country.iso3,
            "generated_at": timezone.now().isoformat(),
            "inputs": [entry_row(e) for e in entries],
        },
        ensure_ascii=False,
        indent=2,
    )


def evidence_pack(plan: CoCreationPlan, *, files: dict[str, bytes]) -> bytes:
    """A ZIP of ``files`` (name -> content), written in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
