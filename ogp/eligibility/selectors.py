"""Reads. Published cycles never change, so their tables are cached by cycle id."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404

from ogp.countries.models import Country

from . import compute
from .domain import model as m
from .domain.diff import CountryChange, diff_results
from .domain.pathway import Pathway, pathway
from .domain.scoring import stale_criteria
from .domain.summary import CriterionSummary, EligibilitySummary
from .labels import CRITERION_LABELS, pathway_sentences, source_label
from .models import (
    CountryResult,
    Cycle,
    CycleState,
    DatasetRelease,
    EvidenceState,
    EvidenceSubmission,
    ResearchEntry,
    RuleSetVersion,
)

CACHE_SECONDS = 60 * 60 * 24 * 30


def cycle_list(*, published_only: bool = True) -> QuerySet[Cycle]:
    qs = Cycle.objects.select_related("ruleset").order_by("-year")
    return qs.filter(state=CycleState.PUBLISHED) if published_only else qs


def cycle_get(year: int, *, published_only: bool = True) -> Cycle:
    try:
        return cycle_list(published_only=published_only).get(year=year)
    except Cycle.DoesNotExist:
        raise Http404 from None


def cycle_latest_published() -> Cycle | None:
    return cycle_list().first()


def _row(r: CountryResult, stale: tuple[str, ...] = ()) -> dict[str, Any]:
    c = r.country
    points = {crit["code"]: crit["points"] for crit in r.data["criteria"]}
    details = {
        crit["code"]: {
            "points": crit["points"],
            "max_points": crit["max_points"],
            "raw": crit["raw"],
            "overridden": crit["overridden"],
            "dataset": (crit["source"] or {}).get("dataset", ""),
            "edition": (crit["source"] or {}).get("edition", ""),
            "year": (crit["source"] or {}).get("year"),
            "line": (crit["source"] or {}).get("line"),
            "sheet": (crit["source"] or {}).get("sheet", ""),
        }
        for crit in r.data["criteria"]
    }
    return {
        "iso3": c.iso3,
        "iso2": c.iso2,
        # the names recorded with the result: a published sheet never shows live edits
        "name_en": r.name_en or c.name_en,
        "name_fr": r.name_fr or c.name_fr,
        "name_es": r.name_es or c.name_es,
        "region": c.region,
        "status": r.status,
        "total": r.total,
        "maximum": r.maximum,
        # no percentage without a result: "not enough data" is not a low score
        "share": round(r.total / r.maximum, 4)
        if r.maximum and r.status != m.Status.NOT_ENOUGH_DATA
        else None,
        "is_member": r.is_member,
        "values_check": r.values_check,
        "eligibility_review": r.eligibility_review,
        "at_risk": r.at_risk,
        "points": points,
        "details": details,
        "stale": list(stale),
    }


def scoresheet_rows(cycle: Cycle) -> list[dict[str, Any]]:
    """Every country's row in a cycle (one query; cached for published cycles)."""
    key = f"eligibility:sheet:{cycle.pk}:{cycle.checksum}"
    if cycle.is_published:
        rows = cache.get(key)
        if rows is not None:
            return rows
    rules = cycle.ruleset.rules
    rows = []
    for r in CountryResult.objects.filter(cycle=cycle).select_related("country"):
        stale = stale_criteria(m.CountryResult.from_dict(r.data), cycle.year, rules)
        rows.append(_row(r, stale))
    if cycle.is_published:
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def country_results(country: Country, *, published_only: bool = True) -> list[CountryResult]:
    """The country's results in every cycle, oldest first (one query; the per-criterion data and
    the rule set definition are left out: load them with ``country_result_full``)."""
    qs = (
        CountryResult.objects.filter(country=country)
        .select_related("cycle", "cycle__ruleset")
        .defer("data", "cycle__ruleset__definition")
    )
    if published_only:
        qs = qs.filter(cycle__state=CycleState.PUBLISHED)
    return list(qs.order_by("cycle__year"))


def country_result_full(pk: int) -> CountryResult:
    return CountryResult.objects.select_related("cycle", "cycle__ruleset").get(pk=pk)


def releases_by_id(ids: set[int]) -> dict[int, DatasetRelease]:
    """The releases a result cites (file name, edition, checksum shown to the public)."""
    return {r.pk: r for r in DatasetRelease.objects.filter(pk__in=ids).defer("extra")}


def result_pathway(result: CountryResult) -> Pathway:
    return pathway(m.CountryResult.from_dict(result.data), result.cycle.ruleset.rules)


def country_eligibility_summary(country: Country) -> EligibilitySummary | None:
    """The country's result in the latest published cycle, or None (see docs/eligibility.md)."""
    result = (
        CountryResult.objects.filter(country=country, cycle__state=CycleState.PUBLISHED)
        .select_related("cycle", "cycle__ruleset")
        .order_by("-cycle__year")
        .first()
    )
    if result is None:
        return None
    return _summary(result.cycle, m.CountryResult.from_dict(result.data))


def cycle_summaries(cycle: Cycle) -> dict[int, EligibilitySummary]:
    """Every country's summary in `cycle`, by country id (at most one query: the results the
    publication has just decoded are reused)."""
    return {cid: _summary(cycle, res) for cid, res in compute.stored_results(cycle).items()}


def _summary(cycle: Cycle, res: m.CountryResult) -> EligibilitySummary:
    criteria = tuple(
        CriterionSummary(
            code=c.code,
            label=str(CRITERION_LABELS.get(c.code, c.code)),
            points=c.points,
            max_points=c.max_points,
            source=source_label(c.source),
        )
        for c in res.criteria
    )
    return EligibilitySummary(
        cycle_year=cycle.year,
        status=res.status,
        total=res.total,
        maximum=res.maximum,
        values_check=res.values_check.passed if res.values_check else None,
        eligibility_review=res.eligibility_review,
        at_risk=res.at_risk,
        criteria=criteria,
        pathway=pathway_sentences(pathway(res, cycle.ruleset.rules)),
    )


def cycle_previous_published(cycle: Cycle) -> Cycle | None:
    return (
        Cycle.objects.filter(state=CycleState.PUBLISHED, year__lt=cycle.year)
        .order_by("-year")
        .first()
    )


def cycle_changes(cycle: Cycle) -> tuple[Cycle | None, tuple[CountryChange, ...]]:
    """What changed since the last published cycle before this one, and why."""
    prev = cycle_previous_published(cycle)

    def load(c: Cycle | None) -> dict[str, m.CountryResult]:
        if c is None:
            return {}
        return {
            iso3: m.CountryResult.from_dict(d)
            for iso3, d in CountryResult.objects.filter(cycle=c).values_list(
                "country__iso3", "data"
            )
        }

    return prev, diff_results(load(prev), load(cycle))


def release_list() -> QuerySet[DatasetRelease]:
    return DatasetRelease.objects.select_related("imported_by").order_by("kind", "-published_on")


def ruleset_list() -> QuerySet[RuleSetVersion]:
    return RuleSetVersion.objects.order_by("valid_from", "code", "version")


def evidence_pending() -> QuerySet[EvidenceSubmission]:
    return EvidenceSubmission.objects.filter(state=EvidenceState.SUBMITTED).select_related(
        "cycle", "country", "submitted_by"
    )


def evidence_for_user(user: Any) -> QuerySet[EvidenceSubmission]:
    return (
        EvidenceSubmission.objects.filter(submitted_by=user)
        .select_related("cycle", "country")
        .order_by("-submitted_at")
    )


def research_list() -> QuerySet[ResearchEntry]:
    return ResearchEntry.objects.select_related("country", "release", "entered_by")
