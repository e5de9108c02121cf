"""Score one country against one rule set. Pure and deterministic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from .model import (
    CountryInputs,
    CountryResult,
    CriterionResult,
    Dataset,
    IndicatorValue,
    LawFinding,
    Method,
    Missing,
    SourceRef,
    Status,
    ValuesCheckResult,
)
from .rulesets import CriterionRule, RuleSet, SourceRule, ValuesCheckRule

T = TypeVar("T")


def _fmt(value: float) -> str:
    return f"{value:g}"


def band_points(rule: CriterionRule, value: float) -> int:
    """Points for a numeric value under an indicator_bands rule."""
    for band in rule.bands:  # highest points first
        if value > band.above or (rule.inclusive and value == band.above):
            return band.points
    return 0


def research_points(rule: CriterionRule, provision: str, public_access: bool) -> int:
    pts = rule.provision_points.get(provision, 0)
    if provision == "law" and public_access:
        pts += rule.public_access_points
    return pts


def _score_criterion(rule: CriterionRule, inputs: CountryInputs) -> CriterionResult:
    override = inputs.overrides.get(rule.code)
    if override is not None:
        return CriterionResult(
            code=rule.code,
            points=max(0, min(override.points, rule.max_points)),
            max_points=rule.max_points,
            raw=str(override.points),
            source=override.source,
            overridden=True,
            override_reason=override.reason,
        )
    if rule.method == Method.OBS_DOCUMENTS:
        obs = inputs.obs
        if obs is None:
            return _missing(rule, inputs, Dataset.OBS)
        doc_statuses = [obs.statuses.get(doc) for doc in rule.documents]
        statuses = [s for s in doc_statuses if s is not None]
        if len(statuses) != len(doc_statuses):
            return CriterionResult(
                rule.code, None, rule.max_points, "", obs.source, missing=Missing.NOT_COVERED
            )
        pts = sum(rule.status_points[s] for s in statuses)
        raw = "; ".join(f"{doc}={s}" for doc, s in zip(rule.documents, statuses, strict=True))
        return CriterionResult(rule.code, pts, rule.max_points, raw, obs.source)
    if rule.method == Method.RESEARCH:
        return _score_research(rule, inputs)
    value = inputs.indicators.get(rule.indicator)
    if value is None:
        return _missing(rule, inputs, rule.indicator.partition(".")[0])
    return CriterionResult(
        rule.code, band_points(rule, value.value), rule.max_points, _fmt(value.value), value.source
    )


def _missing(rule: CriterionRule, inputs: CountryInputs, dataset: str) -> CriterionResult:
    """Not assessed: the dataset is not in the cycle, or it has nothing for this country."""
    why = Missing.NOT_COVERED if dataset in inputs.datasets else Missing.NOT_IMPORTED
    return CriterionResult(rule.code, None, rule.max_points, "", None, missing=why)


def finding_provision(
    rule: SourceRule, finding: LawFinding, data_year: int | None
) -> tuple[str, bool] | None:
    """(provision, public access) that a published source gives for ``data_year``, or None
    when it says nothing for that year (only research can: before the law, no law in the RTI
    Rating, a year the rule set does not apply the snapshot to)."""
    if data_year is None:
        return None
    if rule.applies_from is not None and data_year < rule.applies_from:
        return None
    if rule.dataset == Dataset.RTI:
        # a law scores from its year on; without one (or before it) the rating says nothing
        # about a constitutional guarantee or a draft law
        if finding.provision != "law" or finding.law_year is None or data_year < finding.law_year:
            return None
        return "law", False
    if rule.applies_from is None and finding.period is not None and data_year < finding.period[0]:
        return None
    public = finding.publication == "yes" or (
        finding.publication == "partial" and rule.partial_publication
    )
    return finding.provision, finding.provision == "law" and public


def _score_research(rule: CriterionRule, inputs: CountryInputs) -> CriterionResult:
    found = inputs.research.get(rule.code)
    finding = inputs.findings.get(rule.code) if rule.source is not None else None
    if found is not None:
        pts = research_points(rule, found.provision, found.public_access)
        raw = found.provision + ("; public_access" if found.public_access else "")
        return CriterionResult(
            rule.code,
            pts,
            rule.max_points,
            raw,
            found.source,
            replaces=finding.dataset if finding is not None else "",
        )
    if rule.source is None:
        return CriterionResult(
            rule.code, None, rule.max_points, "", None, missing=Missing.NO_RESEARCH
        )
    if finding is None:
        return _missing(rule, inputs, rule.source.dataset)
    given = finding_provision(rule.source, finding, inputs.data_year)
    if given is None:
        # RTI: no law (then) -- only research can find a guarantee or a draft; GDB: a year
        # before the snapshot applies
        why = Missing.NO_RESEARCH if rule.source.dataset == Dataset.RTI else Missing.NOT_COVERED
        return CriterionResult(rule.code, None, rule.max_points, "", finding.source, missing=why)
    provision, public = given
    pts = research_points(rule, provision, public)
    raw = provision + ("; public_access" if public else "")
    return CriterionResult(rule.code, pts, rule.max_points, raw, finding.source)


def stale_criteria(result: CountryResult, cycle_year: int, ruleset: RuleSet) -> tuple[str, ...]:
    """Codes of the criteria whose source data are older than the rule set's threshold:
    the source's data year is more than ``stale_after_years`` before the cycle's data year.
    A law's year is when it was passed, not a data year: RTI points are never stale."""
    limit = ruleset.stale_after_years
    if limit is None:
        return ()
    data_year = cycle_year - ruleset.data_lag_years
    out = []
    for c in result.criteria:
        src = c.source
        if c.points is None or src is None or src.year is None:
            continue
        if src.dataset in (Dataset.RTI, Dataset.EVIDENCE, Dataset.RESEARCH):
            continue
        if data_year - src.year > limit:
            out.append(c.code)
    return tuple(out)


def values_check(rule: ValuesCheckRule, indicators: dict[str, IndicatorValue]) -> ValuesCheckResult:
    """Run the Values Check on the first V-Dem scale (in preference order) with every indicator."""
    for scale in rule.scale_preference:
        suffix = "" if scale == "model" else f"_{scale}"
        found = [indicators.get(f"{Dataset.VDEM}.{name}{suffix}") for name in rule.indicators]
        if any(v is None for v in found):
            continue
        vals = tuple((name, v.value) for name, v in zip(rule.indicators, found, strict=True) if v)
        sources = tuple(v.source for v in found if v)
        threshold = rule.thresholds.get(scale)
        if threshold is None:
            return ValuesCheckResult(None, "no_threshold", scale, None, vals, sources)
        ok = [v >= threshold for _, v in vals]
        passed = all(ok) if rule.combine == "all" else any(ok)
        return ValuesCheckResult(
            passed, "pass" if passed else "fail", scale, threshold, vals, sources
        )
    return ValuesCheckResult(None, "no_data")


def score_country(inputs: CountryInputs, ruleset: RuleSet) -> CountryResult:
    criteria = tuple(_score_criterion(rule, inputs) for rule in ruleset.criteria)
    assessed = [c for c in criteria if c.points is not None]
    total = sum(c.points for c in assessed)  # type: ignore[misc]
    maximum = sum(c.max_points for c in assessed)
    if len(assessed) < ruleset.min_criteria:
        status = Status.NOT_ENOUGH_DATA
    elif ruleset.passes(total, maximum):
        status = Status.ELIGIBLE
    else:
        status = Status.NOT_ELIGIBLE
    vc = None
    if ruleset.values_check is not None and not inputs.is_member:
        vc = values_check(ruleset.values_check, inputs.indicators)
    return CountryResult(
        iso3=inputs.iso3,
        is_member=inputs.is_member,
        criteria=criteria,
        total=total,
        maximum=maximum,
        assessed=len(assessed),
        status=status.value,
        values_check=vc,
    )


def can_join(result: CountryResult) -> bool:
    """Eligible to join: passes Core Eligibility and, when it applies, the Values Check."""
    if result.status != Status.ELIGIBLE:
        return False
    return result.values_check is None or result.values_check.passed is not False


def apply_review(
    result: CountryResult, previous: Sequence[CountryResult | None], ruleset: RuleSet
) -> CountryResult:
    """Set Eligibility Review / at-risk flags.

    ``previous`` holds this country's results in the preceding *published* cycles, newest first
    (None where the country was not scored). A member below the minimum in ``n`` consecutive
    published cycles (this one included) is under Eligibility Review; below in this one only,
    it is "at risk".
    """
    n = ruleset.eligibility_review_cycles
    if n is None or not result.is_member or not result.below_minimum:
        return replace(result, eligibility_review=False, at_risk=False)
    streak = 1
    for prev in previous:
        if prev is None or not prev.below_minimum:
            break
        streak += 1
        if streak >= n:
            break
    if streak >= n:
        return replace(result, eligibility_review=True, at_risk=False)
    return replace(result, eligibility_review=False, at_risk=True)


def latest_at_or_before(items: Iterable[tuple[int, T]], year: int) -> T | None:
    """The item with the greatest year <= ``year`` (items are (year, item) pairs)."""
    best_year = None
    best = None
    for y, item in items:
        if y <= year and (best_year is None or y > best_year):
            best_year, best = y, item
    return best


def override_source(label: str, submission_id: int, year: int) -> SourceRef:
    return SourceRef(
        dataset=Dataset.EVIDENCE.value, label=label, year=year, release_id=None, line=submission_id
    )
