"""Predicates shared by every app's rules.py (django-rules): the role predicates from
`ogp.core.predicates` and the ones about a country."""

from typing import Any

import rules

from ogp.core.predicates import (  # re-exported: every app's rules.py imports them from here
    is_authenticated,
    is_civil_society,
    is_government,
    is_researcher,
    is_support_unit,
)
from ogp.countries.models import Country

__all__ = [
    "is_authenticated",
    "is_civil_society",
    "is_government",
    "is_government_of_object_country",
    "is_researcher",
    "is_support_unit",
    "object_country_id",
]


def object_country_id(obj: Any) -> int | None:
    """The country an object belongs to: a Country itself, or anything with `.country_id`."""
    if obj is None:
        return None
    if isinstance(obj, Country):
        return obj.pk
    return getattr(obj, "country_id", None)


@rules.predicate
def is_government_of_object_country(user: Any, obj: Any) -> bool:
    country_id = object_country_id(obj)
    return country_id is not None and is_government(user) and user.country_id == country_id
