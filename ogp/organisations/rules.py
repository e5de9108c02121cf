import rules

from ogp.core.predicates import is_authenticated, is_support_unit


@rules.predicate
def is_member_or_creator(user, organisation) -> bool:  # type: ignore[no-untyped-def]
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    return user.organisation_id == organisation.pk or organisation.created_by_id == user.pk


rules.add_perm("organisations.view_organisation", rules.always_allow)
rules.add_perm("organisations.add_organisation", is_authenticated)
rules.add_perm("organisations.change_organisation", is_support_unit | is_member_or_creator)
