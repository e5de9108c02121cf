"""Object predicates for plans: who belongs to a commitment's country or co-owns it."""

from typing import Any

import rules

from ogp.accounts.predicates import is_civil_society, is_researcher


def _commitment_of(obj: Any) -> Any:
    from .models import Commitment, Milestone, ProgressUpdate

    if isinstance(obj, Commitment):
        return obj
    if isinstance(obj, Milestone):
        return obj.commitment
    if isinstance(obj, ProgressUpdate):
        return obj.milestone.commitment
    return None


@rules.predicate
def is_civil_society_of_commitment(user: Any, obj: Any) -> bool:
    """A civil-society member whose organisation co-owns the commitment, or works in its
    country (forum members and civil society of the country may confirm or dispute)."""
    commitment = _commitment_of(obj)
    if commitment is None or not is_civil_society(user) or user.organisation_id is None:
        return False
    if commitment.institutions.filter(organisation_id=user.organisation_id).exists():
        return True
    return bool(user.organisation.country_id == commitment.plan.country_id)


@rules.predicate
def is_update_author(user: Any, obj: Any) -> bool:
    return bool(getattr(obj, "author_id", None) and obj.author_id == getattr(user, "pk", None))


@rules.predicate
def is_assigned_researcher(user: Any, report: Any) -> bool:
    """A researcher assigned to this IRM report (only they edit its draft)."""
    if report is None or not is_researcher(user):
        return False
    return bool(report.researchers.filter(pk=user.pk).exists())


@rules.predicate
def is_published(user: Any, report: Any) -> bool:
    return bool(report is not None and report.version > 0)
