"""Imports of the publishers' files into dataset releases (provenance, checksum, atomic)."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.batch import gc_paused
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from ..domain.parsers import (
    CountryMatcher,
    ImportFileError,
    ParseResult,
    parse_crosswalk,
    parse_eiu,
    parse_gdb,
    parse_obs,
    parse_research,
    parse_rti,
    parse_vdem,
)
from ..domain.parsers.common import content_digest, is_empty
from ..domain.parsers.crosswalk import CrosswalkRow, build_matcher
from ..domain.parsers.obs_workbook import parse_obs_workbook
from ..labels import import_error_message
from ..models import (
    DatasetKind,
    DatasetRelease,
    Observation,
    ResearchEntry,
)
from ..workbooks import is_old_excel, is_workbook, read_workbook

PUBLISHERS: dict[str, str] = {
    DatasetKind.OBS: "International Budget Partnership",
    DatasetKind.EIU: "Economist Intelligence Unit",
    DatasetKind.VDEM: "V-Dem Institute",
    DatasetKind.RESEARCH: "OGP Support Unit research",
    DatasetKind.CROSSWALK: "countrycode (R package)",
    DatasetKind.RTI: "Access Info Europe and Centre for Law and Democracy (RTI Rating)",
    DatasetKind.GDB: "Global Data Barometer",
}
PARSERS: dict[str, Any] = {
    DatasetKind.OBS: parse_obs,
    DatasetKind.EIU: parse_eiu,
    DatasetKind.VDEM: parse_vdem,
    DatasetKind.RESEARCH: parse_research,
    DatasetKind.RTI: parse_rti,
    DatasetKind.GDB: parse_gdb,
}


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
    if cols & {"has_rti_law", "rti_law_year"}:
        return DatasetKind.RTI
    if cols & {"iad_exist", "iad_publication"}:
        return DatasetKind.GDB
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


def _insert_observations(release_id: int, ids: dict[str, int], observations: Any) -> None:
    """One INSERT executed for every row: the full V-Dem file is about 37,000 observations,
    and building a model instance per row costs several times the insert itself."""
    fields = ["release", "country", "year", "indicator", "value", "text", "line"]
    meta = Observation._meta
    qn = connection.ops.quote_name
    columns = ", ".join(qn(str(getattr(meta.get_field(f), "column", f))) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # identifiers from the model's own metadata, quoted; values are parameters
    sql = f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = [
        (release_id, ids[o.iso3], o.year, o.indicator, o.value, o.text, o.line)
        for o in observations
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


@gc_paused()  # tens of thousands of observations parsed and inserted: see gc_paused
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

    The same data imported again -- byte for byte, or saved with a byte order mark or other
    line endings -- return the existing release and change nothing. A bad file raises
    ServiceError naming file, line, column and reason; nothing is written. The web form and the
    command both come here, so they say the same thing about the same file.
    """
    if is_empty(data):
        raise ServiceError(
            import_error_message(
                ImportFileError(file=file_name, line=None, column=None, reason="empty")
            )
        )
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
    content = content_digest(data)
    existing = (
        DatasetRelease.objects.filter(kind=kind, checksum=digest).first()
        or DatasetRelease.objects.filter(kind=kind, content_checksum=content).first()
    )
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
        content_checksum=content,
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
                **({"why": u.why} if u.why != "outside_registry" else {}),
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
        _insert_observations(release.pk, ids, result.observations)
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
        action=AuditAction.RELEASE_IMPORT,
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
