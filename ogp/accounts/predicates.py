"""Role predicates shared by every app's rules.py (django-rules)."""

from typing import Any

import rules

from .models import Role


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


def object_country_id(obj: Any) -> int | None:
    """The country an object belongs to: a Country itself, or anything with `.country_id`."""
    if obj is None:
        return None
    from ogp.countries.models import Country

    if isinstance(obj, Country):
        return obj.pk
    return getattr(obj, "country_id", None)


@rules.predicate
def is_government_of_object_country(user: Any, obj: Any) -> bool:
    country_id = object_country_id(obj)
    return country_id is not None and is_government(user) and user.country_id == country_id
