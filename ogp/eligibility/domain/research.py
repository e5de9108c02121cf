"""Which research entries are in force for a cycle year: pure, so the correction rule is tested
on its own (a correction applies from its own year; earlier cycles keep what was valid then)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntryStub:
    id: int
    country: int
    criterion: str
    year: int  # assessment year: the entry applies to cycles of this year and later
    corrects: int | None = None  # id of the entry this one corrects


def entries_in_force(entries: Iterable[EntryStub], year: int) -> list[int]:
    """Ids of the entries that cycle ``year`` uses: per country and criterion the newest entry
    assessed in or before ``year`` (then the highest id), leaving out an entry only when a
    correction of it is itself assessed in or before ``year``."""
    usable = [e for e in entries if e.year <= year]
    corrected = {e.corrects for e in usable if e.corrects is not None}
    best: dict[tuple[int, str], EntryStub] = {}
    for e in sorted(usable, key=lambda e: (e.year, e.id)):
        if e.id in corrected:
            continue
        best[(e.country, e.criterion)] = e
    return [e.id for e in best.values()]
