"""Object predicates for monitoring reports."""

from typing import Any

import rules
from django.utils import timezone

from ogp.plans.predicates import is_assigned_researcher

from .domain.comments import comments_accepted


def _report_of(obj: Any) -> Any:
    """A self-assessment or IRM report, from itself or from one of its comments."""
    return getattr(obj, "report", obj)


@rules.predicate
def is_public_self_assessment(user: Any, obj: Any) -> bool:
    report = _report_of(obj)
    return bool(report is not None and report.is_public)


@rules.predicate
def is_irm_draft_in_comment(user: Any, obj: Any) -> bool:
    """The IRM report's comment period is open today (its draft is then public)."""
    report = _report_of(obj)
    if report is None:
        return False
    return comments_accepted(report.comment_opens, report.comment_closes, timezone.localdate())


@rules.predicate
def is_researcher_of_report(user: Any, obj: Any) -> bool:
    return bool(is_assigned_researcher(user, _report_of(obj)))
