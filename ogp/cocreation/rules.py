"""Who may do what in co-creation (tested as a grid in tests/test_permissions.py)."""

import rules

from ogp.accounts.predicates import (
    is_authenticated,
    is_civil_society,
    is_government_of_object_country,
    is_support_unit,
)

from .predicates import (
    can_see_unpublished,
    is_author,
    is_plan_forum_coordinator,
    is_plan_government,
    is_shadow_editor,
    plan_accepts_anonymous_proposals,
    plan_accepts_proposals,
    plan_is_public,
    shadow_is_published,
    version_is_published,
)

# Plans (object: the plan, or a country for "add")
rules.add_perm("cocreation.add_plan", is_support_unit | is_government_of_object_country)
rules.add_perm("cocreation.view_plan", plan_is_public | can_see_unpublished)
rules.add_perm("cocreation.change_plan", is_plan_government | is_support_unit)
rules.add_perm("cocreation.open_plan", is_plan_government | is_support_unit)
rules.add_perm("cocreation.submit_plan", is_plan_government)
rules.add_perm("cocreation.review_plan", is_support_unit)  # return / publish
rules.add_perm("cocreation.view_queue", is_support_unit)
rules.add_perm("cocreation.assess_standards", is_support_unit)
rules.add_perm("cocreation.download_evidence", plan_is_public | can_see_unpublished)

# Drafts (object: the version)
rules.add_perm("cocreation.view_version", version_is_published | can_see_unpublished)
rules.add_perm("cocreation.edit_draft", is_plan_government)
rules.add_perm("cocreation.publish_version", is_plan_government)
rules.add_perm("cocreation.comment_version", is_authenticated & version_is_published)

# Input (object: the plan, a proposal or a ledger entry)
rules.add_perm("cocreation.add_proposal", is_authenticated & plan_accepts_proposals)
rules.add_perm(
    "cocreation.add_anonymous_proposal", ~is_authenticated & plan_accepts_anonymous_proposals
)
rules.add_perm("cocreation.support_proposal", is_authenticated & plan_is_public & ~is_author)
rules.add_perm("cocreation.comment_proposal", is_authenticated & plan_is_public)
rules.add_perm("cocreation.add_offline_input", is_plan_government)
rules.add_perm("cocreation.respond_input", is_plan_government | is_plan_forum_coordinator)
rules.add_perm("cocreation.view_ledger", plan_is_public | can_see_unpublished)

# Shadow plans (object: the shadow plan; "add" has none)
rules.add_perm("cocreation.add_shadow_plan", is_civil_society)
rules.add_perm(
    "cocreation.view_shadow_plan", shadow_is_published | is_shadow_editor | is_support_unit
)
rules.add_perm("cocreation.edit_shadow_plan", is_shadow_editor)
rules.add_perm("cocreation.propose_shadow_commitments", is_shadow_editor)
