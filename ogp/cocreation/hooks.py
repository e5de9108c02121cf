"""What co-creation answers to hooks of the apps below it (declared on CocreationConfig)."""

from collections.abc import Mapping
from typing import Any

from .models import CoCreationPlan, PlanDocument


def plan_process_facts(plan: Any) -> Mapping[str, Any]:
    """The ``plan_process_facts`` hook: a plan co-created here whose document repository
    (Standard 2.2) holds at least one document has a repository. An empty repository proves
    nothing (the country may keep one elsewhere): the fact is then left to the IRM."""
    cocreation = CoCreationPlan.objects.filter(action_plan=plan).values_list("pk", flat=True)
    if PlanDocument.objects.filter(plan_id__in=cocreation).exists():
        return {"has_repository": True}
    return {}
