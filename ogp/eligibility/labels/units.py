"""Unmatched units of an import, grouped with their line ranges."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def _ranges(lines: list[int]) -> str:
    """[3, 4, 5, 9] -> "3–5, 9"."""
    parts: list[str] = []
    start = prev = None
    for n in sorted(lines):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(parts)


def unmatched_units(unmatched: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unmatched rows grouped by unit (name and code), in file order, with their line ranges
    (per sheet for a workbook): one line per unit instead of one per country-year."""
    units: dict[tuple[str, str], dict[str, list[int]]] = {}
    unknown: set[tuple[str, str]] = set()
    for u in unmatched:
        if u.get("why") == "unknown_code":
            unknown.add((u.get("name", ""), u.get("code", "")))
        per_sheet = units.setdefault((u.get("name", ""), u.get("code", "")), {})
        per_sheet.setdefault(u.get("sheet", ""), []).append(u["line"])
    out = []
    for (name, code), per_sheet in units.items():
        where = "; ".join(
            (
                _("sheet “%(sheet)s”: %(lines)s") % {"sheet": sheet, "lines": _ranges(lines)}
                if sheet
                else _ranges(lines)
            )
            for sheet, lines in per_sheet.items()
        )
        count = sum(len(lines) for lines in per_sheet.values())
        unit: dict[str, Any] = {"name": name, "code": code, "rows": count, "lines": where}
        if (name, code) in unknown:
            # a typo or made-up code rather than a territory the platform does not score
            unit["why"] = _("not a country code")
        out.append(unit)
    return out
