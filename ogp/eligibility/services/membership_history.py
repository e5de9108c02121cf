"""Past OGP membership recorded by the Support Unit (by form or CSV), so cycles before the
2016 participants list see who was a member on their review date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.core.errors import ServiceError
from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange
from ogp.countries.services import country_membership_history_record

from ..domain.parsers import ImportFileError
from ..domain.parsers.common import UnmatchedRow, is_empty
from ..domain.parsers.membership import parse_membership_history
from ..labels import import_error_message
from .imports import country_matcher


def membership_history_record(
    *,
    acting_user: Any,
    country: Country,
    status: str,
    effective_date: datetime.date,
    source: str,
    reason: str = "",
) -> tuple[MembershipStatusChange, bool]:
    """One dated status with its source (the history belongs to the countries app)."""
    return country_membership_history_record(
        acting_user=acting_user,
        country=country,
        status=status,
        effective_date=effective_date,
        source=source,
        reason=reason,
    )


@dataclass(frozen=True)
class HistoryImport:
    created: int
    unchanged: int
    unmatched: tuple[UnmatchedRow, ...]


@transaction.atomic
def membership_history_import(*, acting_user: Any, data: bytes, file_name: str) -> HistoryImport:
    """Import a membership history CSV: every row or none (a refused row names its line)."""
    try:
        if is_empty(data):
            raise ImportFileError(file=file_name, line=None, column=None, reason="empty")
        rows, unmatched = parse_membership_history(
            data, file_name, country_matcher(), tuple(MembershipStatus.values)
        )
    except ImportFileError as err:
        raise ServiceError(import_error_message(err)) from None
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in={r.iso3 for r in rows})}
    created = unchanged = 0
    # newest first per country: the newest entry is checked against the present status, the
    # older ones then slot in before it
    for row in sorted(rows, key=lambda r: (r.iso3, r.effective_date), reverse=True):
        try:
            _change, was_created = country_membership_history_record(
                acting_user=acting_user,
                country=countries[row.iso3],
                status=row.status,
                effective_date=row.effective_date,
                source=row.source,
                reason=row.reason,
            )
        except ServiceError as err:
            raise ServiceError(
                _("%(file)s, line %(line)s: %(reason)s.")
                % {
                    "file": file_name,
                    "line": row.line,
                    "reason": " ".join(err.messages).rstrip("."),
                }
            ) from None
        created += was_created
        unchanged += not was_created
    return HistoryImport(created, unchanged, unmatched)
