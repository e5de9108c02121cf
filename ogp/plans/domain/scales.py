"""IRM coding scales as versioned data (``ogp/plans/data/irm_scales.json``) and their derivations.

A commitment's coding is a mapping ``"<phase>.<indicator>" -> CodedValue``. Phases: ``design``
(the Action Plan Review or the legacy progress report's design coding), ``midterm`` (legacy
progress report) and ``end_of_term`` (legacy end-of-term report or the Results Report).

``ND`` (no data) and ``NR`` (not reviewed) are different facts and stay different; both make a
derivation that needs the value *unknown* (``None``) rather than false, unless another criterion
already decides the answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

SCALES_FILE = Path(__file__).resolve().parent.parent / "data" / "irm_scales.json"


class CodeState(StrEnum):
    VALUE = "value"
    NO_DATA = "nd"  # "ND" in OGP's sheet
    NOT_REVIEWED = "nr"  # "NR" in OGP's sheet
    NOT_APPLICABLE = "na"  # "NA" in OGP's sheet


@dataclass(frozen=True)
class CodedValue:
    state: CodeState
    level: str | None = None  # a level code of the indicator, when state is VALUE

    @classmethod
    def of(cls, level: str) -> CodedValue:
        return cls(CodeState.VALUE, level)


ND = CodedValue(CodeState.NO_DATA)
NR = CodedValue(CodeState.NOT_REVIEWED)
NA = CodedValue(CodeState.NOT_APPLICABLE)


@dataclass(frozen=True)
class Level:
    code: str
    rank: int
    labels: Mapping[str, str]
    sheet_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    code: str
    labels: Mapping[str, str]
    levels: tuple[Level, ...]

    def level(self, code: str) -> Level | None:
        return next((lv for lv in self.levels if lv.code == code), None)

    def match_sheet_label(self, text: str) -> Level | None:
        folded = text.strip().casefold()
        for lv in self.levels:
            if folded in (s.casefold() for s in lv.sheet_labels) or folded == lv.code:
                return lv
        return None


@dataclass(frozen=True)
class Criterion:
    """``"<phase>.<indicator>"`` must be one of ``levels``."""

    key: str
    levels: frozenset[str]


@dataclass(frozen=True)
class ScaleVersion:
    code: str
    labels: Mapping[str, str]
    applies_from_year: int
    applies_to_year: int | None
    indicators: tuple[Indicator, ...]
    high_completion: frozenset[str]
    starred: tuple[Criterion, ...]  # empty: this version has no stars
    strong_early_results: tuple[Criterion, ...]  # any one of them is enough

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def applies_to(self, year: int) -> bool:
        upper = self.applies_to_year if self.applies_to_year is not None else 10_000
        return self.applies_from_year <= year <= upper


def _labels(raw: Mapping[str, str]) -> dict[str, str]:
    return {k: str(v) for k, v in raw.items()}


def _criteria(raw: list[dict[str, object]]) -> tuple[Criterion, ...]:
    return tuple(
        Criterion(str(c["key"]), frozenset(str(v) for v in c["levels"]))  # type: ignore[attr-defined]
        for c in raw
    )


def parse_versions(data: Mapping[str, object]) -> tuple[ScaleVersion, ...]:
    versions = []
    for raw in data["versions"]:  # type: ignore[attr-defined]
        indicators = tuple(
            Indicator(
                code=ind["code"],
                labels=_labels(ind["labels"]),
                levels=tuple(
                    Level(
                        code=lv["code"],
                        rank=int(lv["rank"]),
                        labels=_labels(lv["labels"]),
                        sheet_labels=tuple(lv.get("sheet", ())),
                    )
                    for lv in ind["levels"]
                ),
            )
            for ind in raw["indicators"]
        )
        versions.append(
            ScaleVersion(
                code=raw["code"],
                labels=_labels(raw["labels"]),
                applies_from_year=int(raw["applies_from_year"]),
                applies_to_year=raw.get("applies_to_year"),
                indicators=indicators,
                high_completion=frozenset(raw.get("high_completion", ())),
                starred=_criteria(raw.get("starred", [])),
                strong_early_results=_criteria(raw.get("strong_early_results", [])),
            )
        )
    return tuple(versions)


def load_versions(path: Path = SCALES_FILE) -> tuple[ScaleVersion, ...]:
    return parse_versions(json.loads(path.read_text(encoding="utf-8")))


def version_for_year(versions: tuple[ScaleVersion, ...], year: int) -> ScaleVersion | None:
    """The scale version in force for a plan submitted in ``year`` (the latest that applies)."""
    matching = [v for v in versions if v.applies_to(year)]
    return max(matching, key=lambda v: v.applies_from_year) if matching else None


Coding = Mapping[str, CodedValue]


def _check(coding: Coding, criterion: Criterion) -> bool | None:
    value = coding.get(criterion.key)
    if value is None or value.state != CodeState.VALUE:
        return None
    return value.level in criterion.levels


def _all_of(coding: Coding, criteria: tuple[Criterion, ...]) -> bool | None:
    """True when every criterion holds, False as soon as one fails, else None (unknown)."""
    results = [_check(coding, c) for c in criteria]
    if any(r is False for r in results):
        return False
    if any(r is None for r in results):
        return None
    return True


def _any_of(coding: Coding, criteria: tuple[Criterion, ...]) -> bool | None:
    results = [_check(coding, c) for c in criteria]
    if any(r is True for r in results):
        return True
    if any(r is None for r in results):
        return None
    return False


def completion(coding: Coding) -> CodedValue | None:
    """The most recent completion coded: end of term when it has a value, else midterm."""
    end = coding.get("end_of_term.completion")
    if end is not None and end.state == CodeState.VALUE:
        return end
    mid = coding.get("midterm.completion")
    if mid is not None and mid.state == CodeState.VALUE:
        return mid
    return end or mid


def is_high_completion(version: ScaleVersion, coding: Coding) -> bool | None:
    value = completion(coding)
    if value is None or value.state != CodeState.VALUE:
        return None
    return value.level in version.high_completion


def is_starred(version: ScaleVersion, coding: Coding, phase: str = "") -> bool | None:
    """Starred under ``version``'s formula; completion of ``phase`` (default: most recent).

    A version without a star formula (the current IRM products) gives False: nothing is starred.
    """
    if not version.starred:
        return False
    chosen = completion(coding) if not phase else coding.get(f"{phase}.completion")
    merged = dict(coding)
    if chosen is not None:
        merged["completion"] = chosen
    criteria = tuple(
        Criterion("completion", c.levels) if c.key == "completion" else c for c in version.starred
    )
    return _all_of(merged, criteria)


def is_strong_early_results(version: ScaleVersion, coding: Coding) -> bool | None:
    if not version.strong_early_results:
        return False
    return _any_of(coding, version.strong_early_results)
