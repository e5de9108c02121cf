"""Role predicates (django-rules) that every app's rules.py builds on.

They read only the user's own fields, so they live in the lowest layer; predicates about other
apps' objects live in those apps (e.g. `ogp.accounts.predicates.is_government_of_object_country`).
"""

from typing import Any

import rules

from .roles import Role


def _has_role(user: Any, role: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role == role)


@rules.predicate
def is_authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_support_unit(user: Any) -> bool:
    return _has_role(user, Role.SUPPORT_UNIT)


@rules.predicate
def is_government(user: Any) -> bool:
    return _has_role(user, Role.GOVERNMENT) and user.country_id is not None


@rules.predicate
def is_civil_society(user: Any) -> bool:
    return _has_role(user, Role.CIVIL_SOCIETY)


@rules.predicate
def is_researcher(user: Any) -> bool:
    return _has_role(user, Role.RESEARCHER)
