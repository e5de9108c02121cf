"""Thin views: parse input, check permissions, call a selector or a service, render."""

from .assessment import (
    assessment_decide,
    assessment_document,
    assessment_request,
    assessment_staff_list,
)
from .inquiries import (
    inquiry_create,
    inquiry_detail,
    inquiry_status,
)
from .letters import (
    letter_accept,
    letter_create,
    letter_detail,
    letter_edit,
    letter_pdf_download,
    letter_return,
    letter_signed_download,
    letter_submit,
    letter_upload,
    workspace,
)
from .onboarding import (
    contact_assign,
    invitation_accept,
    invitation_create,
    lead_agency_edit,
    step_mark,
)
from .public import (
    country_page,
    member_list,
    member_list_csv,
    status_history_csv,
)
from .staff import (
    cochairs_edit,
    inquiry_staff_list,
    onboarding_list,
    review_queue,
)
from .status import (
    status_change,
    status_sync,
    step_unmark,
)

__all__ = [
    "assessment_decide",
    "assessment_document",
    "assessment_request",
    "assessment_staff_list",
    "member_list",
    "member_list_csv",
    "status_history_csv",
    "country_page",
    "workspace",
    "letter_create",
    "letter_edit",
    "letter_detail",
    "letter_pdf_download",
    "letter_signed_download",
    "letter_upload",
    "letter_submit",
    "letter_return",
    "letter_accept",
    "lead_agency_edit",
    "invitation_create",
    "invitation_accept",
    "contact_assign",
    "step_mark",
    "status_change",
    "status_sync",
    "step_unmark",
    "inquiry_create",
    "inquiry_detail",
    "inquiry_status",
    "review_queue",
    "onboarding_list",
    "inquiry_staff_list",
    "cochairs_edit",
]
