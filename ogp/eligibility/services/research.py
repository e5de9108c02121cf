"""Research entries recorded and corrected by the Support Unit."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError
from ogp.countries.models import Country

from ..models import (
    ResearchEntry,
)

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
        action=AuditAction.RESEARCH_RECORD,
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
