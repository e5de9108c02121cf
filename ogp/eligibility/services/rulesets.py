"""Rule set versions: the shipped ones and those staff derive from them."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core.errors import ServiceError

from ..domain.rulesets import RuleSetError, ruleset_from_dict, ruleset_to_dict
from ..labels import ruleset_error_message
from ..models import (
    RuleSetVersion,
)

# ---------------------------------------------------------------- rule sets


@transaction.atomic
def ruleset_seed_shipped() -> int:
    """Store the shipped historical rule sets (idempotent). Returns how many were created.

    A shipped version that no cycle uses yet takes the shipped definition again (so a database
    seeded before the RTI Rating and Global Data Barometer sources scores from them); one that a
    cycle uses never changes, so published cycles keep reproducing.
    """
    from ..domain.rulesets import shipped_rulesets

    created = 0
    for rs in shipped_rulesets():
        definition = ruleset_to_dict(rs)
        updated = (
            RuleSetVersion.objects.filter(code=rs.code, version=rs.version, shipped=True)
            .exclude(definition=definition)
            .filter(cycles__isnull=True)
        )
        for obj in updated:
            audited_update(
                acting_user=None,
                instance=obj,
                action=AuditAction.RULESET_REFRESH_SHIPPED,
                fields=["definition"],
                changes={
                    "definition": definition,
                    "title": rs.title,
                    "valid_from": rs.valid_from,
                    "valid_to": rs.valid_to,
                },
                also_save=["title", "valid_from", "valid_to"],
                note="system: shipped definition, no cycle used the old one",
            )
        _obj, was_created = RuleSetVersion.objects.get_or_create(
            code=rs.code,
            version=rs.version,
            defaults={
                "title": rs.title,
                "valid_from": rs.valid_from,
                "valid_to": rs.valid_to,
                "definition": definition,
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
        action=AuditAction.RULESET_CREATE,
        target=obj,
        after={"code": rs.code, "version": rs.version, "definition": obj.definition},
    )
    return obj
