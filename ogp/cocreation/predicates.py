"""Object predicates for co-creation permissions. Objects are a plan, or anything that
belongs to one (version, proposal, comment, ledger entry, opportunity), or a shadow plan."""

from typing import Any

import rules

from ogp.accounts.predicates import is_authenticated, is_government, is_support_unit

from .domain.plan_state import PUBLIC, PlanState


def plan_of(obj: Any) -> Any:
    """The CoCreationPlan an object belongs to (None for shadow-plan objects and None)."""
    from .models import CoCreationPlan

    if obj is None or isinstance(obj, CoCreationPlan):
        return obj
    for attribute in ("plan", "version", "proposal", "comment"):
        related = getattr(obj, attribute, None)
        if related is not None:
            return plan_of(related)
    return None


def shadow_of(obj: Any) -> Any:
    from .models import ShadowPlan

    if isinstance(obj, ShadowPlan):
        return obj
    version = getattr(obj, "version", None) or (obj if hasattr(obj, "shadow_plan_id") else None)
    return getattr(version, "shadow_plan", None) if version is not None else None


@rules.predicate
def is_plan_government(user: Any, obj: Any) -> bool:
    plan = plan_of(obj)
    return bool(plan and is_government(user) and user.country_id == plan.country_id)


@rules.predicate
def is_plan_forum_coordinator(user: Any, obj: Any) -> bool:
    plan = plan_of(obj)
    if not (plan and plan.forum_id and is_authenticated(user)):
        return False
    return plan.forum.memberships.filter(user=user, role="coordinator").exists()


@rules.predicate
def plan_is_public(user: Any, obj: Any) -> bool:
    plan = plan_of(obj)
    return bool(plan and PlanState(plan.state) in PUBLIC)


@rules.predicate
def plan_accepts_proposals(user: Any, obj: Any) -> bool:
    plan = plan_of(obj)
    return bool(plan and plan.state == PlanState.CO_CREATION and plan.proposals_open)


@rules.predicate
def plan_accepts_anonymous_proposals(user: Any, obj: Any) -> bool:
    plan = plan_of(obj)
    return bool(plan_accepts_proposals(user, obj) and plan.anonymous_proposals)


@rules.predicate
def version_is_published(user: Any, obj: Any) -> bool:
    return bool(getattr(obj, "published_at", None))


@rules.predicate
def is_shadow_editor(user: Any, obj: Any) -> bool:
    shadow = shadow_of(obj)
    return bool(shadow and is_authenticated(user) and shadow.editors.filter(pk=user.pk).exists())


@rules.predicate
def shadow_is_published(user: Any, obj: Any) -> bool:
    shadow = shadow_of(obj)
    return bool(shadow and shadow.published_at)


@rules.predicate
def is_author(user: Any, obj: Any) -> bool:
    return bool(is_authenticated(user) and getattr(obj, "author_id", None) == user.pk)


can_see_unpublished = is_support_unit | is_plan_government
