"""Who may do what in plans (tested as a grid in tests/test_permissions.py)."""

import rules

from ogp.accounts.predicates import is_government_of_object_country, is_support_unit

from .predicates import (
    is_assigned_researcher,
    is_civil_society_of_commitment,
    is_published,
    is_update_author,
)

rules.add_perm("plans.view_commitment", rules.always_allow)
rules.add_perm("plans.import_sheet", is_support_unit)
rules.add_perm("plans.decide_contrary_finding", is_support_unit)
rules.add_perm("plans.change_plan", is_support_unit)
# object: a commitment (its country is the plan's)
rules.add_perm("plans.add_milestone", is_support_unit | is_government_of_object_country)
rules.add_perm("plans.change_commitment", is_support_unit | is_government_of_object_country)
# object: a milestone. Only the government of the commitment's country reports progress.
rules.add_perm("plans.post_progress", is_government_of_object_country)
# object: a progress update
rules.add_perm("plans.review_progress", is_civil_society_of_commitment & ~is_update_author)

# IRM reports. object: a plan (add) or a report. The government of the plan's country reads the
# draft to comment on it (comments through the engagement app); the public reads published ones.
rules.add_perm("plans.add_irm_report", is_support_unit)
rules.add_perm("plans.edit_irm_report", is_assigned_researcher)
rules.add_perm(
    "plans.view_irm_report",
    is_published | is_support_unit | is_assigned_researcher | is_government_of_object_country,
)
