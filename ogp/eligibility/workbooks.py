"""Read an XLSX workbook into plain rows for the pure parsers (openpyxl, read-only)."""

from __future__ import annotations

import datetime
import io
import zipfile

from .domain.parsers.common import ImportFileError
from .domain.parsers.obs_workbook import Sheet

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and encrypted .xlsx


def is_old_excel(data: bytes) -> bool:
    return data[:8] == OLE_MAGIC


def is_workbook(data: bytes) -> bool:
    return data[:4] == XLSX_MAGIC


def read_workbook(data: bytes, file: str) -> list[Sheet]:
    """Every worksheet as (name, rows of cell values); a file openpyxl cannot open is refused
    with ``not_a_workbook``. Formulas give their cached values."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(
            file=file, line=None, column=None, reason="not_a_workbook", detail=type(exc).__name__
        ) from None
    try:
        sheets: list[Sheet] = []
        for ws in book.worksheets:
            rows = [
                tuple(v.isoformat() if isinstance(v, datetime.date) else v for v in row)
                for row in ws.iter_rows(values_only=True)
            ]
            sheets.append((ws.title, rows))
        return sheets
    finally:
        book.close()
