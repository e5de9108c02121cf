"""Import OGP's commitments & IRM data sheet: all or nothing, idempotent, audited."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.errors import ServiceError
from ogp.countries.models import Country
from ogp.organisations.models import Organisation, OrganisationKind
from ogp.plans.domain import scales as scale_rules
from ogp.plans.domain.scales import CodeState
from ogp.plans.importing.columns import policy_area_names
from ogp.plans.importing.sheet import TAGS, SheetRow, parse_sheet, slug

from ..models import (
    ActionPlan,
    CodingScaleVersion,
    Commitment,
    CommitmentInstitution,
    CommitmentPolicyArea,
    InstitutionRole,
    Locality,
    PlanSource,
    PolicyArea,
    SheetImport,
)
from ..selectors import data_version_bump
from .scales import scale_versions, scales_sync

# Commitment fields the sheet owns (compared and audited on a changed row)
SHEET_FIELDS = [
    "plan_id", "number", "title", "short_title", "theme", "full_text", "start_date",
    "start_precision", "start_text", "end_date", "end_precision", "end_text", "tags_unknown",
    "value_access_to_information", "value_civic_participation", "value_public_accountability",
    "value_technology", "coding_scale_id", "irm_coding", "irm_facts", "ogp_flags", "completion",
    "starred", "high_completion", "strong_early_results", "is_active", "source_url",
    "source_row_id", "source_line", "source_hash",
]  # fmt: skip
VALUE_FIELDS = {
    "value_access_to_information": "design.value_access_to_information",
    "value_civic_participation": "design.value_civic_participation",
    "value_public_accountability": "design.value_public_accountability",
    "value_technology": "design.value_technology",
}


def _yes(coding: dict[str, scale_rules.CodedValue], key: str) -> bool | None:
    value = coding.get(key)
    if value is None or value.state != CodeState.VALUE:
        return None
    return value.level == "yes"


def _commitment_values(
    row: SheetRow, plan: ActionPlan, scales: dict[str, Any], scale_ids: dict[str, int]
) -> dict[str, Any]:
    version = scales.get(row.scale)
    coding = row.coding
    completion = scale_rules.completion(coding)
    return {
        "plan_id": plan.pk,
        "country_id": plan.country_id,  # kept with the commitment (the bulk import saves none)
        "number": row.commitment_number,
        "title": row.title[:500],
        "short_title": row.short_title[:300],
        "theme": row.theme[:300],
        "full_text": row.full_text,
        "start_date": row.start.value,
        "start_precision": str(row.start.precision),
        "start_text": row.start.raw[:100],
        "end_date": row.end.value,
        "end_precision": str(row.end.precision),
        "end_text": row.end.raw[:100],
        "tags_unknown": row.tags_unknown,
        **{f: _yes(coding, key) for f, key in VALUE_FIELDS.items()},
        "coding_scale_id": scale_ids.get(row.scale),
        "irm_coding": {
            key: {"state": str(v.state), "level": v.level, **row.coding_raw.get(key, {})}
            for key, v in coding.items()
        },
        "irm_facts": {k: f.as_json() for k, f in row.irm_facts.items()},
        "ogp_flags": row.ogp_flags,
        "completion": completion.level or "" if completion else "",
        "starred": scale_rules.is_starred(version, coding) if version else None,
        "high_completion": scale_rules.is_high_completion(version, coding) if version else None,
        "strong_early_results": (
            scale_rules.is_strong_early_results(version, coding) if version else None
        ),
        "is_active": row.ogp_flags.get("Active Commitment") == "1",
        "source_url": row.url[:500],
        "source_row_id": row.ogp_row_id[:20],
        "source_line": row.line,
        "source_hash": row.digest,
    }


class _Places:
    """Countries by ISO alpha-3, localities by OGP code (a locality's code starts with the
    ISO alpha-2 of its country: ``ARBA`` is in AR)."""

    def __init__(self) -> None:
        self.countries = {c.iso3: c for c in Country.objects.all()}
        self.by_iso2 = {c.iso2: c for c in self.countries.values()}
        self.localities = {loc.code: loc for loc in Locality.objects.select_related("country")}
        self.created_localities: list[str] = []

    def match(self, row: SheetRow) -> tuple[Country | None, Locality | None, str]:
        code = row.place_code
        if len(code) == 3:
            country = self.countries.get(code)
            if country is None:
                return None, None, _("no country with ISO 3166 code %(code)s") % {"code": code}
            return country, None, ""
        locality = self.localities.get(code)
        if locality is not None:
            return locality.country, locality, ""
        country = self.by_iso2.get(code[:2])
        if country is None:
            return None, None, _("no country for the locality code %(code)s") % {"code": code}
        name = row.place_name.split(",")[0].strip() or code
        locality = Locality.objects.create(code=code, name=name[:200], country=country)
        self.localities[code] = locality
        self.created_localities.append(code)
        return country, locality, ""


def _institutions(
    commitment: Commitment, row: SheetRow, orgs: dict[tuple[int | None, str], Organisation]
) -> list[CommitmentInstitution]:
    out = []
    country_id = commitment.plan.country_id
    for role, names in (
        (InstitutionRole.LEAD, row.lead_institutions),
        (InstitutionRole.SUPPORTING, row.supporting_institutions),
    ):
        for position, name in enumerate(names):
            org = orgs.get((country_id, name.casefold())) or orgs.get((None, name.casefold()))
            out.append(
                CommitmentInstitution(
                    commitment=commitment,
                    role=role,
                    name=name[:500],
                    organisation=org,
                    is_civil_society=bool(org and org.kind == OrganisationKind.CIVIL_SOCIETY),
                    position=position,
                )  # fmt: skip
            )
    return out


@transaction.atomic
def sheet_import(*, acting_user: Any, data: bytes, file_name: str) -> SheetImport:
    """Import the sheet. Any error in the file: ServiceError listing each one, nothing written.

    Rows whose country or locality is not in the registry are refused and reported with their
    line; the rest is imported. Importing the same file again changes nothing.
    """
    scales_sync(acting_user=None)
    versions = scale_versions()
    parsed = parse_sheet(data, file=file_name, versions=versions)
    if parsed.errors:
        raise ServiceError([e.render(_) for e in parsed.errors])
    scales = {v.code: v for v in versions}
    scale_ids = dict(CodingScaleVersion.objects.values_list("code", "id"))
    places = _Places()
    areas = {a.code: a for a in PolicyArea.objects.all()}
    names = policy_area_names()
    for column in TAGS:
        code = slug(column)
        fr, es = names.get(column, {}).get("fr", ""), names.get(column, {}).get("es", "")
        area = areas.get(code)
        if area is None:
            areas[code] = PolicyArea.objects.create(
                code=code, name_en=column, name_fr=fr, name_es=es, sheet_column=column
            )
        elif (fr and not area.name_fr) or (es and not area.name_es):  # named before there were
            area.name_fr, area.name_es = area.name_fr or fr, area.name_es or es
            area.save(update_fields=["name_fr", "name_es"])
    plans = {p.ogp_id: p for p in ActionPlan.objects.all()}
    existing = {c.identifier: c for c in Commitment.objects.all()}
    orgs: dict[tuple[int | None, str], Organisation] = {}
    for org in Organisation.objects.only("id", "name", "kind", "country_id"):
        orgs.setdefault((org.country_id, org.name.casefold()), org)
        orgs.setdefault((None, org.name.casefold()), org)

    counts: Counter[str] = Counter()
    refused: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    places_seen: set[str] = set()
    new_rows: list[tuple[Commitment, SheetRow]] = []
    for row in parsed.rows:
        country, locality, reason = places.match(row)
        if country is None:
            refused.append(
                {"line": row.line, "column": "Code", "value": row.place_code, "reason": reason}
            )
            continue
        places_seen.add(row.place_code)
        for column, written in (("Start Date", row.start), ("End Date", row.end)):
            if written.swapped:
                notes.append(
                    {"line": row.line, "column": column, "value": written.raw,
                     "note": "read as day/month/year"}
                )  # fmt: skip
        plan = plans.get(row.plan_id)
        plan_values = {
            "country": country, "locality": locality, "number": row.plan_number,
            "submitted_year": row.submitted_year, "end_year": row.end_year,
            "duration_years": row.duration_years,
        }  # fmt: skip
        if plan is None:
            plan = ActionPlan.objects.create(
                ogp_id=row.plan_id, source=PlanSource.OGP_SHEET, **plan_values
            )
            plans[row.plan_id] = plan
            counts["plans_created"] += 1
        elif any(getattr(plan, k) != v for k, v in plan_values.items()):
            audited_update(
                acting_user=acting_user, instance=plan, action=AuditAction.ACTION_PLAN_SHEET_UPDATE,
                fields=[k for k, v in plan_values.items() if getattr(plan, k) != v],
                changes=plan_values, save_all=True, note=f"{file_name}, line {row.line}",
            )  # fmt: skip
        values = _commitment_values(row, plan, scales, scale_ids)
        commitment = existing.get(row.identifier)
        if commitment is None:
            commitment = Commitment(
                identifier=row.identifier, source=PlanSource.OGP_SHEET, **values
            )
            commitment.plan = plan
            new_rows.append((commitment, row))
            continue
        if commitment.source_hash == row.digest:
            counts["unchanged"] += 1
            continue
        audited_update(
            acting_user=acting_user, instance=commitment,
            action=AuditAction.COMMITMENT_SHEET_UPDATE,
            fields=[f for f in SHEET_FIELDS if getattr(commitment, f) != values[f]],
            changes={**values, "source_row": row.raw}, save_all=True,
            note=f"{file_name}, line {row.line}",
        )  # fmt: skip
        commitment.plan = plan
        commitment.institutions.all().delete()
        CommitmentInstitution.objects.bulk_create(_institutions(commitment, row, orgs))
        commitment.policy_areas.set([areas[slug(t)] for t in row.tags])
        counts["updated"] += 1

    for commitment, row in new_rows:
        commitment.source_row = row.raw
    Commitment.objects.bulk_create([c for c, _r in new_rows], batch_size=500)
    created = {
        c.identifier: c
        for c in Commitment.objects.filter(identifier__in=[c.identifier for c, _r in new_rows])
    }
    institutions: list[CommitmentInstitution] = []
    links: list[CommitmentPolicyArea] = []
    for commitment, row in new_rows:
        saved = created[commitment.identifier]
        saved.plan = plans[row.plan_id]
        institutions.extend(_institutions(saved, row, orgs))
        links.extend(
            CommitmentPolicyArea(
                commitment_id=saved.pk,
                policyarea_id=areas[slug(t)].pk,
                identifier=saved.identifier,
            )
            for t in row.tags
        )
    CommitmentInstitution.objects.bulk_create(institutions, batch_size=1000)
    CommitmentPolicyArea.objects.bulk_create(links, batch_size=1000)

    record = SheetImport.objects.create(
        file_name=file_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        rows=len(parsed.rows),
        plans_created=counts["plans_created"],
        commitments_created=len(new_rows),
        commitments_updated=counts["updated"],
        commitments_unchanged=counts["unchanged"],
        rows_refused=len(refused),
        countries=len(places_seen),
        report={
            "refused": refused,
            "notes": notes,
            "localities_created": places.created_localities,
        },
    )
    data_version_bump()  # a rolled-back import only costs one cache miss
    audit_record(
        actor=acting_user, action=AuditAction.SHEET_IMPORT, target=record,
        after={
            "rows": record.rows, "plans_created": record.plans_created,
            "commitments_created": record.commitments_created,
            "commitments_updated": record.commitments_updated, "rows_refused": record.rows_refused,
        },
        note="" if acting_user else "command line",
    )  # fmt: skip
    return record
