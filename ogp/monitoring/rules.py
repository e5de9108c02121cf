"""Who may do what with self-assessments and comments on IRM drafts (grid in
tests/test_permissions.py). Comment periods and report states are checked by the services."""

import rules

from ogp.accounts.predicates import (
    is_authenticated,
    is_government_of_object_country,
    is_support_unit,
)

from .predicates import is_irm_draft_in_comment, is_public_self_assessment, is_researcher_of_report

# object: an action plan
rules.add_perm("monitoring.add_self_assessment", is_government_of_object_country)
# object: a self-assessment (the government of the plan's country writes and answers)
rules.add_perm(
    "monitoring.view_self_assessment",
    is_public_self_assessment | is_government_of_object_country | is_support_unit,
)
rules.add_perm("monitoring.edit_self_assessment", is_government_of_object_country)
rules.add_perm(
    "monitoring.comment_self_assessment",
    is_authenticated & is_public_self_assessment & ~is_government_of_object_country,
)
rules.add_perm("monitoring.answer_self_assessment_comment", is_government_of_object_country)

# object: an IRM report. While its comment period is open, anyone may read the draft and anyone
# signed in may comment (the government, the forum, the public: IRM drafts were opened to public
# comment before this platform); its researchers answer. The service checks the period.
rules.add_perm(
    "monitoring.comment_irm_report",
    is_authenticated & ~is_researcher_of_report,
)
rules.add_perm("monitoring.answer_irm_comment", is_researcher_of_report)
rules.add_perm(
    "monitoring.view_irm_draft",
    is_irm_draft_in_comment
    | is_researcher_of_report
    | is_support_unit
    | is_government_of_object_country,
)
