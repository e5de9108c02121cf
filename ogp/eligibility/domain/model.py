"""Frozen dataclasses shared by the pure eligibility rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast


class Status(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NOT_ENOUGH_DATA = "not_enough_data"


class Criterion(StrEnum):
    FISCAL_TRANSPARENCY = "fiscal_transparency"
    ACCESS_TO_INFORMATION = "access_to_information"
    ASSET_DISCLOSURE = "asset_disclosure"
    CITIZEN_ENGAGEMENT = "citizen_engagement"


CRITERIA_ORDER: tuple[str, ...] = tuple(c.value for c in Criterion)


class Method(StrEnum):
    OBS_DOCUMENTS = "obs_documents"  # Open Budget Survey document statuses
    RESEARCH = "research"  # research-based: law / constitutional provision / draft
    INDICATOR_BANDS = "indicator_bands"  # numeric indicator mapped by cut-offs


class Dataset(StrEnum):
    OBS = "obs"
    EIU = "eiu"
    VDEM = "vdem"
    RTI = "rti"  # Global Right to Information Rating (access to information law and its year)
    GDB = "gdb"  # Global Data Barometer (asset declaration laws and their publication)
    RESEARCH = "research"
    CROSSWALK = "crosswalk"
    EVIDENCE = "evidence"  # accepted additional information (an override)


OBS_STATUSES: tuple[str, ...] = ("PW", "PL", "HC", "SC", "IU", "NP")
OBS_DOCUMENTS: tuple[str, ...] = ("pbs", "ebp", "cb", "eb", "iyr", "myr", "yer", "ar")
PROVISIONS: tuple[str, ...] = ("law", "constitutional_and_draft", "constitutional", "draft", "none")
VDEM_SCALES: tuple[str, ...] = ("ord", "osp", "model")
LAW_SOURCES: tuple[str, ...] = ("rti", "gdb")  # published sources for the research criteria


class Missing(StrEnum):
    """Why a criterion is not assessed (shown instead of points)."""

    NOT_IMPORTED = "not_imported"  # the source dataset is not among the cycle's releases
    NOT_COVERED = "not_covered"  # the source has no value for this country (or that year)
    NO_RESEARCH = "no_research"  # only the Support Unit's research can say: none recorded


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a value comes from: dataset, release, edition, data year and file row."""

    dataset: str
    label: str  # human label, e.g. "Open Budget Survey 2006-2019"
    edition: str = ""
    year: int | None = None
    release_id: int | None = None
    line: int | None = None
    url: str = ""
    sheet: str = ""  # workbooks: the worksheet; ``line`` is then its row

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "dataset": self.dataset,
            "label": self.label,
            "edition": self.edition,
            "year": self.year,
            "release_id": self.release_id,
            "line": self.line,
            "url": self.url,
        }
        if self.sheet:  # only then, so results from CSV files keep their checksums
            d["sheet"] = self.sheet
        return d

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> SourceRef:
        return cls(
            dataset=str(d["dataset"]),
            label=str(d["label"]),
            edition=str(d.get("edition") or ""),
            year=_opt_int(d.get("year")),
            release_id=_opt_int(d.get("release_id")),
            line=_opt_int(d.get("line")),
            url=str(d.get("url") or ""),
            sheet=str(d.get("sheet") or ""),
        )


def _opt_int(v: object) -> int | None:
    if v is None or v == "":
        return None
    return int(v)  # type: ignore[call-overload]


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class ObsValue:
    """Open Budget Survey statuses of one country in one survey round."""

    year: int
    statuses: dict[str, str]  # document code -> status code
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ResearchValue:
    """A research-based finding (access to information, asset disclosure)."""

    provision: str  # one of PROVISIONS
    public_access: bool
    name: str
    adopted_on: str  # ISO date or year, as recorded
    url: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class LawFinding:
    """What a published source says about a research criterion in one country: the RTI
    Rating's law and the year it was first passed, or the Global Data Barometer's answers on
    asset declarations (a snapshot of its research period)."""

    dataset: str  # "rti" | "gdb"
    provision: str  # "law" | "draft" | "none"
    law_year: int | None = None  # RTI: the year the law was first passed
    publication: str = ""  # GDB: the law requires publication: "yes" | "partial" | "no"
    period: tuple[int, int] | None = None  # GDB: the years its research covers
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    value: float
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Override:
    """Accepted additional information: replaces a criterion's points in one cycle."""

    points: int
    reason: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class CountryInputs:
    iso3: str
    is_member: bool
    obs: ObsValue | None = None
    research: dict[str, ResearchValue] = field(default_factory=dict)  # criterion -> value
    indicators: dict[str, IndicatorValue] = field(default_factory=dict)  # "eiu.civlib_eiu" -> v
    overrides: dict[str, Override] = field(default_factory=dict)  # criterion -> override
    findings: dict[str, LawFinding] = field(default_factory=dict)  # criterion -> source finding
    datasets: frozenset[str] = frozenset()  # datasets among the cycle's releases
    data_year: int | None = None  # the cycle's data year (cycle year - data lag)


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class CriterionResult:
    code: str
    points: int | None  # None: not assessed (no data)
    max_points: int
    raw: str  # the source value(s) as text, e.g. "ebp=PW; ar=IU" or "7.35"
    source: SourceRef | None
    overridden: bool = False
    override_reason: str = ""
    missing: str = ""  # not assessed: a Missing value
    replaces: str = ""  # a research entry used instead of this published source ("rti"...)

    @property
    def assessed(self) -> bool:
        return self.points is not None

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "code": self.code,
            "points": self.points,
            "max_points": self.max_points,
            "raw": self.raw,
            "source": self.source.to_dict() if self.source else None,
            "overridden": self.overridden,
            "override_reason": self.override_reason,
        }
        # only when set, so results of cycles without them keep their checksums
        if self.missing:
            d["missing"] = self.missing
        if self.replaces:
            d["replaces"] = self.replaces
        return d

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> CriterionResult:
        src = d.get("source")
        return cls(
            code=str(d["code"]),
            points=_opt_int(d.get("points")),
            max_points=int(d["max_points"]),  # type: ignore[call-overload]
            raw=str(d.get("raw") or ""),
            source=SourceRef.from_dict(src) if isinstance(src, dict) else None,
            overridden=bool(d.get("overridden")),
            override_reason=str(d.get("override_reason") or ""),
            missing=str(d.get("missing") or ""),
            replaces=str(d.get("replaces") or ""),
        )


@dataclass(frozen=True, slots=True)
class ValuesCheckResult:
    """Result of the Values Check. passed is None when it cannot be assessed."""

    passed: bool | None
    reason: str  # "pass", "fail", "no_data", "no_threshold"
    scale: str = ""
    threshold: float | None = None
    values: tuple[tuple[str, float], ...] = ()
    sources: tuple[SourceRef, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "reason": self.reason,
            "scale": self.scale,
            "threshold": self.threshold,
            "values": [list(v) for v in self.values],
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> ValuesCheckResult:
        thr = d.get("threshold")
        values = cast(list[list[Any]], d.get("values") or [])
        sources = cast(list[dict[str, object]], d.get("sources") or [])
        return cls(
            passed=d.get("passed"),  # type: ignore[arg-type]
            reason=str(d["reason"]),
            scale=str(d.get("scale") or ""),
            threshold=float(thr) if thr is not None else None,  # type: ignore[arg-type]
            values=tuple((str(k), float(v)) for k, v in values),
            sources=tuple(SourceRef.from_dict(s) for s in sources),
        )


@dataclass(frozen=True, slots=True)
class CountryResult:
    iso3: str
    is_member: bool
    criteria: tuple[CriterionResult, ...]
    total: int
    maximum: int
    assessed: int
    status: str  # Status value
    values_check: ValuesCheckResult | None  # None: not applicable (members, or no check)
    eligibility_review: bool = False
    at_risk: bool = False

    @property
    def share(self) -> float:
        return self.total / self.maximum if self.maximum else 0.0

    @property
    def below_minimum(self) -> bool:
        return self.status == Status.NOT_ELIGIBLE

    def criterion(self, code: str) -> CriterionResult | None:
        for c in self.criteria:
            if c.code == code:
                return c
        return None

    def to_dict(self) -> dict[str, object]:
        return {
            "iso3": self.iso3,
            "is_member": self.is_member,
            "criteria": [c.to_dict() for c in self.criteria],
            "total": self.total,
            "maximum": self.maximum,
            "assessed": self.assessed,
            "status": self.status,
            "values_check": self.values_check.to_dict() if self.values_check else None,
            "eligibility_review": self.eligibility_review,
            "at_risk": self.at_risk,
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> CountryResult:
        vc = d.get("values_check")
        return cls(
            iso3=str(d["iso3"]),
            is_member=bool(d["is_member"]),
            criteria=tuple(CriterionResult.from_dict(c) for c in d["criteria"]),  # type: ignore[attr-defined]
            total=int(d["total"]),  # type: ignore[call-overload]
            maximum=int(d["maximum"]),  # type: ignore[call-overload]
            assessed=int(d["assessed"]),  # type: ignore[call-overload]
            status=str(d["status"]),
            values_check=ValuesCheckResult.from_dict(vc) if isinstance(vc, dict) else None,
            eligibility_review=bool(d.get("eligibility_review")),
            at_risk=bool(d.get("at_risk")),
        )
