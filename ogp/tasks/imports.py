"""The background imports: a publisher's file (eligibility) and OGP's commitments sheet
(plans), each through the same service function as before (audit included). Declared to
`ogp/core/imports.py` through the `import_runners` hook."""

import datetime
from typing import Any

from ogp.eligibility import services as eligibility_services
from ogp.plans import services as plan_services
from ogp.search.registry import reindex_all

RELEASE = "eligibility.release"
SHEET = "plans.sheet"


def release_import_run(
    *, acting_user: Any, data: bytes, file_name: str, params: dict[str, Any]
) -> dict[str, Any]:
    published_on = params.get("published_on")
    release, created = eligibility_services.release_import(
        acting_user=acting_user,
        data=data,
        file_name=file_name,
        kind=params.get("kind") or None,
        edition=params.get("edition", ""),
        publisher=params.get("publisher", ""),
        published_on=datetime.date.fromisoformat(published_on) if published_on else None,
        source_url=params.get("source_url", ""),
    )
    return {
        "release": release.pk,
        "created": created,
        "title": str(release),
        "url": release.get_absolute_url(),
    }


def sheet_import_run(
    *, acting_user: Any, data: bytes, file_name: str, params: dict[str, Any]
) -> dict[str, Any]:
    done = plan_services.sheet_import(acting_user=acting_user, data=data, file_name=file_name)
    # the import creates in bulk (no save signals): its plans and commitments are indexed here,
    # in the same transaction
    reindex_all(["plan", "commitment"])
    return {
        "sheet_import": done.pk,
        "rows": done.rows,
        "plans_created": done.plans_created,
        "commitments_created": done.commitments_created,
        "commitments_updated": done.commitments_updated,
        "commitments_unchanged": done.commitments_unchanged,
        "rows_refused": done.rows_refused,
    }


def import_runners() -> dict[str, Any]:
    """The `import_runners` hook."""
    return {RELEASE: release_import_run, SHEET: sheet_import_run}
