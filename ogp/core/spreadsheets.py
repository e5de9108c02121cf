"""Every CSV and XLSX export writes its cells through here, so none can carry a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or their full-width forms), and
some treat a leading tab or carriage return the same way (OWASP "CSV injection"). Such text cells
get a leading apostrophe, which spreadsheets show as plain text; numbers, dates and empty cells
are left as they are.
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """The value itself, or a text that starts with a formula character, prefixed with `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


class SafeCsvWriter:
    """`csv.writer` whose rows pass through `safe_row` (same `writerow`/`writerows`)."""

    def __init__(self, stream: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: Any, **kwargs: Any) -> SafeCsvWriter:
    return SafeCsvWriter(stream, **kwargs)
