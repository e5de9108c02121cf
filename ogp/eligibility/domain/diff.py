"""What changed between two cycles, and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import CountryResult, SourceRef, Status


@dataclass(frozen=True, slots=True)
class CriterionChange:
    code: str
    old_points: int | None
    new_points: int | None
    old_raw: str
    new_raw: str
    old_source: SourceRef | None
    new_source: SourceRef | None


@dataclass(frozen=True, slots=True)
class CountryChange:
    iso3: str
    old_status: str | None  # None: not in the previous cycle
    new_status: str | None  # None: not in this cycle
    crossing: str  # "became_eligible", "lost_eligibility", "status_changed", "" (same status)
    old_total: int | None
    new_total: int | None
    criteria: tuple[CriterionChange, ...]
    values_check_changed: bool = False


def _source(res: CountryResult | None, code: str) -> SourceRef | None:
    if res is None:
        return None
    c = res.criterion(code)
    return c.source if c is not None else None


def _crossing(old: str | None, new: str | None) -> str:
    if old == new:
        return ""
    if new == Status.ELIGIBLE:
        return "became_eligible"
    if old == Status.ELIGIBLE:
        return "lost_eligibility"
    return "status_changed"


def diff_results(
    previous: Mapping[str, CountryResult], current: Mapping[str, CountryResult]
) -> tuple[CountryChange, ...]:
    """Every country whose status, points, source value or Values Check changed.

    Sorted: countries that crossed the eligibility line first, then by ISO code.
    """
    changes = []
    for iso3 in sorted(set(previous) | set(current)):
        old, new = previous.get(iso3), current.get(iso3)
        codes: list[str] = []
        for res in (old, new):
            if res:
                codes.extend(c.code for c in res.criteria if c.code not in codes)
        crit_changes = []
        for code in codes:
            oc = old.criterion(code) if old else None
            nc = new.criterion(code) if new else None
            o = (oc.points, oc.raw) if oc else (None, "")
            n = (nc.points, nc.raw) if nc else (None, "")
            if o != n:
                crit_changes.append(
                    CriterionChange(
                        code,
                        o[0],
                        n[0],
                        o[1],
                        n[1],
                        _source(old, code),
                        _source(new, code),
                    )
                )
        old_status = old.status if old else None
        new_status = new.status if new else None
        old_vc = old.values_check.passed if old and old.values_check else None
        new_vc = new.values_check.passed if new and new.values_check else None
        vc_changed = old_vc != new_vc
        if crit_changes or old_status != new_status or vc_changed:
            changes.append(
                CountryChange(
                    iso3,
                    old_status,
                    new_status,
                    _crossing(old_status, new_status),
                    old.total if old else None,
                    new.total if new else None,
                    tuple(crit_changes),
                    vc_changed,
                )
            )
    order = {"became_eligible": 0, "lost_eligibility": 0, "status_changed": 1, "": 2}
    changes.sort(key=lambda c: (order[c.crossing], c.iso3))
    return tuple(changes)
