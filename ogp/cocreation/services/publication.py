"""Publication creates the public plan and its commitments in ``ogp.plans`` (when installed).

The ``plans`` app (ActionPlan, Commitment, Milestone) is built on another branch; until it is
merged this step records nothing more than the co-creation plan's own published state.
"""

from django.apps import apps

from ogp.accounts.models import User

from ..models import CoCreationPlan


def published_plan_create(*, acting_user: User, plan: CoCreationPlan) -> object | None:
    if not apps.is_installed("ogp.plans"):
        return None
    return None  # wired once ogp.plans lands (see the merge of branch `plans`)
