"""Participation predicates: forum roles and ownership."""

from typing import Any

import rules


def _forum_of(obj: Any):  # type: ignore[no-untyped-def]
    from .models import Forum

    if isinstance(obj, Forum):
        return obj
    return getattr(obj, "forum", None)


def _forum_role(user: Any, obj: Any) -> str | None:
    forum = _forum_of(obj)
    if forum is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return forum.memberships.filter(user=user).values_list("role", flat=True).first()


@rules.predicate
def is_forum_coordinator(user: Any, obj: Any) -> bool:
    return _forum_role(user, obj) == "coordinator"


@rules.predicate
def is_forum_member(user: Any, obj: Any) -> bool:
    return _forum_role(user, obj) is not None


@rules.predicate
def is_owner(user: Any, obj: Any) -> bool:
    return bool(
        obj is not None
        and getattr(user, "is_authenticated", False)
        and getattr(obj, "user_id", None) == user.pk
    )


@rules.predicate
def is_in_organisation(user: Any, obj: Any) -> bool:
    return bool(
        obj is not None
        and getattr(user, "is_authenticated", False)
        and user.organisation_id is not None
        and user.organisation_id == obj.pk
    )
