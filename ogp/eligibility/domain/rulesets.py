"""Rule sets: the OGP methodology as versioned data.

A rule set is read from a plain dict (JSON). ``ruleset_from_dict`` validates it and raises
``RuleSetError`` naming the field and the reason; ``ruleset_to_dict`` writes it back.
The shipped history lives in ``ogp/eligibility/rulesets/*.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .model import (
    CRITERIA_ORDER,
    LAW_SOURCES,
    OBS_DOCUMENTS,
    OBS_STATUSES,
    PROVISIONS,
    VDEM_SCALES,
    Method,
)

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "rulesets"

# Indicators a rule set may use for an "indicator_bands" criterion: key -> (min, max).
BAND_INDICATORS: dict[str, tuple[float, float]] = {
    "eiu.civlib_eiu": (0.0, 10.0),
    "vdem.v2x_civlib": (0.0, 1.0),
    "vdem.v2xcs_ccsi": (0.0, 1.0),
}
VALUES_CHECK_INDICATORS: tuple[str, ...] = ("v2cseeorgs", "v2csreprss")


class RuleSetError(ValueError):
    """An invalid rule set. ``field`` names the offending field, ``reason`` a code."""

    def __init__(self, field_name: str, reason: str, **params: object) -> None:
        self.field = field_name
        self.reason = reason
        self.params = params
        super().__init__(f"{field_name}: {reason} {params or ''}".strip())


@dataclass(frozen=True, slots=True)
class Band:
    """``points`` are awarded when the value is above ``above`` (or at it, if inclusive)."""

    above: float
    points: int


@dataclass(frozen=True, slots=True)
class SourceRule:
    """A published source that scores a research criterion where no research entry exists.

    ``dataset``: "rti" (a law scores ``provision_points.law`` from the data year at or after the
    year it was first passed; a country without a law, or before its law, needs the Support
    Unit's research: constitutional guarantee or draft law) or "gdb" (asset declarations:
    law / draft / none, plus ``public_access_points`` when the law requires publication).
    ``partial_publication``: whether the Barometer's "Partially" counts as requiring
    publication. ``applies_from``: the first data year the source is used for (``None``: from
    the law's year for "rti", from the first year of the research period for "gdb"); a data
    year after the research period keeps using the snapshot.
    """

    dataset: str
    partial_publication: bool = False
    applies_from: int | None = None


@dataclass(frozen=True, slots=True)
class CriterionRule:
    code: str
    method: str
    max_points: int = 4
    # obs_documents
    documents: tuple[str, ...] = ()
    status_points: dict[str, int] = field(default_factory=dict)
    # research
    provision_points: dict[str, int] = field(default_factory=dict)
    public_access_points: int = 0  # added when provision == "law" and the law gives public access
    source: SourceRule | None = None  # a published source used where no research entry exists
    # indicator_bands
    indicator: str = ""
    bands: tuple[Band, ...] = ()  # sorted by points, highest first
    inclusive: bool = False

    def levels(self) -> tuple[int, ...]:
        """Every number of points this rule can award, ascending."""
        if self.method == Method.OBS_DOCUMENTS:
            sums = {0}
            for _doc in self.documents:
                sums = {s + p for s in sums for p in set(self.status_points.values())}
            return tuple(sorted(sums))
        if self.method == Method.RESEARCH:
            pts = set(self.provision_points.values())
            if "law" in self.provision_points:
                pts.add(self.provision_points["law"] + self.public_access_points)
            return tuple(sorted(pts | {0}))
        return tuple(sorted({b.points for b in self.bands} | {0}))


@dataclass(frozen=True, slots=True)
class ValuesCheckRule:
    indicators: tuple[str, ...]  # V-Dem base names
    thresholds: dict[str, float | None]  # scale -> threshold (None: no threshold on that scale)
    scale_preference: tuple[str, ...] = VDEM_SCALES
    combine: str = "all"  # "all": every indicator at or above; "any": at least one


@dataclass(frozen=True, slots=True)
class Assumption:
    """A detail the sources leave open, with the default chosen and the sources consulted."""

    key: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    code: str
    version: int
    title: str
    valid_from: int  # first cycle year
    valid_to: int | None  # last cycle year (inclusive), None: open-ended
    pass_share: Fraction
    min_criteria: int
    criteria: tuple[CriterionRule, ...]
    values_check: ValuesCheckRule | None = None
    eligibility_review_cycles: int | None = None  # consecutive published cycles below minimum
    additional_information: bool = False  # evidence route open
    data_lag_years: int = 1  # cycle Y uses data for years <= Y - lag
    stale_after_years: int | None = None  # data more than this older than the data year: stale
    assumptions: tuple[Assumption, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str = ""

    @property
    def max_points(self) -> int:
        return sum(c.max_points for c in self.criteria)

    def applies_to(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)

    def criterion(self, code: str) -> CriterionRule:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)

    def passes(self, total: int, maximum: int) -> bool:
        return maximum > 0 and total * self.pass_share.denominator >= (
            self.pass_share.numerator * maximum
        )

    def points_needed(self, maximum: int) -> int:
        """Smallest total that passes for ``maximum`` available points."""
        num, den = self.pass_share.numerator, self.pass_share.denominator
        return -(-num * maximum // den)


# ---------------------------------------------------------------- (de)serialisation


def _int(
    d: dict,
    key: str,
    where: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    default: object = ...,
) -> int:
    if key not in d:
        if default is ...:
            raise RuleSetError(f"{where}{key}", "required")
        return default  # type: ignore[return-value]
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int):
        raise RuleSetError(f"{where}{key}", "not_an_integer", value=v)
    if minimum is not None and v < minimum:
        raise RuleSetError(f"{where}{key}", "too_small", value=v, minimum=minimum)
    if maximum is not None and v > maximum:
        raise RuleSetError(f"{where}{key}", "too_large", value=v, maximum=maximum)
    return v


def _points_map(d: object, where: str, allowed: tuple[str, ...], max_points: int) -> dict[str, int]:
    if not isinstance(d, dict):
        raise RuleSetError(where, "not_a_mapping")
    out: dict[str, int] = {}
    for key in allowed:
        if key not in d:
            raise RuleSetError(f"{where}.{key}", "required")
        out[key] = _int(d, key, f"{where}.", minimum=0, maximum=max_points)
    for key in d:
        if key not in allowed:
            raise RuleSetError(f"{where}.{key}", "unknown_key")
    return out


def _criterion_from_dict(d: object, i: int) -> CriterionRule:
    where = f"criteria[{i}]."
    if not isinstance(d, dict):
        raise RuleSetError(f"criteria[{i}]", "not_a_mapping")
    code = d.get("code")
    if code not in CRITERIA_ORDER:
        raise RuleSetError(f"{where}code", "unknown_criterion", value=code)
    method = d.get("method")
    if method not in {m.value for m in Method}:
        raise RuleSetError(f"{where}method", "unknown_method", value=method)
    max_points = _int(d, "max_points", where, minimum=1, maximum=10, default=4)
    if method == Method.OBS_DOCUMENTS:
        docs = d.get("documents")
        if not isinstance(docs, list) or not docs or any(x not in OBS_DOCUMENTS for x in docs):
            raise RuleSetError(f"{where}documents", "unknown_document", value=docs)
        if len(set(docs)) != len(docs):
            raise RuleSetError(f"{where}documents", "duplicate", value=docs)
        sp = _points_map(d.get("status_points"), f"{where}status_points", OBS_STATUSES, max_points)
        if max(sp.values()) * len(docs) > max_points:
            raise RuleSetError(f"{where}status_points", "exceeds_max_points", maximum=max_points)
        return CriterionRule(
            code=code, method=method, max_points=max_points, documents=tuple(docs), status_points=sp
        )
    if method == Method.RESEARCH:
        pp = _points_map(
            d.get("provision_points"), f"{where}provision_points", PROVISIONS, max_points
        )
        pa = _int(d, "public_access_points", where, minimum=0, maximum=max_points, default=0)
        if pp["law"] + pa > max_points:
            raise RuleSetError(
                f"{where}public_access_points", "exceeds_max_points", maximum=max_points
            )
        return CriterionRule(
            code=code,
            method=method,
            max_points=max_points,
            provision_points=pp,
            public_access_points=pa,
            source=_source_from_dict(d.get("source"), f"{where}source"),
        )
    indicator = d.get("indicator")
    if indicator not in BAND_INDICATORS:
        raise RuleSetError(f"{where}indicator", "unknown_indicator", value=indicator)
    lo, hi = BAND_INDICATORS[indicator]
    raw_bands = d.get("bands")
    if not isinstance(raw_bands, list) or not raw_bands:
        raise RuleSetError(f"{where}bands", "required")
    bands: list[Band] = []
    for j, b in enumerate(raw_bands):
        if not isinstance(b, dict):
            raise RuleSetError(f"{where}bands[{j}]", "not_a_mapping")
        above = b.get("above")
        if isinstance(above, bool) or not isinstance(above, int | float):
            raise RuleSetError(f"{where}bands[{j}].above", "not_a_number", value=above)
        if not lo <= above <= hi:
            raise RuleSetError(
                f"{where}bands[{j}].above", "out_of_range", value=above, minimum=lo, maximum=hi
            )
        pts = _int(b, "points", f"{where}bands[{j}].", minimum=1, maximum=max_points)
        bands.append(Band(above=float(above), points=pts))
    bands.sort(key=lambda b: -b.points)
    for a, b in zip(bands, bands[1:], strict=False):
        if a.points == b.points or a.above <= b.above:
            raise RuleSetError(f"{where}bands", "not_monotonic")
    inclusive = d.get("inclusive", False)
    if not isinstance(inclusive, bool):
        raise RuleSetError(f"{where}inclusive", "not_a_boolean")
    return CriterionRule(
        code=code,
        method=method,
        max_points=max_points,
        indicator=indicator,
        bands=tuple(bands),
        inclusive=inclusive,
    )


def _source_from_dict(d: object, where: str) -> SourceRule | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise RuleSetError(where, "not_a_mapping")
    dataset = d.get("dataset")
    if dataset not in LAW_SOURCES:
        raise RuleSetError(f"{where}.dataset", "unknown_value", value=dataset)
    partial = d.get("partial_publication", False)
    if not isinstance(partial, bool):
        raise RuleSetError(f"{where}.partial_publication", "not_a_boolean")
    applies_from = d.get("applies_from")
    if applies_from is not None:
        applies_from = _int(d, "applies_from", f"{where}.", minimum=1700, maximum=2100)
    for key in d:
        if key not in ("dataset", "partial_publication", "applies_from"):
            raise RuleSetError(f"{where}.{key}", "unknown_key")
    return SourceRule(dataset=dataset, partial_publication=partial, applies_from=applies_from)


def _values_check_from_dict(d: object) -> ValuesCheckRule | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise RuleSetError("values_check", "not_a_mapping")
    inds = d.get("indicators")
    if (
        not isinstance(inds, list)
        or not inds
        or any(i not in VALUES_CHECK_INDICATORS for i in inds)
    ):
        raise RuleSetError("values_check.indicators", "unknown_indicator", value=inds)
    thr = d.get("thresholds")
    if not isinstance(thr, dict):
        raise RuleSetError("values_check.thresholds", "not_a_mapping")
    thresholds: dict[str, float | None] = {}
    for scale in VDEM_SCALES:
        v = thr.get(scale)
        if v is None:
            thresholds[scale] = None
            continue
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise RuleSetError(f"values_check.thresholds.{scale}", "not_a_number", value=v)
        lo, hi = (-6.0, 6.0) if scale == "model" else (0.0, 4.0)
        if not lo <= v <= hi:
            raise RuleSetError(
                f"values_check.thresholds.{scale}", "out_of_range", value=v, minimum=lo, maximum=hi
            )
        thresholds[scale] = float(v)
    for key in thr:
        if key not in VDEM_SCALES:
            raise RuleSetError(f"values_check.thresholds.{key}", "unknown_key")
    combine = d.get("combine", "all")
    if combine not in ("all", "any"):
        raise RuleSetError("values_check.combine", "unknown_value", value=combine)
    return ValuesCheckRule(indicators=tuple(inds), thresholds=thresholds, combine=combine)


def ruleset_from_dict(d: object) -> RuleSet:
    if not isinstance(d, dict):
        raise RuleSetError("ruleset", "not_a_mapping")
    code = d.get("code")
    if not isinstance(code, str) or not code.strip() or len(code) > 40:
        raise RuleSetError("code", "required")
    title = d.get("title")
    if not isinstance(title, str) or not title.strip():
        raise RuleSetError("title", "required")
    version = _int(d, "version", "", minimum=1, default=1)
    valid_from = _int(d, "valid_from", "", minimum=2011, maximum=2100)
    valid_to = d.get("valid_to")
    if valid_to is not None:
        valid_to = _int(d, "valid_to", "", minimum=valid_from, maximum=2100)
    share_raw = d.get("pass_share")
    try:
        pass_share = Fraction(str(share_raw))
    except (ValueError, ZeroDivisionError):
        raise RuleSetError("pass_share", "not_a_number", value=share_raw) from None
    if not 0 < pass_share <= 1:
        raise RuleSetError("pass_share", "out_of_range", value=share_raw, minimum=0, maximum=1)
    raw_criteria = d.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise RuleSetError("criteria", "required")
    criteria = tuple(_criterion_from_dict(c, i) for i, c in enumerate(raw_criteria))
    codes = [c.code for c in criteria]
    if len(set(codes)) != len(codes):
        raise RuleSetError("criteria", "duplicate")
    criteria = tuple(sorted(criteria, key=lambda c: CRITERIA_ORDER.index(c.code)))
    min_criteria = _int(d, "min_criteria", "", minimum=1, maximum=len(criteria))
    review = d.get("eligibility_review_cycles")
    if review is not None:
        review = _int(d, "eligibility_review_cycles", "", minimum=1, maximum=10)
    additional = d.get("additional_information", False)
    if not isinstance(additional, bool):
        raise RuleSetError("additional_information", "not_a_boolean")
    lag = _int(d, "data_lag_years", "", minimum=0, maximum=5, default=1)
    stale = d.get("stale_after_years")
    if stale is not None:
        stale = _int(d, "stale_after_years", "", minimum=0, maximum=50)
    assumptions = []
    for i, a in enumerate(d.get("assumptions") or []):
        if not isinstance(a, dict) or not isinstance(a.get("key"), str):
            raise RuleSetError(f"assumptions[{i}]", "required")
        assumptions.append(Assumption(key=a["key"], sources=tuple(a.get("sources") or ())))
    return RuleSet(
        code=code.strip(),
        version=version,
        title=title.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        pass_share=pass_share,
        min_criteria=min_criteria,
        criteria=criteria,
        values_check=_values_check_from_dict(d.get("values_check")),
        eligibility_review_cycles=review,
        additional_information=additional,
        data_lag_years=lag,
        stale_after_years=stale,
        assumptions=tuple(assumptions),
        sources=tuple(str(s) for s in d.get("sources") or ()),
        notes=str(d.get("notes") or ""),
    )


def _criterion_to_dict(c: CriterionRule) -> dict[str, object]:
    out: dict[str, object] = {"code": c.code, "method": c.method, "max_points": c.max_points}
    if c.method == Method.OBS_DOCUMENTS:
        out["documents"] = list(c.documents)
        out["status_points"] = dict(c.status_points)
    elif c.method == Method.RESEARCH:
        out["provision_points"] = dict(c.provision_points)
        out["public_access_points"] = c.public_access_points
        if c.source is not None:
            out["source"] = {
                "dataset": c.source.dataset,
                "partial_publication": c.source.partial_publication,
                "applies_from": c.source.applies_from,
            }
    else:
        out["indicator"] = c.indicator
        out["bands"] = [{"above": b.above, "points": b.points} for b in c.bands]
        out["inclusive"] = c.inclusive
    return out


def ruleset_to_dict(rs: RuleSet) -> dict[str, object]:
    share = rs.pass_share
    return {
        "code": rs.code,
        "version": rs.version,
        "title": rs.title,
        "valid_from": rs.valid_from,
        "valid_to": rs.valid_to,
        "pass_share": str(float(share))
        if share.denominator in (1, 2, 4, 5, 10, 20, 100)
        else f"{share.numerator}/{share.denominator}",
        "min_criteria": rs.min_criteria,
        "criteria": [_criterion_to_dict(c) for c in rs.criteria],
        "values_check": None
        if rs.values_check is None
        else {
            "indicators": list(rs.values_check.indicators),
            "thresholds": dict(rs.values_check.thresholds),
            "combine": rs.values_check.combine,
        },
        "eligibility_review_cycles": rs.eligibility_review_cycles,
        "additional_information": rs.additional_information,
        "data_lag_years": rs.data_lag_years,
        "stale_after_years": rs.stale_after_years,
        "assumptions": [{"key": a.key, "sources": list(a.sources)} for a in rs.assumptions],
        "sources": list(rs.sources),
        "notes": rs.notes,
    }


def shipped_rulesets() -> tuple[RuleSet, ...]:
    """The historical rule sets shipped with the platform, oldest first."""
    out = []
    for path in sorted(SHIPPED_DIR.glob("*.json")):
        out.append(ruleset_from_dict(json.loads(path.read_text(encoding="utf-8"))))
    return tuple(sorted(out, key=lambda r: (r.valid_from, r.version)))


def ruleset_for_year(rulesets: tuple[RuleSet, ...], year: int) -> RuleSet | None:
    """The newest version among the rule sets that apply to ``year``."""
    matching = [r for r in rulesets if r.applies_to(year)]
    if not matching:
        return None
    return max(matching, key=lambda r: (r.valid_from, r.version))
