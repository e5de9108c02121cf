"""Writes: imports, rule set versions, research entries, cycles and evidence."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from . import compute
from .domain.parsers import (
    CountryMatcher,
    ImportFileError,
    ParseResult,
    parse_crosswalk,
    parse_eiu,
    parse_obs,
    parse_research,
    parse_vdem,
)
from .domain.parsers.crosswalk import CrosswalkRow, build_matcher
from .domain.parsers.obs_workbook import parse_obs_workbook
from .domain.rulesets import RuleSetError, ruleset_for_year, ruleset_from_dict, ruleset_to_dict
from .labels import import_error_message, ruleset_error_message
from .models import (
    CountryResult,
    Cycle,
    CycleState,
    DatasetKind,
    DatasetRelease,
    EvidenceState,
    EvidenceSubmission,
    Observation,
    ResearchEntry,
    RuleSetVersion,
)
from .workbooks import is_old_excel, is_workbook, read_workbook

PUBLISHERS: dict[str, str] = {
    DatasetKind.OBS: "International Budget Partnership",
    DatasetKind.EIU: "Economist Intelligence Unit",
    DatasetKind.VDEM: "V-Dem Institute",
    DatasetKind.RESEARCH: "OGP Support Unit research",
    DatasetKind.CROSSWALK: "countrycode (R package)",
}
PARSERS: dict[str, Any] = {
    DatasetKind.OBS: parse_obs,
    DatasetKind.EIU: parse_eiu,
    DatasetKind.VDEM: parse_vdem,
    DatasetKind.RESEARCH: parse_research,
}


# ---------------------------------------------------------------- rule sets


@transaction.atomic
def ruleset_seed_shipped() -> int:
    """Store the shipped historical rule sets (idempotent). Returns how many were created."""
    from .domain.rulesets import shipped_rulesets

    created = 0
    for rs in shipped_rulesets():
        _obj, was_created = RuleSetVersion.objects.get_or_create(
            code=rs.code,
            version=rs.version,
            defaults={
                "title": rs.title,
                "valid_from": rs.valid_from,
                "valid_to": rs.valid_to,
                "definition": ruleset_to_dict(rs),
                "shipped": True,
            },
        )
        created += was_created
    return created


@transaction.atomic
def ruleset_create(
    *, acting_user: Any, based_on: RuleSetVersion | None, definition: dict[str, Any]
) -> RuleSetVersion:
    """A new rule set version. Same code as an existing one: next version number."""
    code = str(definition.get("code") or "").strip()
    if code:
        last = RuleSetVersion.objects.filter(code=code).order_by("-version").first()
        definition = {**definition, "version": (last.version + 1) if last else 1}
    try:
        rs = ruleset_from_dict(definition)
    except RuleSetError as err:
        raise ServiceError(ruleset_error_message(err)) from None
    obj = RuleSetVersion.objects.create(
        code=rs.code,
        version=rs.version,
        title=rs.title,
        valid_from=rs.valid_from,
        valid_to=rs.valid_to,
        definition=ruleset_to_dict(rs),
        based_on=based_on,
        created_by=acting_user,
    )
    audit_record(
        actor=acting_user,
        action="eligibility.ruleset.create",
        target=obj,
        after={"code": rs.code, "version": rs.version, "definition": obj.definition},
    )
    return obj


# ---------------------------------------------------------------- imports


def country_matcher() -> CountryMatcher:
    registry: dict[str, tuple[str, tuple[str, ...]]] = {
        iso3: (iso2, (en, fr, es))
        for iso3, iso2, en, fr, es in Country.objects.values_list(
            "iso3", "iso2", "name_en", "name_fr", "name_es"
        )
    }
    rows: list[CrosswalkRow] = []
    latest = (
        DatasetRelease.objects.filter(kind=DatasetKind.CROSSWALK)
        .order_by("-published_on", "-id")
        .first()
    )
    if latest is not None:
        rows = [CrosswalkRow(**r) for r in latest.extra.get("rows", [])]
    return build_matcher(registry, tuple(rows))


def detect_kind(data: bytes) -> str | None:
    if is_workbook(data):
        return DatasetKind.OBS  # the Open Budget Survey Explorer workbook
    head = data[:4096].split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    cols = {c.strip().strip('"').lstrip("\ufeff") for c in head.split(",")}
    if "iso3c" in cols:
        return DatasetKind.CROSSWALK
    if "provision" in cols or "criterion" in cols:
        return DatasetKind.RESEARCH
    if any(c.endswith("_eiu") for c in cols):
        return DatasetKind.EIU
    if cols & {"ebp", "ar", "pbs", "cb", "eb", "iyr", "myr", "yer"}:
        return DatasetKind.OBS
    if any(c.startswith(("v2cs", "v2x")) for c in cols):
        return DatasetKind.VDEM
    return None


def _default_edition(kind: str, file_name: str, years: tuple[int, ...]) -> str:
    if kind == DatasetKind.VDEM:
        found = re.search(r"v(\d{1,2})(?!\d)", file_name)
        if found:
            return f"v{found.group(1)}"
    if years:
        return f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])
    return file_name


@transaction.atomic
def release_import(
    *,
    acting_user: Any,
    data: bytes,
    file_name: str,
    kind: str | None = None,
    publisher: str = "",
    edition: str = "",
    published_on: datetime.date | None = None,
    source_url: str = "",
    published_on_estimated: bool | None = None,
) -> tuple[DatasetRelease, bool]:
    """Import one publisher file as a dataset release. Returns (release, created).

    The same bytes imported again return the existing release and change nothing. A bad file
    raises ServiceError naming file, line, column and reason; nothing is written.
    """
    if is_old_excel(data):
        raise ServiceError(
            import_error_message(
                ImportFileError(file=file_name, line=None, column=None, reason="old_excel")
            )
        )
    kind = kind or detect_kind(data)
    if kind is None:
        raise ServiceError(
            import_error_message(
                ImportFileError(file=file_name, line=1, column=None, reason="unknown_format")
            )
        )
    digest = hashlib.sha256(data).hexdigest()
    existing = DatasetRelease.objects.filter(kind=kind, checksum=digest).first()
    if existing is not None:
        return existing, False
    cw_rows: tuple[CrosswalkRow, ...] = ()
    try:
        if is_workbook(data):
            if kind != DatasetKind.OBS:
                raise ImportFileError(
                    file=file_name, line=None, column=None, reason="workbook_not_obs"
                )
            result = parse_obs_workbook(
                read_workbook(data, file_name), file_name, country_matcher()
            )
        elif kind == DatasetKind.CROSSWALK:
            cw_rows = parse_crosswalk(data, file_name)
            result = ParseResult(rows=len(cw_rows))
        else:
            result = PARSERS[kind](data, file_name, country_matcher())
    except ImportFileError as err:
        raise ServiceError(import_error_message(err)) from None
    estimated = published_on is None
    if published_on_estimated is not None:
        estimated = published_on_estimated
    if published_on is None:
        last = result.years[-1] if result.years else timezone.now().year - 1
        published_on = datetime.date(last + 1, 1, 1)
    release = DatasetRelease.objects.create(
        kind=kind,
        publisher=publisher or PUBLISHERS[kind],
        edition=edition or _default_edition(kind, file_name, result.years),
        published_on=published_on,
        published_on_estimated=estimated,
        source_url=source_url,
        file_name=file_name[:255],
        checksum=digest,
        size=len(data),
        rows=result.rows,
        year_min=result.years[0] if result.years else None,
        year_max=result.years[-1] if result.years else None,
        columns=list(result.columns),
        unmatched=[
            {
                "line": u.line,
                "name": u.name,
                "code": u.code,
                **({"sheet": u.sheet} if u.sheet else {}),
            }
            for u in result.unmatched
        ],
        extra={"sheets": {str(year): sheet for year, sheet in result.sheets}}
        if result.sheets
        else {
            "rows": [
                {
                    "line": r.line,
                    "iso2": r.iso2,
                    "iso3": r.iso3,
                    "name": r.name,
                    "regex": r.regex,
                    "vdem_id": r.vdem_id,
                }
                for r in cw_rows
            ]
        }
        if cw_rows
        else {},
        imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    if result.observations or result.research:
        ids = dict(Country.objects.values_list("iso3", "pk"))
        Observation.objects.bulk_create(
            [
                Observation(
                    release=release,
                    country_id=ids[o.iso3],
                    year=o.year,
                    indicator=o.indicator,
                    value=o.value,
                    text=o.text,
                    line=o.line,
                )
                for o in result.observations
            ],
            batch_size=5000,
        )
        ResearchEntry.objects.bulk_create(
            [
                ResearchEntry(
                    country_id=ids[r.iso3],
                    criterion=r.criterion,
                    year=r.year,
                    provision=r.provision,
                    public_access=r.public_access,
                    name=r.name,
                    adopted_on=r.adopted_on,
                    source_url=r.source_url,
                    release=release,
                    line=r.line,
                    entered_by=None,
                )
                for r in result.research
            ]
        )
    audit_record(
        actor=acting_user,
        action="eligibility.release.import",
        target=release,
        after=snapshot(
            release,
            [
                "kind",
                "publisher",
                "edition",
                "published_on",
                "file_name",
                "checksum",
                "rows",
                "year_min",
                "year_max",
            ],
        ),
        note="" if getattr(acting_user, "is_authenticated", False) else "system import",
    )
    return release, True


# ---------------------------------------------------------------- research entries


@transaction.atomic
def research_entry_record(
    *,
    acting_user: Any,
    country: Country,
    criterion: str,
    year: int,
    provision: str,
    public_access: bool,
    name: str,
    adopted_on: str,
    source_url: str,
    note: str = "",
    corrects: ResearchEntry | None = None,
) -> ResearchEntry:
    if not source_url:
        raise ServiceError(_("Give the address of the evidence."))
    if corrects is not None and (
        corrects.country_id != country.pk or corrects.criterion != criterion
    ):
        raise ServiceError(_("A correction must be for the same country and criterion."))
    entry = ResearchEntry.objects.create(
        country=country,
        criterion=criterion,
        year=year,
        provision=provision,
        public_access=public_access and provision == "law",
        name=name,
        adopted_on=adopted_on,
        source_url=source_url,
        note=note,
        corrects=corrects,
        entered_by=acting_user,
    )
    audit_record(
        actor=acting_user,
        action="eligibility.research.record",
        target=entry,
        after=snapshot(
            entry,
            [
                "country",
                "criterion",
                "year",
                "provision",
                "public_access",
                "name",
                "adopted_on",
                "source_url",
                "corrects",
            ],
        ),
    )
    return entry


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
        action="eligibility.cycle.open",
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
    before = {
        "ruleset": str(cycle.ruleset),
        "releases": sorted(cycle.releases.values_list("pk", flat=True)),
    }
    cycle.ruleset = ruleset
    cycle.state = CycleState.DRAFT
    cycle.save(update_fields=["ruleset", "state"])
    cycle.releases.set(releases)
    cycle.results.all().delete()
    audit_record(
        actor=acting_user,
        action="eligibility.cycle.configure",
        target=cycle,
        before=before,
        after={"ruleset": str(ruleset), "releases": sorted(r.pk for r in releases)},
    )
    return cycle


def _notify_decision(submission: EvidenceSubmission) -> None:
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from ogp.core.mail import send_templated_mail

    from .labels import CRITERION_LABELS

    user = submission.submitted_by
    if not user.email:
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL + reverse("eligibility:my-evidence")
        country_name = submission.country.name
        criterion_label = str(CRITERION_LABELS.get(submission.criterion, submission.criterion))
    context = {
        "recipient": user,
        "submission": submission,
        "url": url,
        "country_name": country_name,
        "criterion_label": criterion_label,
    }
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[user.email],
            template="eligibility/email/evidence_decided",
            context=context,
            language=language,
        )
    )


def _store_results(cycle: Cycle, ci: compute.CycleInputs, results: list) -> None:
    cycle.results.all().delete()
    ids = {c.iso3: c.pk for c in ci.countries}
    CountryResult.objects.bulk_create(
        [
            CountryResult(
                cycle=cycle,
                country_id=ids[r.iso3],
                status=r.status,
                total=r.total,
                maximum=r.maximum,
                is_member=r.is_member,
                values_check=r.values_check.passed if r.values_check else None,
                eligibility_review=r.eligibility_review,
                at_risk=r.at_risk,
                data=r.to_dict(),
            )
            for r in results
        ],
        batch_size=500,
    )


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
    _store_results(cycle, ci, results)
    cycle.state = CycleState.COMPUTED
    cycle.computed_at = timezone.now()
    cycle.checksum = compute.checksum(results)
    cycle.save(update_fields=["state", "computed_at", "checksum"])
    audit_record(
        actor=acting_user,
        action="eligibility.cycle.compute",
        target=cycle,
        after={"checksum": cycle.checksum, "countries": len(results)},
        note="" if getattr(acting_user, "is_authenticated", False) else "system",
    )
    return cycle


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
    # recompute the Eligibility Review flags against the cycles published now
    cycle = cycle_compute(acting_user=acting_user, cycle=cycle, keep_research=True)
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = timezone.now()
    cycle.published_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    cycle.save(update_fields=["state", "published_at", "published_by"])
    audit_record(
        actor=acting_user,
        action="eligibility.cycle.publish",
        target=cycle,
        after={"checksum": cycle.checksum, "published_at": cycle.published_at},
        note="" if getattr(acting_user, "is_authenticated", False) else "system",
    )
    if apply_statuses:
        _apply_to_membership_statuses(acting_user=acting_user, cycle=cycle)
    return cycle


def _apply_to_membership_statuses(*, acting_user: Any, cycle: Cycle) -> None:
    """The newest published cycle moves countries' OGP status (eligible, not eligible,
    Eligibility Review) through the membership state machine, in the same transaction.
    Publishing an older cycle (back-filling history) changes no current status."""
    newer = Cycle.objects.filter(state=CycleState.PUBLISHED, year__gt=cycle.year).exists()
    if newer:
        return
    from ogp.membership.services import membership_status_sync_eligibility

    for country in Country.objects.filter(pk__in=cycle.results.values("country_id")):
        membership_status_sync_eligibility(acting_user=acting_user, country=country)


def cycle_recompute_checksum(cycle: Cycle) -> str:
    """Recompute from the cycle's recorded inputs without writing; returns the checksum."""
    rules = cycle.ruleset.rules
    ci = compute.gather(cycle, rules)
    if cycle.is_published:
        # eligibility review flags were fixed at publication against the cycles published then
        stored = {iso3: d for iso3, d in cycle.results.values_list("country__iso3", "data")}
        from dataclasses import replace

        from .domain.model import CountryResult as Res
        from .domain.scoring import score_country

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


# ---------------------------------------------------------------- evidence


@transaction.atomic
def evidence_submit(
    *,
    acting_user: Any,
    cycle: Cycle,
    country: Country,
    criterion: str,
    summary: str,
    source_url: str = "",
    document: Any = None,
) -> EvidenceSubmission:
    from .rules import can_submit_evidence_for

    if not can_submit_evidence_for(acting_user, country):
        raise ServiceError(_("You cannot submit evidence for this country."))
    if not country.un_member:
        raise ServiceError(
            _("Eligibility cycles score UN member states only; this country is not scored.")
        )
    if cycle.state == CycleState.PUBLISHED:
        raise ServiceError(
            _("The %(year)s cycle is published; evidence can be sent for the next cycle.")
            % {"year": cycle.year}
        )
    if not cycle.ruleset.rules.additional_information:
        raise ServiceError(_("The rule set of this cycle has no additional information route."))
    if criterion not in {c.code for c in cycle.ruleset.rules.criteria}:
        raise ServiceError(_("This criterion is not part of the cycle's rule set."))
    if not summary.strip():
        raise ServiceError(_("Describe what has changed."))
    cycle.refresh_from_db()
    if cycle.state == CycleState.PUBLISHED:
        raise ServiceError(
            _("The %(year)s cycle is published; evidence can be sent for the next cycle.")
            % {"year": cycle.year}
        )
    if not source_url and not document:
        raise ServiceError(_("Give an address or attach a PDF document as evidence."))
    sub = EvidenceSubmission(
        cycle=cycle,
        country=country,
        criterion=criterion,
        summary=summary.strip(),
        source_url=source_url,
        submitted_by=acting_user,
    )
    if document:
        sub.document = document
    sub.save()
    audit_record(
        actor=acting_user,
        action="eligibility.evidence.submit",
        target=sub,
        after=snapshot(sub, ["cycle", "country", "criterion", "summary", "source_url", "state"]),
    )
    return sub


@transaction.atomic
def evidence_accept(
    *, acting_user: Any, submission: EvidenceSubmission, points: int, reason: str
) -> EvidenceSubmission:
    cycle = submission.cycle
    _editable(cycle)
    if submission.state != EvidenceState.SUBMITTED:
        raise ServiceError(_("This submission has already been decided."))
    maximum = cycle.ruleset.rules.criterion(submission.criterion).max_points
    if not 0 <= points <= maximum:
        raise ServiceError(_("Points must be between 0 and %(max)s.") % {"max": maximum})
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    before = snapshot(submission, ["state", "points", "decision_reason"])
    submission.state = EvidenceState.ACCEPTED
    submission.points = points
    submission.decision_reason = reason.strip()
    submission.decided_by = acting_user
    submission.decided_at = timezone.now()
    submission.save()
    audit_record(
        actor=acting_user,
        action="eligibility.evidence.accept",
        target=submission,
        before=before,
        after=snapshot(submission, ["state", "points", "decision_reason"]),
    )
    if cycle.state == CycleState.COMPUTED:
        cycle_compute(acting_user=acting_user, cycle=cycle)
    _notify_decision(submission)
    return submission


@transaction.atomic
def evidence_reject(
    *, acting_user: Any, submission: EvidenceSubmission, reason: str
) -> EvidenceSubmission:
    _editable(submission.cycle)
    if submission.state != EvidenceState.SUBMITTED:
        raise ServiceError(_("This submission has already been decided."))
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    before = snapshot(submission, ["state", "decision_reason"])
    submission.state = EvidenceState.REJECTED
    submission.decision_reason = reason.strip()
    submission.decided_by = acting_user
    submission.decided_at = timezone.now()
    submission.save()
    audit_record(
        actor=acting_user,
        action="eligibility.evidence.reject",
        target=submission,
        before=before,
        after=snapshot(submission, ["state", "decision_reason"]),
    )
    _notify_decision(submission)
    return submission
