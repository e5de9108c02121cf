"""Who may follow, report and moderate (tested as a grid in tests/test_permissions.py)."""

import rules

from ogp.core.predicates import is_authenticated, is_support_unit

rules.add_perm("engagement.follow", is_authenticated)
rules.add_perm("engagement.report_content", is_authenticated)
rules.add_perm("engagement.moderate", is_support_unit)
