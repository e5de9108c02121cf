"""Who may do what in participation (tested as a grid in tests/test_permissions.py)."""

import rules

from ogp.accounts.predicates import (
    is_authenticated,
    is_government,
    is_government_of_object_country,
    is_support_unit,
)

from .predicates import is_forum_coordinator, is_forum_member, is_owner

# Forums
rules.add_perm("participation.view_forum", rules.always_allow)
rules.add_perm("participation.add_forum", is_support_unit | is_government)
rules.add_perm(
    "participation.add_forum_for_country", is_support_unit | is_government_of_object_country
)
rules.add_perm("participation.change_forum", is_support_unit | is_forum_coordinator)
rules.add_perm("participation.request_forum_membership", is_authenticated & ~is_forum_member)
rules.add_perm("participation.manage_forum_members", is_support_unit | is_forum_coordinator)
rules.add_perm("participation.decide_forum_request", is_support_unit | is_forum_coordinator)
rules.add_perm("participation.add_meeting", is_support_unit | is_forum_coordinator)
rules.add_perm("participation.change_meeting", is_support_unit | is_forum_coordinator)
rules.add_perm("participation.view_forum_compliance", is_support_unit)

# Mailing lists
rules.add_perm("participation.subscribe", rules.always_allow)
rules.add_perm("participation.manage_mailing_lists", is_support_unit)

# Events
rules.add_perm("participation.view_event", rules.always_allow)
rules.add_perm("participation.manage_events", is_support_unit)
rules.add_perm("participation.register_event", is_authenticated)
rules.add_perm("participation.cancel_registration", is_owner | is_support_unit)

# Directory
rules.add_perm("participation.add_person", is_authenticated)
rules.add_perm("participation.change_person", is_owner)
rules.add_perm("participation.delete_person", is_owner | is_support_unit)
