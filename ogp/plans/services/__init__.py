"""Writers of the plans app (keyword-only, acting_user, atomic, audited)."""

from .progress import (
    milestone_create,
    progress_review_create,
    progress_update_create,
)
from .scales import scale_versions, scales_sync
from .sheet import sheet_import

__all__ = [
    "milestone_create",
    "progress_review_create",
    "progress_update_create",
    "scale_versions",
    "scales_sync",
    "sheet_import",
]
