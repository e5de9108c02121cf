"""What each data package holds: resources with their Table Schema fields and their rows.

Rows come from the same public querysets as the API (ogp.api.selectors is above this layer,
so the few reads are repeated here on the domain models, public parts only; the plans package's
rows are in plan_datasets.py). To add a dataset: one more `Package` in PACKAGES.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ogp.countries.models import Country, MembershipStatusChange
from ogp.eligibility.models import CountryResult, Cycle, CycleState, DatasetRelease, RuleSetVersion
from ogp.membership.models import LetterOfIntent
from ogp.organisations.models import Organisation
from ogp.participation.models import Event, Forum, Meeting


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    fields: tuple[tuple[str, str], ...]  # (name, Table Schema type)
    rows: Callable[[], Iterable[dict[str, Any]]]
    primary_key: tuple[str, ...] = ()
    # what a field holds, where its name does not say it (the Table Schema's "description")
    descriptions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Package:
    name: str
    title: str
    description: str
    resources: tuple[Resource, ...]
    sources: tuple[dict[str, str], ...] = ()


def _countries() -> Iterable[dict[str, Any]]:
    for c in Country.objects.order_by("iso3"):
        yield {
            "iso3": c.iso3,
            "iso2": c.iso2,
            "numeric": c.numeric,
            "name_en": c.name_en,
            "name_fr": c.name_fr,
            "name_es": c.name_es,
            "region": c.region,
            "un_member": c.un_member,
            "membership_status": c.membership_status,
            "membership_status_since": c.membership_status_since,
        }


def _status_history() -> Iterable[dict[str, Any]]:
    changes = MembershipStatusChange.objects.select_related("country").order_by(
        "country__iso3", "effective_date", "changed_at", "id"
    )
    for s in changes:
        yield {
            "id": s.pk,
            "country": s.country.iso3,
            "from_status": s.from_status,
            "to_status": s.to_status,
            "effective_date": s.effective_date,
            "reason": s.reason,
        }


def _published_cycles() -> Any:
    return Cycle.objects.filter(state=CycleState.PUBLISHED).select_related("ruleset")


def _cycles() -> Iterable[dict[str, Any]]:
    for c in _published_cycles().order_by("year"):
        yield {
            "year": c.year,
            "review_date": c.review_date,
            "ruleset_code": c.ruleset.code,
            "ruleset_version": c.ruleset.version,
            "results_checksum": c.checksum,
            "published_at": c.published_at,
        }


def _results() -> Iterable[dict[str, Any]]:
    results = (
        CountryResult.objects.filter(cycle__state=CycleState.PUBLISHED)
        .select_related("cycle", "country")
        .order_by("cycle__year", "country__iso3")
    )
    for r in results.iterator(chunk_size=1000):
        yield {
            "cycle": r.cycle.year,
            "country": r.country.iso3,
            "status": r.status,
            "total": r.total,
            "maximum": r.maximum,
            "is_member": r.is_member,
            "values_check": r.values_check,
            "eligibility_review": r.eligibility_review,
            "at_risk": r.at_risk,
        }


def _criteria() -> Iterable[dict[str, Any]]:
    results = (
        CountryResult.objects.filter(cycle__state=CycleState.PUBLISHED)
        .select_related("cycle", "country")
        .order_by("cycle__year", "country__iso3")
    )
    for r in results.iterator(chunk_size=1000):
        for crit in r.data.get("criteria", []):
            src = crit.get("source") or {}
            yield {
                "cycle": r.cycle.year,
                "country": r.country.iso3,
                "criterion": crit.get("code"),
                "points": crit.get("points"),
                "max_points": crit.get("max_points"),
                "raw": crit.get("raw", ""),
                "overridden": bool(crit.get("overridden")),
                "source_dataset": src.get("dataset", ""),
                "source_edition": src.get("edition", ""),
                "source_year": src.get("year"),
                "source_release": src.get("release_id"),
                "source_line": src.get("line"),
                "source_url": src.get("url", ""),
            }


def _releases() -> Iterable[dict[str, Any]]:
    used = DatasetRelease.objects.filter(cycles__state=CycleState.PUBLISHED).distinct()
    for r in used.order_by("id"):
        yield {
            "id": r.pk,
            "kind": r.kind,
            "publisher": r.publisher,
            "edition": r.edition,
            "published_on": r.published_on,
            "source_url": r.source_url,
            "file_name": r.file_name,
            "sha256": r.checksum,
            "bytes": r.size,
            "rows": r.rows,
        }


def _rulesets() -> Iterable[dict[str, Any]]:
    for r in RuleSetVersion.objects.order_by("id"):
        yield {
            "code": r.code,
            "version": r.version,
            "title": r.title,
            "valid_from": r.valid_from,
            "valid_to": r.valid_to,
            "definition": r.definition,
        }


def _members() -> Iterable[dict[str, Any]]:
    for c in Country.objects.members().select_related("lead_agency").order_by("iso3"):
        agency = getattr(c, "lead_agency", None)  # the missing relation is an AttributeError
        yield {
            "iso3": c.iso3,
            "name_en": c.name_en,
            "membership_status": c.membership_status,
            "membership_status_since": c.membership_status_since,
            "lead_agency": agency.name if agency else "",
        }


def _letters() -> Iterable[dict[str, Any]]:
    letters = (
        LetterOfIntent.objects.filter(state=LetterOfIntent.State.ACCEPTED)
        .select_related("country")
        .order_by("id")
    )
    for x in letters:
        yield {
            "reference": x.reference,
            "country": x.country.iso3,
            "language": x.language,
            "received_on": x.received_on,
            "accepted_on": x.accepted_on,
            "signatory_name": x.signatory_name,
            "signatory_title": x.signatory_title,
            "signatory_agency": x.signatory_agency,
            "past_reforms": x.past_reforms,
        }


def _forums() -> Iterable[dict[str, Any]]:
    for f in Forum.objects.select_related("country").order_by("id"):
        yield {
            "slug": f.slug,
            "country": f.country.iso3,
            "name": f.name,
            "description": f.description,
            "rules_of_participation": f.rules_of_participation,
            "established_on": f.established_on,
            "website": f.website,
            "is_demo": f.is_demo,
        }


def _meetings() -> Iterable[dict[str, Any]]:
    for m in Meeting.objects.select_related("forum").order_by("id"):
        yield {
            "id": m.pk,
            "forum": m.forum.slug,
            "title": m.title,
            "date": m.date,
            "location": m.location,
            "agenda": m.agenda,
            "minutes": m.minutes,
            "is_cancelled": m.is_cancelled,
            "is_demo": m.is_demo,
        }


def _events() -> Iterable[dict[str, Any]]:
    for e in Event.objects.select_related("country", "forum", "organisation").order_by("id"):
        yield {
            "slug": e.slug,
            "kind": e.kind,
            "title": e.title,
            "description": e.description,
            "starts_at": e.starts_at,
            "ends_at": e.ends_at,
            "location": e.location,
            "country": e.country.iso3 if e.country else "",
            "organisation": e.organisation.slug if e.organisation else "",
            "is_demo": e.is_demo,
        }


def _organisations() -> Iterable[dict[str, Any]]:
    orgs = Organisation.objects.filter(is_hidden=False).select_related("country")
    for o in orgs.prefetch_related("focus_areas").order_by("id"):
        yield {
            "slug": o.slug,
            "name": o.name,
            "kind": o.kind,
            "country": o.country.iso3 if o.country else "",
            "website": o.website,
            "description": o.description,
            "focus_areas": " ".join(sorted(f.code for f in o.focus_areas.all())),
            "is_demo": o.is_demo,
        }
