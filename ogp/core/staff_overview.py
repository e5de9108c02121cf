"""The Support Unit's first-run checklist and work queues, collected from the apps.

An app's ``AppConfig`` may define ``staff_checklist()`` returning rows:
``{"kind": "setup", "label": ..., "done": bool, "url": ..., "help": ...}`` for platform set-up facts
that block users until staff record them, and ``{"kind": "waiting", "label": ..., "count": int,
"url": ...}`` for what waits for staff.
"""

from typing import Any

from django.apps import apps


def staff_checklist() -> dict[str, list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    for config in apps.get_app_configs():
        collect = getattr(config, "staff_checklist", None)
        if callable(collect):
            rows.extend(collect())
    return {
        "setup": [r for r in rows if r["kind"] == "setup"],
        "waiting": [r for r in rows if r["kind"] == "waiting"],
    }
