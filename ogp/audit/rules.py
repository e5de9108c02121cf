import rules

from ogp.core.predicates import is_support_unit

rules.add_perm("audit.view_auditevent", is_support_unit)
