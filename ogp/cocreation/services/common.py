"""Helpers shared by the co-creation services."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ogp.accounts.models import Role
from ogp.core.errors import ServiceError

from ..domain.plan_state import PlanActor


def require_perm(user: Any, perm: str, obj: Any = None) -> None:
    """Services check permissions too, so no caller can skip them."""
    if not (user is not None and user.has_perm(perm, obj)):
        raise PermissionDenied(perm)


def plan_actor(user: Any) -> PlanActor:
    if getattr(user, "role", None) == Role.SUPPORT_UNIT:
        return PlanActor.SUPPORT_UNIT
    return PlanActor.GOVERNMENT


def require_editable(plan: Any) -> None:
    if not plan.is_editable:
        raise ServiceError(
            _("This plan can no longer be changed: it is %(state)s.")
            % {"state": plan.get_state_display()}
        )


def plan_touch(plan_id: int | None) -> None:
    """Mark the plan's public pages as changed (see views/common.py: visitor_page_cache)."""
    if plan_id is None:
        return
    from django.db.models import F

    from ..models import CoCreationPlan

    CoCreationPlan.objects.filter(pk=plan_id).update(revision=F("revision") + 1)
