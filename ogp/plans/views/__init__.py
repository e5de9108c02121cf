from .progress import (
    evidence_download,
    milestone_create,
    progress_review_create,
    progress_update_create,
)
from .public import (
    commitment_detail,
    country_plans,
    explorer,
    explorer_export,
    plan_detail,
)
from .staff import sheet_import

__all__ = [
    "commitment_detail",
    "country_plans",
    "evidence_download",
    "explorer",
    "explorer_export",
    "milestone_create",
    "plan_detail",
    "progress_review_create",
    "progress_update_create",
    "sheet_import",
]
