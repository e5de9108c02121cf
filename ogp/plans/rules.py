"""Who may do what in plans (tested as a grid in tests/test_permissions.py)."""

import rules

from ogp.accounts.predicates import is_government_of_object_country, is_support_unit

from .predicates import is_civil_society_of_commitment, is_update_author

rules.add_perm("plans.view_commitment", rules.always_allow)
rules.add_perm("plans.import_sheet", is_support_unit)
# object: a commitment (its country is the plan's)
rules.add_perm("plans.add_milestone", is_support_unit | is_government_of_object_country)
# object: a milestone. Only the government of the commitment's country reports progress.
rules.add_perm("plans.post_progress", is_government_of_object_country)
# object: a progress update
rules.add_perm("plans.review_progress", is_civil_society_of_commitment & ~is_update_author)
