"""Exports written row by row as the client reads them, never built whole in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse

from .spreadsheets import csv_writer


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    header: list[str], rows: Iterable[Iterable[Any]], *, bom: bool = True
) -> Iterator[str]:
    writer = csv_writer(_Echo())  # formula starts neutralised (ogp/core/spreadsheets.py)
    if bom:
        yield "\ufeff"  # byte order mark: spreadsheet programs then read UTF-8
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


def csv_stream(
    header: list[str], rows: Iterable[Iterable[Any]], *, bom: bool = True
) -> StreamingHttpResponse:
    """A CSV download streamed from ``rows`` (pass ``queryset.iterator()`` for large tables);
    ``bom=False`` for open-data files read by programs rather than spreadsheets."""
    return StreamingHttpResponse(
        csv_lines(header, rows, bom=bom), content_type="text/csv; charset=utf-8"
    )
