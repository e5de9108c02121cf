"""Writers of the plans app (keyword-only, acting_user, atomic, audited)."""

from .contrary import (
    contrary_finding_confirm,
    contrary_finding_dismiss,
    contrary_findings_evaluate,
)
from .irm import (
    irm_coding_save,
    irm_report_create,
    irm_report_publish,
    irm_report_update,
)
from .progress import (
    commitment_institution_add,
    commitment_template_update,
    milestone_create,
    plan_dates_set,
    progress_review_create,
    progress_update_create,
)
from .scales import scale_versions, scales_sync
from .sheet import sheet_import

__all__ = [
    "contrary_finding_confirm",
    "contrary_finding_dismiss",
    "contrary_findings_evaluate",
    "commitment_institution_add",
    "commitment_template_update",
    "plan_dates_set",
    "irm_coding_save",
    "irm_report_create",
    "irm_report_publish",
    "irm_report_update",
    "milestone_create",
    "progress_review_create",
    "progress_update_create",
    "scale_versions",
    "scales_sync",
    "sheet_import",
]
