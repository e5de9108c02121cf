import rules

from ogp.accounts.predicates import is_support_unit

rules.add_perm("ogp_tasks.view_tasks", is_support_unit)
