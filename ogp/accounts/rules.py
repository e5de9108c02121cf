import rules

from .predicates import is_authenticated, is_support_unit

rules.add_perm("accounts.view_profile", is_authenticated)
rules.add_perm("accounts.request_role", is_authenticated & ~is_support_unit)
rules.add_perm("accounts.view_staff_home", is_support_unit)
rules.add_perm("accounts.decide_rolerequest", is_support_unit)
rules.add_perm("accounts.change_user_role", is_support_unit)
