"""Coding scales: the JSON file is the source; the database keeps each version as data."""

import json

from django.db import transaction

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.plans.domain.scales import SCALES_FILE, ScaleVersion, parse_versions

from ..models import CodingScaleVersion


@transaction.atomic
def scales_sync(*, acting_user=None) -> list[CodingScaleVersion]:  # type: ignore[no-untyped-def]
    """Create or update every scale version of ``irm_scales.json`` (audited when changed)."""
    data = json.loads(SCALES_FILE.read_text(encoding="utf-8"))
    out = []
    for raw in data["versions"]:
        values = {
            "label_en": raw["labels"]["en"],
            "label_fr": raw["labels"]["fr"],
            "label_es": raw["labels"]["es"],
            "applies_from_year": raw["applies_from_year"],
            "applies_to_year": raw.get("applies_to_year"),
            "definition": raw,
        }
        version = CodingScaleVersion.objects.filter(code=raw["code"]).first()
        if version is None:
            version = CodingScaleVersion.objects.create(code=raw["code"], **values)
            audit_record(
                actor=acting_user, action=AuditAction.SCALE_CREATE, target=version,
                after={"code": version.code}, note="" if acting_user else "seed",
            )  # fmt: skip
        elif version.definition != raw:
            # The labels and years change with the definition; only the definition is audited.
            version = audited_update(
                acting_user=acting_user, instance=version, action=AuditAction.SCALE_UPDATE,
                fields=["definition"], changes=values, save_all=True,
                note="" if acting_user else "seed",
            )  # fmt: skip
        out.append(version)
    return out


def scale_versions() -> tuple[ScaleVersion, ...]:
    """The versions stored in the database, as domain objects (loaded from the file if none)."""
    definitions = list(CodingScaleVersion.objects.values_list("definition", flat=True))
    if not definitions:
        definitions = [v.definition for v in scales_sync(acting_user=None)]
    return parse_versions({"versions": definitions})
