"""Fetch a cycle's inputs from the database and score every country (fetch, then compute)."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

from ogp.countries.models import MEMBER_STATUSES, Country, MembershipStatusChange

from .domain import model as m
from .domain.rulesets import RuleSet
from .domain.scoring import apply_review, score_country
from .models import (
    SCORING_KINDS,
    CountryResult,
    Cycle,
    CycleState,
    DatasetRelease,
    EvidenceState,
    EvidenceSubmission,
    Observation,
    ResearchEntry,
)

DATASET_NAMES = {
    "obs": "Open Budget Survey",
    "eiu": "EIU Democracy Index",
    "vdem": "V-Dem",
    "research": "Research",
    "evidence": "Additional information",
}


def membership_at(countries: list[Country], when: datetime.date) -> dict[int, bool]:
    """Whether each country was an OGP member on ``when``, from the recorded status history.

    Without any recorded change, the current status is used.
    """
    changes: dict[int, list[MembershipStatusChange]] = defaultdict(list)
    for ch in MembershipStatusChange.objects.filter(country__in=[c.pk for c in countries]).order_by(
        "effective_date", "id"
    ):
        changes[ch.country_id].append(ch)
    out = {}
    for c in countries:
        hist = changes.get(c.pk)
        if not hist:
            out[c.pk] = c.membership_status in MEMBER_STATUSES
            continue
        status = hist[0].from_status
        for ch in hist:
            if ch.effective_date <= when:
                status = ch.to_status
        out[c.pk] = status in MEMBER_STATUSES
    return out


def default_releases(review_date: datetime.date) -> list[DatasetRelease]:
    """Per scoring dataset: the newest release published on or before the review date; when
    none is, the earliest release (a cycle reconstructed from a later compilation)."""
    chosen = []
    for kind in SCORING_KINDS:
        releases = list(DatasetRelease.objects.filter(kind=kind).order_by("published_on", "id"))
        before = [r for r in releases if r.published_on <= review_date]
        if before:
            chosen.append(before[-1])
        elif releases:
            chosen.append(releases[0])
    return chosen


def current_research_entries(year: int) -> list[ResearchEntry]:
    """The newest research entry per country and criterion assessed in or before ``year``,
    leaving out entries that a later entry corrects."""
    corrected = set(
        ResearchEntry.objects.filter(corrects__isnull=False).values_list("corrects_id", flat=True)
    )
    best: dict[tuple[int, str], ResearchEntry] = {}
    for e in (
        ResearchEntry.objects.filter(year__lte=year)
        .select_related("release")
        .order_by("year", "id")
    ):
        if e.pk in corrected:
            continue
        best[(e.country_id, e.criterion)] = e
    return list(best.values())


@dataclass
class CycleInputs:
    countries: list[Country]
    inputs: list[m.CountryInputs]
    previous: dict[str, list[m.CountryResult | None]]  # iso3 -> previous published, newest 1st


def _obs_index(releases: list[DatasetRelease], max_year: int) -> dict[int, dict[str, tuple]]:
    """country id -> indicator -> the latest observation row with year <= max_year."""
    latest: dict[int, dict[str, tuple]] = defaultdict(dict)
    rows = Observation.objects.filter(release__in=releases, year__lte=max_year).values_list(
        "country_id", "indicator", "year", "value", "text", "line", "release_id"
    )
    for row in rows:
        per = latest[row[0]]
        cur = per.get(row[1])
        if cur is None or row[2] > cur[2]:
            per[row[1]] = row
    return latest


def gather(
    cycle: Cycle, ruleset: RuleSet, *, research: list[ResearchEntry] | None = None
) -> CycleInputs:
    countries = list(Country.objects.filter(un_member=True).order_by("iso3"))
    members = membership_at(countries, cycle.review_date)
    releases = [r for r in cycle.releases.all() if r.kind in SCORING_KINDS]
    by_id = {r.pk: r for r in releases}
    data_year = cycle.year - ruleset.data_lag_years
    latest = _obs_index(releases, data_year)
    if research is None:
        research = list(cycle.research_entries.select_related("release"))
    research_by: dict[int, dict[str, m.ResearchValue]] = defaultdict(dict)
    for e in research:
        ref = m.SourceRef(
            dataset="research",
            label=DATASET_NAMES["research"],
            edition=e.release.edition if e.release else "",
            year=e.year,
            release_id=e.release_id,
            line=e.line,
            url=e.source_url,
        )
        research_by[e.country_id][e.criterion] = m.ResearchValue(
            e.provision, e.public_access, e.name, e.adopted_on, e.source_url, ref
        )
    overrides: dict[int, dict[str, m.Override]] = defaultdict(dict)
    for ev in EvidenceSubmission.objects.filter(cycle=cycle, state=EvidenceState.ACCEPTED).order_by(
        "decided_at", "id"
    ):
        overrides[ev.country_id][ev.criterion] = m.Override(
            ev.points or 0,
            ev.decision_reason,
            m.SourceRef(
                dataset="evidence",
                label=DATASET_NAMES["evidence"],
                edition=f"#{ev.pk}",
                year=cycle.year,
                line=ev.pk,
                url=ev.source_url,
            ),
        )

    def src(row: tuple) -> m.SourceRef:
        rel = by_id[row[6]]
        return m.SourceRef(
            dataset=rel.kind,
            label=DATASET_NAMES.get(rel.kind, rel.kind),
            edition=rel.edition,
            year=row[2],
            release_id=rel.pk,
            line=row[5],
            url=rel.source_url,
            sheet=str((rel.extra or {}).get("sheets", {}).get(str(row[2]), "")),
        )

    inputs = []
    for c in countries:
        obs = None
        per = latest.get(c.pk, {})
        ebp = per.get("obs.ebp")
        if ebp is not None:
            year = ebp[2]
            statuses = {}
            for doc in m.OBS_DOCUMENTS:
                row = per.get(f"obs.{doc}")
                if row is not None and row[2] == year:
                    statuses[doc] = row[4]
            obs = m.ObsValue(year, statuses, src(ebp))
        indicators = {}
        for ind, row in per.items():
            if not ind.startswith("obs.") and row[3] is not None:
                indicators[ind] = m.IndicatorValue(row[3], src(row))
        inputs.append(
            m.CountryInputs(
                iso3=c.iso3,
                is_member=members[c.pk],
                obs=obs,
                research=research_by.get(c.pk, {}),
                indicators=indicators,
                overrides=overrides.get(c.pk, {}),
            )
        )
    previous = previous_published(cycle, ruleset)
    return CycleInputs(countries, inputs, previous)


def previous_published(cycle: Cycle, ruleset: RuleSet) -> dict[str, list[m.CountryResult | None]]:
    n = ruleset.eligibility_review_cycles
    if not n or n <= 1:
        return {}
    prev_cycles = list(
        Cycle.objects.filter(state=CycleState.PUBLISHED, year__lt=cycle.year).order_by("-year")[
            : n - 1
        ]
    )
    out: dict[str, list[m.CountryResult | None]] = defaultdict(lambda: [None] * len(prev_cycles))
    for i, pc in enumerate(prev_cycles):
        for iso3, data in CountryResult.objects.filter(cycle=pc).values_list(
            "country__iso3", "data"
        ):
            out[iso3][i] = m.CountryResult.from_dict(data)
    return dict(out)


def score_all(ci: CycleInputs, ruleset: RuleSet) -> list[m.CountryResult]:
    results = []
    for inp in ci.inputs:
        res = score_country(inp, ruleset)
        res = apply_review(res, ci.previous.get(inp.iso3, []), ruleset)
        results.append(res)
    return results


def checksum(results: list[m.CountryResult]) -> str:
    payload = json.dumps(
        [r.to_dict() for r in sorted(results, key=lambda r: r.iso3)],
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()
