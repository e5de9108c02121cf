"""Writes for the joining journey. Each is atomic, checks the domain rules and is audited."""

from .assessment import (
    assessment_request_create,
    assessment_request_decide,
)
from .cochairs import (
    cochairs_set,
)
from .common import (
    FIRST_PLAN_RULE,
    INVITATION_MAX_AGE,
    INVITATION_SALT,
    LETTER_AUDIT_FIELDS,
    LETTER_FIELDS,
    actor_kind,
)
from .inquiries import (
    inquiry_create,
    inquiry_reply,
    inquiry_status_set,
)
from .letters import (
    TEXT_FIELDS,
    letter_accept,
    letter_create,
    letter_published_pdf,
    letter_return,
    letter_submit,
    letter_update,
    letter_upload_signed,
    letters_refresh_generated,
    submission_problems,
)
from .onboarding import (
    LEAD_FIELDS,
    invitation_accept,
    invitation_create,
    invitation_from_token,
    invitation_token,
    is_point_of_contact,
    lead_agency_set,
    onboarding_contact_assign,
    onboarding_step_mark,
    onboarding_step_unmark,
)
from .status import (
    membership_status_change,
    membership_status_sync_eligibility,
    membership_statuses_apply_cycle,
    status_refusal_message,
)

__all__ = [
    "assessment_request_create",
    "assessment_request_decide",
    "letters_refresh_generated",
    "FIRST_PLAN_RULE",
    "INVITATION_SALT",
    "INVITATION_MAX_AGE",
    "LETTER_FIELDS",
    "LETTER_AUDIT_FIELDS",
    "actor_kind",
    "status_refusal_message",
    "membership_status_change",
    "membership_status_sync_eligibility",
    "membership_statuses_apply_cycle",
    "submission_problems",
    "letter_create",
    "TEXT_FIELDS",
    "letter_update",
    "letter_upload_signed",
    "letter_submit",
    "letter_return",
    "letter_accept",
    "letter_published_pdf",
    "cochairs_set",
    "LEAD_FIELDS",
    "lead_agency_set",
    "is_point_of_contact",
    "invitation_token",
    "invitation_create",
    "invitation_from_token",
    "invitation_accept",
    "onboarding_contact_assign",
    "onboarding_step_mark",
    "onboarding_step_unmark",
    "inquiry_create",
    "inquiry_reply",
    "inquiry_status_set",
]
