from .findings import finding_letter, finding_queue
from .irm import (
    irm_coding_edit,
    irm_report_create,
    irm_report_detail,
    irm_report_edit,
    irm_report_publish,
)
from .progress import (
    commitment_edit,
    evidence_download,
    milestone_create,
    progress_review_create,
    progress_update_create,
)
from .public import (
    commitment_atom,
    commitment_detail,
    commitment_ical,
    country_plans,
    explorer,
    explorer_export,
    plan_detail,
)
from .staff import sheet_import

__all__ = [
    "finding_letter",
    "finding_queue",
    "commitment_edit",
    "commitment_atom",
    "commitment_ical",
    "commitment_detail",
    "country_plans",
    "evidence_download",
    "explorer",
    "explorer_export",
    "irm_coding_edit",
    "irm_report_create",
    "irm_report_detail",
    "irm_report_edit",
    "irm_report_publish",
    "milestone_create",
    "plan_detail",
    "progress_review_create",
    "progress_update_create",
    "sheet_import",
]
