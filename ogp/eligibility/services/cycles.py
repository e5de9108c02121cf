"""Cycles: open, configure, compute, publish, and recompute-and-compare."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core import batch, hooks
from ogp.core.errors import ServiceError
from ogp.core.summaries import CyclePublished

from .. import compute, selectors
from ..domain.rulesets import ruleset_for_year
from ..models import (
    CountryResult,
    Cycle,
    CycleState,
    DatasetRelease,
    EvidenceState,
    RuleSetVersion,
)

# ---------------------------------------------------------------- cycles


def _editable(cycle: Cycle) -> None:
    if cycle.state == CycleState.PUBLISHED:
        raise ServiceError(_("This cycle is published and can no longer change."))


@transaction.atomic
def cycle_open(
    *,
    acting_user: Any,
    year: int,
    review_date: datetime.date | None = None,
    ruleset: RuleSetVersion | None = None,
    releases: list[DatasetRelease] | None = None,
) -> Cycle:
    if Cycle.objects.filter(year=year).exists():
        raise ServiceError(_("A cycle for %(year)s already exists.") % {"year": year})
    review_date = review_date or datetime.date(year, 6, 30)
    if ruleset is None:
        versions = list(RuleSetVersion.objects.all())
        found = ruleset_for_year(tuple(v.rules for v in versions), year)
        if found is None:
            raise ServiceError(_("No rule set applies to %(year)s.") % {"year": year})
        ruleset = next(v for v in versions if v.rules is found)
    elif not ruleset.rules.applies_to(year):
        raise ServiceError(
            _("Rule set %(ruleset)s does not apply to %(year)s.")
            % {"ruleset": ruleset, "year": year}
        )
    cycle = Cycle.objects.create(
        year=year,
        review_date=review_date,
        ruleset=ruleset,
        opened_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    chosen = releases if releases is not None else compute.default_releases(review_date)
    cycle.releases.set(chosen)
    audit_record(
        actor=acting_user,
        action=AuditAction.CYCLE_OPEN,
        target=cycle,
        after={
            "year": year,
            "review_date": review_date,
            "ruleset": str(ruleset),
            "releases": [r.pk for r in chosen],
        },
    )
    return cycle


@transaction.atomic
def cycle_configure(
    *, acting_user: Any, cycle: Cycle, ruleset: RuleSetVersion, releases: list[DatasetRelease]
) -> Cycle:
    _editable(cycle)
    if not ruleset.rules.applies_to(cycle.year):
        raise ServiceError(
            _("Rule set %(ruleset)s does not apply to %(year)s.")
            % {"ruleset": ruleset, "year": cycle.year}
        )
    kinds = [r.kind for r in releases]
    if len(set(kinds)) != len(kinds):
        raise ServiceError(_("Choose at most one release per dataset."))

    def configuration(row: Cycle) -> dict[str, Any]:  # the rule set by name, releases by id
        return {
            "ruleset": str(row.ruleset),
            "releases": sorted(row.releases.values_list("pk", flat=True)),
        }

    def apply(row: Cycle) -> None:
        _editable(row)  # as stored: a cycle published meanwhile stays as it is
        row.ruleset, row.state = ruleset, CycleState.DRAFT
        row.releases.set(releases)
        row.results.all().delete()

    return audited_update(
        acting_user=acting_user,
        instance=cycle,
        action=AuditAction.CYCLE_CONFIGURE,
        fields=["ruleset", "state"],
        apply=apply,
        state=configuration,
    )


def _insert_results(
    cycle: Cycle, by_iso3: dict[str, Any], results: list, dicts: list[dict]
) -> None:
    """One INSERT executed per row (193 per cycle, 14 cycles when seeding): model instances cost
    more than the insert. The JSON column goes through the field's own preparation, so every
    database gets the value it expects."""
    from django.db import connection

    meta = CountryResult._meta
    names = [
        "cycle", "country", "status", "total", "maximum", "is_member", "values_check",
        "eligibility_review", "at_risk", "data", "name_en", "name_fr", "name_es",
        "membership_status", "un_member",
    ]  # fmt: skip
    fields = [meta.get_field(n) for n in names]
    qn = connection.ops.quote_name
    columns = ", ".join(
        qn(str(getattr(f, "column", n))) for f, n in zip(fields, names, strict=True)
    )
    placeholders = ", ".join(["%s"] * len(names))
    # identifiers from the model's own metadata, quoted; values are parameters
    sql = f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    data_field = meta.get_field("data")
    rows = []
    for r, d in zip(results, dicts, strict=True):
        c = by_iso3[r.iso3]
        rows.append(
            (
                cycle.pk,
                c.pk,
                r.status,
                r.total,
                r.maximum,
                r.is_member,
                r.values_check.passed if r.values_check else None,
                r.eligibility_review,
                r.at_risk,
                data_field.get_db_prep_save(d, connection),  # type: ignore[union-attr]
                c.name_en,
                c.name_fr,
                c.name_es,
                c.status,
                c.un_member,
            )  # fmt: skip
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _store_results(cycle: Cycle, ci: compute.CycleInputs, results: list) -> list[dict]:
    """Replace the cycle's results; returns their ``to_dict()`` (for the checksum)."""
    cycle.results.all().delete()
    by_iso3 = {c.iso3: c for c in ci.countries}
    dicts = [r.to_dict() for r in results]
    _insert_results(cycle, by_iso3, results, dicts)
    return dicts


def _remember(cycle: Cycle, ci: compute.CycleInputs, results: list, canonical: list[str]) -> None:
    """Publication reads the results just stored again (Eligibility Review flags, the next
    cycle's history): keep them under the new checksum, with their canonical JSON. The results
    themselves, not their stored JSON decoded again: they are equal (``CountryResult.from_dict``
    of the JSON gives the same result, and its ``to_dict()`` the same JSON)."""
    by_iso3 = {c.iso3: c.pk for c in ci.countries}
    compute.remember_results(
        cycle.pk,
        cycle.checksum,
        {by_iso3[r.iso3]: r for r in results},
        canonical={by_iso3[r.iso3]: t for r, t in zip(results, canonical, strict=True)},
    )


@batch.gc_paused()  # every country's inputs and results at once: see gc_paused
@transaction.atomic
def cycle_compute(*, acting_user: Any, cycle: Cycle, keep_research: bool = False) -> Cycle:
    """Score every UN member state for the cycle (replaces previous results).

    Research entries are the newest ones at computation time, unless ``keep_research``: then the
    entries recorded at the last computation (publication uses this, so what staff reviewed is
    what is published).
    """
    Cycle.objects.select_for_update().filter(pk=cycle.pk).first()  # lock the row
    cycle.refresh_from_db()
    _editable(cycle)
    rules = cycle.ruleset.rules
    if keep_research:
        research = list(cycle.research_entries.select_related("release"))
    else:
        research = compute.current_research_entries(cycle.year)
        cycle.research_entries.set(research)
    ci = compute.gather(cycle, rules, research=research)
    results = compute.score_all(ci, rules)
    dicts = _store_results(cycle, ci, results)
    canonical = [compute.canonical_json(d) for d in dicts]  # encoded once, hashed now and later
    cycle.state = CycleState.COMPUTED
    cycle.computed_at = timezone.now()
    cycle.checksum = compute.checksum_of(zip([r.iso3 for r in results], canonical, strict=True))
    cycle.save(update_fields=["state", "computed_at", "checksum"])
    _remember(cycle, ci, results, canonical)
    audit_record(
        actor=acting_user,
        action=AuditAction.CYCLE_COMPUTE,
        target=cycle,
        after={"checksum": cycle.checksum, "countries": len(results)},
        note="" if getattr(acting_user, "is_authenticated", False) else "system",
    )
    return cycle


@batch.gc_paused()
@transaction.atomic
def cycle_publish(*, acting_user: Any, cycle: Cycle, apply_statuses: bool = True) -> Cycle:
    """Publish a computed cycle. `apply_statuses=False` when back-filling several cycles at once
    (the caller applies the newest one's statuses at the end)."""
    Cycle.objects.select_for_update().filter(pk=cycle.pk).first()
    cycle.refresh_from_db()
    _editable(cycle)
    if cycle.state != CycleState.COMPUTED:
        raise ServiceError(_("Compute the cycle before publishing it."))
    pending = cycle.evidence.filter(state=EvidenceState.SUBMITTED).count()
    if pending:
        raise ServiceError(
            _("Decide on every evidence submission first (%(n)s waiting).") % {"n": pending}
        )
    # what staff reviewed is what is published; only the Eligibility Review flags are set
    # again, against the cycles published now
    _refresh_review_flags(cycle)
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = timezone.now()
    cycle.published_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    cycle.save(update_fields=["state", "published_at", "published_by", "checksum"])
    audit_record(
        actor=acting_user,
        action=AuditAction.CYCLE_PUBLISH,
        target=cycle,
        after={"checksum": cycle.checksum, "published_at": cycle.published_at},
        note="" if getattr(acting_user, "is_authenticated", False) else "system",
    )
    _send_cycle_published(acting_user=acting_user, cycle=cycle, apply_statuses=apply_statuses)
    return cycle


def _refresh_review_flags(cycle: Cycle) -> None:
    """Eligibility Review / at-risk flags of the stored results against the annual cycles
    published before this one; the cycle checksum follows."""
    from ..domain.model import CountryResult as Res
    from ..domain.scoring import apply_review

    rules = cycle.ruleset.rules
    if not rules.eligibility_review_cycles:
        return  # no Eligibility Review in this rule set: the computed flags stand (all off)
    previous = compute.previous_published(cycle, rules)
    remembered = compute.remembered_results(cycle.pk, cycle.checksum)
    rows: Any
    if remembered is not None:  # computed by this process: the rows' ids only
        rows = (
            (pk, cid, remembered[cid])
            for pk, cid in CountryResult.objects.filter(cycle=cycle).values_list("pk", "country_id")
        )
    else:
        rows = (
            (pk, cid, Res.from_dict(data))
            for pk, cid, data in CountryResult.objects.filter(cycle=cycle).values_list(
                "pk", "country_id", "data"
            )
        )
    # a row whose flags stay has the same JSON as before: its canonical JSON, when known, is
    # hashed again as it is
    known = compute.remembered_canonical(cycle.pk, cycle.checksum)
    hashed: list[tuple[str, str]] = []
    canonical: dict[int, str] = {}
    by_country: dict[int, Any] = {}
    for pk, cid, res in rows:
        flagged = apply_review(res, previous.get(res.iso3, []), rules)
        by_country[cid] = flagged
        if (flagged.eligibility_review, flagged.at_risk) != (res.eligibility_review, res.at_risk):
            data = flagged.to_dict()
            CountryResult.objects.filter(pk=pk).update(
                eligibility_review=flagged.eligibility_review, at_risk=flagged.at_risk, data=data
            )
            text = compute.canonical_json(data)
        else:
            text = known.get(cid) or compute.canonical_json(flagged.to_dict())
        hashed.append((flagged.iso3, text))
        canonical[cid] = text
    cycle.checksum = compute.checksum_of(hashed)
    compute.remember_results(cycle.pk, cycle.checksum, by_country, canonical=canonical)


def _send_cycle_published(*, acting_user: Any, cycle: Cycle, apply_statuses: bool) -> None:
    """Tell the apps above (membership moves country statuses) through the `cycle_published`
    hook, with every country's summary so that none of them reads the cycle again. Only the
    newest published cycle, published with `apply_statuses`, counts as `newest`."""
    newest = (
        apply_statuses
        and not Cycle.objects.filter(state=CycleState.PUBLISHED, year__gt=cycle.year).exists()
    )
    receivers = hooks.cycle_published.implementations()
    if not receivers:
        return
    event = CyclePublished(
        cycle_year=cycle.year,
        newest=newest,
        summaries=selectors.cycle_summaries(cycle) if newest else {},
    )
    # the receivers save many rows (every country whose status moves): what reacts to each
    # save (the search index) does it once for all of them, at the end, in this transaction
    with batch.deferred():
        for receiver in receivers:
            receiver(acting_user=acting_user, event=event)


def cycle_recompute_checksum(cycle: Cycle) -> str:
    """Recompute from the cycle's recorded inputs without writing; returns the checksum."""
    rules = cycle.ruleset.rules
    ci = compute.gather(cycle, rules)
    if cycle.is_published:
        # eligibility review flags were fixed at publication against the cycles published then
        stored = {iso3: d for iso3, d in cycle.results.values_list("country__iso3", "data")}
        from dataclasses import replace

        from ..domain.model import CountryResult as Res
        from ..domain.scoring import score_country

        results = []
        for inp in ci.inputs:
            r = score_country(inp, rules)
            old = stored.get(inp.iso3)
            if old is not None:
                o = Res.from_dict(old)
                r = replace(r, eligibility_review=o.eligibility_review, at_risk=o.at_risk)
            results.append(r)
        return compute.checksum(results)
    return compute.checksum(compute.score_all(ci, rules))
