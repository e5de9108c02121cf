"""Installing the shipped co-creation rule sets (seed and tests)."""

import datetime
import json
from pathlib import Path

from django.db import transaction

from ..models import CoCreationRuleSet

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "rulesets"
DEFAULT_CODE = "ogp-2022"


@transaction.atomic
def rule_sets_install() -> list[CoCreationRuleSet]:
    """Create or refresh every rule set shipped in ``rulesets/`` (idempotent)."""
    installed = []
    for path in sorted(SHIPPED_DIR.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        definition = {
            k: v for k, v in document.items() if k not in {"title", "sources", "valid_from"}
        }
        rule_set, _ = CoCreationRuleSet.objects.update_or_create(
            code=path.stem,
            defaults={
                "title": document.get("title", {}),
                "valid_from": datetime.date.fromisoformat(document["valid_from"]),
                "definition": definition,
                "sources": document.get("sources", []),
                "shipped": True,
            },
        )
        rule_set.parsed()  # a broken shipped file fails here, loudly
        installed.append(rule_set)
    return installed


def rule_set_in_force(on: datetime.date) -> CoCreationRuleSet:
    """The newest rule set in force on ``on``."""
    if not CoCreationRuleSet.objects.exists():
        rule_sets_install()
    in_force = CoCreationRuleSet.objects.filter(valid_from__lte=on).order_by("-valid_from")
    return in_force.first() or CoCreationRuleSet.objects.order_by("valid_from").first()  # type: ignore[return-value]
