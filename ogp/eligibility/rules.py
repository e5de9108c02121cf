"""Permissions (django-rules); ``EligibilityConfig.ready`` imports this module. Views check
them with ``ogp.core.permissions``; services with ``ensure`` or ``can_submit_evidence_for``."""

from typing import Any

import rules

from ogp.accounts.predicates import (
    is_authenticated,
    is_civil_society,
    is_government_of_object_country,
    is_support_unit,
)


@rules.predicate
def is_submitter(user: Any, submission: Any) -> bool:
    return bool(
        submission is not None
        and getattr(user, "is_authenticated", False)
        and submission.submitted_by_id == user.pk
    )


can_submit_evidence = is_government_of_object_country | is_civil_society

rules.add_perm("eligibility.manage_eligibility", is_support_unit)
rules.add_perm("eligibility.submit_evidence", can_submit_evidence)
rules.add_perm("eligibility.view_evidence", is_support_unit | is_submitter)
rules.add_perm("eligibility.view_own_evidence", is_authenticated)


def can_submit_evidence_for(user: Any, country: Any) -> bool:
    return bool(can_submit_evidence.test(user, country))
