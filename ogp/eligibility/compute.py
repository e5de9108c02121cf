"""Fetch a cycle's inputs from the database and score every country (fetch, then compute)."""

from __future__ import annotations

import bisect
import datetime
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ogp.countries.models import MEMBER_STATUSES, Country, MembershipStatusChange

from .domain import model as m
from .domain.research import EntryStub, entries_in_force
from .domain.rulesets import RuleSet
from .domain.scoring import apply_review, score_country
from .models import (
    LAW_SOURCE_KINDS,
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
    "rti": "Global Right to Information Rating",
    "gdb": "Global Data Barometer",
}


def membership_at(countries: list[Country], when: datetime.date) -> dict[int, bool]:
    """Whether each country was an OGP member on ``when`` (see ``status_at``)."""
    return {pk: status in MEMBER_STATUSES for pk, status in status_at(countries, when).items()}


def status_at(countries: list[Country], when: datetime.date) -> dict[int, str]:
    return _statuses_at([(c.pk, c.membership_status) for c in countries], when)


def _statuses_at(countries: list[tuple[int, str]], when: datetime.date) -> dict[int, str]:
    """Each country's OGP status on ``when``, from the recorded status history (staff record
    past membership with dates and a source). Before the first recorded change: the status
    that change started from. Without any recorded change, the current status is used.
    """
    changes: dict[int, list[tuple[str, datetime.date, str]]] = defaultdict(list)
    # the whole history table is small (a few changes per country): no IN list of 193 ids
    for cid, from_status, when_changed, to_status in MembershipStatusChange.objects.order_by(
        "effective_date", "id"
    ).values_list("country_id", "from_status", "effective_date", "to_status"):
        changes[cid].append((from_status, when_changed, to_status))
    out: dict[int, str] = {}
    for pk, current in countries:
        hist = changes.get(pk)
        if not hist:
            out[pk] = current
            continue
        status = hist[0][0]
        for _from, effective, to_status in hist:
            if effective <= when:
                status = to_status
        out[pk] = status
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
    """The research entries in force for cycle ``year`` (``domain.research.entries_in_force``:
    a correction applies from its own assessment year, earlier cycles keep the entry)."""
    stubs = [
        EntryStub(pk, country, criterion, y, corrects)
        for pk, country, criterion, y, corrects in ResearchEntry.objects.filter(
            year__lte=year
        ).values_list("pk", "country_id", "criterion", "year", "corrects_id")
    ]
    ids = entries_in_force(stubs, year)
    return list(ResearchEntry.objects.filter(pk__in=ids).select_related("release").order_by("pk"))


@dataclass
class CycleInputs:
    countries: list[CountrySnapshot]
    inputs: list[m.CountryInputs]
    previous: dict[str, list[m.CountryResult | None]]  # iso3 -> previous published, newest 1st


# A release's observations never change once imported (a release is deleted, never edited),
# so each process reads a release once and answers every cycle from memory: scoring the 14
# cycles reads the V-Dem series once instead of 14 times.
_RELEASE_ROWS: dict[
    tuple[int, str, str], dict[int, dict[str, tuple[tuple[int, ...], tuple[tuple, ...]]]]
] = {}
_RELEASE_ROWS_MAX = 32
# observation row (which holds its release id) -> its SourceRef, shared by every cycle
_SOURCE_REFS: dict[tuple, m.SourceRef] = {}


def _release_rows(
    release: DatasetRelease,
) -> dict[int, dict[str, tuple[tuple[int, ...], tuple[tuple, ...]]]]:
    """country id -> indicator -> (years, observation rows), sorted by year (cached per
    release)."""
    key = (release.pk, release.checksum, str(release.imported_at))
    found = _RELEASE_ROWS.get(key)
    if found is not None:
        return found
    index: dict[int, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    rows = Observation.objects.filter(release=release).values_list(
        "country_id", "indicator", "year", "value", "text", "line", "release_id"
    )
    for row in rows:
        index[row[0]][row[1]].append(row)
    # tuples, not lists: kept for the whole process, and tuples of plain values are left out of
    # the garbage collector's work after its first look
    out: dict[int, dict[str, tuple[tuple[int, ...], tuple[tuple, ...]]]] = {}
    for cid, per in index.items():
        out[cid] = {}
        for ind, found_rows in per.items():
            found_rows.sort(key=lambda r: r[2])
            out[cid][ind] = (tuple(r[2] for r in found_rows), tuple(found_rows))
    if len(_RELEASE_ROWS) >= _RELEASE_ROWS_MAX:
        _RELEASE_ROWS.clear()
        _SOURCE_REFS.clear()
    _RELEASE_ROWS[key] = out
    return out


def _obs_index(releases: list[DatasetRelease], max_year: int) -> dict[int, dict[str, tuple]]:
    """country id -> indicator -> the latest observation row with year <= max_year."""
    latest: dict[int, dict[str, tuple]] = defaultdict(dict)
    for release in releases:
        for cid, per in _release_rows(release).items():
            out = latest[cid]
            for ind, (years, found_rows) in per.items():
                i = bisect.bisect_right(years, max_year)
                if i == 0:
                    continue
                best = found_rows[i - 1]
                cur = out.get(ind)
                if cur is None or best[2] > cur[2]:
                    out[ind] = best
    return latest


def _law_findings(
    releases: list[DatasetRelease], src: object
) -> dict[int, dict[str, m.LawFinding]]:
    """country id -> criterion -> what the RTI Rating / Global Data Barometer say (any year:
    the rule set decides which cycles a finding applies to)."""
    out: dict[int, dict[str, m.LawFinding]] = defaultdict(dict)
    for release in releases:
        if release.kind not in LAW_SOURCE_KINDS:
            continue
        for cid, per in _release_rows(release).items():
            if release.kind == "rti":
                row = per["rti.law"][1][-1]
                out[cid][m.Criterion.ACCESS_TO_INFORMATION] = m.LawFinding(
                    dataset="rti",
                    provision="law" if row[4] == "law" else "none",
                    law_year=row[2] if row[4] == "law" else None,
                    source=src(row),  # type: ignore[operator]
                )
            else:
                exist = per["gdb.iad_exist"][1][-1]
                publication = (
                    per["gdb.iad_publication"][1][-1] if "gdb.iad_publication" in per else exist
                )
                period = (release.year_min or exist[2], release.year_max or exist[2])
                out[cid][m.Criterion.ASSET_DISCLOSURE] = m.LawFinding(
                    dataset="gdb",
                    provision=exist[4],
                    publication=publication[4] if publication is not exist else "",
                    period=period,
                    source=src(exist),  # type: ignore[operator]
                )
    return out


@dataclass(frozen=True)
class CountrySnapshot:
    """A country as a cycle used it: what a published cycle stores and recomputes from."""

    pk: int
    iso3: str
    name_en: str
    name_fr: str
    name_es: str
    un_member: bool
    status: str  # OGP status on the review date

    @property
    def is_member(self) -> bool:
        return self.status in MEMBER_STATUSES


def country_snapshots(cycle: Cycle) -> list[CountrySnapshot]:
    """The countries a cycle scores. A published (or computed) cycle: the ones recorded with
    its results (names, UN membership and status as they were then), so an edit of a
    country's history, UN flag or name never changes it. Otherwise every UN member state now,
    with its status on the review date."""
    if cycle.state == CycleState.PUBLISHED:
        recorded = list(
            CountryResult.objects.filter(cycle=cycle)
            .exclude(membership_status="")
            .values_list(
                "country_id",
                "country__iso3",
                "name_en",
                "name_fr",
                "name_es",
                "un_member",
                "membership_status",
            )
        )
        if recorded:
            return sorted((CountrySnapshot(*row) for row in recorded), key=lambda c: c.iso3)
    rows = list(
        Country.objects.filter(un_member=True)
        .order_by("iso3")
        .values_list("pk", "iso3", "name_en", "name_fr", "name_es", "membership_status")
    )
    statuses = _statuses_at([(r[0], r[5]) for r in rows], cycle.review_date)
    return [
        CountrySnapshot(pk, iso3, en, fr, es, True, statuses[pk])
        for pk, iso3, en, fr, es, _current in rows
    ]


def gather(
    cycle: Cycle, ruleset: RuleSet, *, research: list[ResearchEntry] | None = None
) -> CycleInputs:
    countries = country_snapshots(cycle)
    members = {c.pk: c.is_member for c in countries}
    releases = [r for r in cycle.releases.all() if r.kind in SCORING_KINDS]
    by_id = {r.pk: r for r in releases}
    datasets = frozenset(str(r.kind) for r in releases)
    data_year = cycle.year - ruleset.data_lag_years
    latest = _obs_index([r for r in releases if r.kind not in LAW_SOURCE_KINDS], data_year)
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
        found = _SOURCE_REFS.get(row)
        if found is not None:
            return found
        rel = by_id[row[6]]
        ref = _SOURCE_REFS[row] = m.SourceRef(
            dataset=rel.kind,
            label=DATASET_NAMES.get(rel.kind, rel.kind),
            edition=rel.edition,
            year=row[2],
            release_id=rel.pk,
            line=row[5],
            url=rel.source_url,
            sheet=str((rel.extra or {}).get("sheets", {}).get(str(row[2]), "")),
        )
        return ref

    findings = _law_findings(releases, src)
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
                findings=findings.get(c.pk, {}),
                datasets=datasets,
                data_year=data_year,
            )
        )
    previous = previous_published(cycle, ruleset)
    return CycleInputs(countries, inputs, previous)


# A cycle's stored results by (cycle id, checksum), decoded on first use. The checksum is the
# hash of the results themselves, so an entry can never describe other rows than those stored
# under it: publishing the 14 cycles in a row reads and decodes each one at most once (the
# cycle published just before is the next one's Eligibility Review history).
_RESULTS: dict[tuple[int, str], dict[int, m.CountryResult | dict]] = {}
# the same cycles' rows as canonical JSON (what the checksum hashes), when known: publication
# hashes the rows whose flags it leaves alone without encoding them again
_CANONICAL: dict[tuple[int, str], dict[int, str]] = {}
_RESULTS_MAX = 32


def remember_results(
    cycle_id: int,
    checksum_: str,
    by_country: dict[int, m.CountryResult | dict],
    canonical: dict[int, str] | None = None,
) -> None:
    """Keep a cycle's results as just stored (country id -> result, or its ``to_dict()``), and
    their canonical JSON (``canonical_json``) if known."""
    if len(_RESULTS) >= _RESULTS_MAX:
        _RESULTS.clear()
        _CANONICAL.clear()
    _RESULTS[(cycle_id, checksum_)] = by_country
    if canonical is not None:
        _CANONICAL[(cycle_id, checksum_)] = canonical
    else:
        _CANONICAL.pop((cycle_id, checksum_), None)


def remembered_results(cycle_id: int, checksum_: str) -> dict[int, m.CountryResult] | None:
    """The results remembered for this cycle and checksum (decoded now if need be), or None."""
    found = _RESULTS.get((cycle_id, checksum_))
    if found is None:
        return None
    for cid, res in found.items():
        if isinstance(res, dict):
            found[cid] = m.CountryResult.from_dict(res)
    return found  # type: ignore[return-value]


def remembered_canonical(cycle_id: int, checksum_: str) -> dict[int, str]:
    """Country id -> canonical JSON of the remembered results (empty when not known)."""
    return _CANONICAL.get((cycle_id, checksum_), {})


def stored_results(cycle: Cycle) -> dict[int, m.CountryResult]:
    """Country id -> the cycle's stored result, decoded (remembered under its checksum)."""
    found = remembered_results(cycle.pk, cycle.checksum) if cycle.checksum else None
    if found is not None:
        return found
    out: dict[int, m.CountryResult | dict] = {
        cid: m.CountryResult.from_dict(data)
        for cid, data in CountryResult.objects.filter(cycle=cycle).values_list("country_id", "data")
    }
    if cycle.checksum:
        remember_results(cycle.pk, cycle.checksum, out)
    return out  # type: ignore[return-value]


def previous_published(cycle: Cycle, ruleset: RuleSet) -> dict[str, list[m.CountryResult | None]]:
    """Per country, its results in the n-1 *annual* cycles before this one, newest first: the
    published cycle of year Y-1, then Y-2... A year without a published cycle is None, which
    ends the series (a gap is not consecutive)."""
    n = ruleset.eligibility_review_cycles
    if not n or n <= 1:
        return {}
    years = [cycle.year - i for i in range(1, n)]
    published = {
        c.year: c
        for c in Cycle.objects.filter(state=CycleState.PUBLISHED, year__in=years).only(
            "year", "checksum"
        )
    }
    if not published:
        return {}
    iso3s = dict(Country.objects.values_list("pk", "iso3"))
    out: dict[str, list[m.CountryResult | None]] = defaultdict(lambda: [None] * len(years))
    for i, year in enumerate(years):
        pc = published.get(year)
        if pc is None:
            continue
        for cid, res in stored_results(pc).items():
            out[iso3s[cid]][i] = res
    return dict(out)


def score_all(ci: CycleInputs, ruleset: RuleSet) -> list[m.CountryResult]:
    results = []
    for inp in ci.inputs:
        res = score_country(inp, ruleset)
        res = apply_review(res, ci.previous.get(inp.iso3, []), ruleset)
        results.append(res)
    return results


def canonical_json(result: dict) -> str:
    """One result's canonical JSON (keys sorted, no spaces, ASCII): what ``checksum`` hashes."""
    return json.dumps(result, sort_keys=True, separators=(",", ":"))


def checksum_of(rows: Iterable[tuple[str, str]]) -> str:
    """``checksum`` from each result's (ISO3, ``canonical_json``): the bytes hashed are the
    same, the JSON array of the rows sorted by ISO3, so each row is encoded once."""
    ordered = sorted(rows, key=lambda row: row[0])
    payload = "[" + ",".join(text for _iso3, text in ordered) + "]"
    return hashlib.sha256(payload.encode()).hexdigest()


def checksum(results: list[m.CountryResult], dicts: list[dict] | None = None) -> str:
    """SHA-256 of the results' canonical JSON (``dicts``: their ``to_dict()``, when already
    made for storing): ``json.dumps(sorted by ISO3, sort_keys=True, separators=(",", ":"))``.
    Published cycles keep it: never change these bytes."""
    if dicts is None:
        dicts = [r.to_dict() for r in results]
    return checksum_of((str(d["iso3"]), canonical_json(d)) for d in dicts)
