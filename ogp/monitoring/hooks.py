"""What monitoring answers to hooks of the apps below it (declared on MonitoringConfig)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ogp.core.hooks import FollowTarget

from .models import SelfAssessment
from .selectors import irm_comment_ledger


def follow_targets() -> list[FollowTarget]:
    """A self-assessment can be followed once public (open for comment, or published): its
    followers' digests tell them when the comment period changes and when the final version is
    published. (Its opening for comment reaches the followers of its country.)"""
    return [
        FollowTarget(
            kind="self-assessment", model=SelfAssessment, key="pk", label=_("self-assessment"),
            followable=lambda user, report: report.is_public,
        )
    ]  # fmt: skip


def irm_report_publish_refusals(report: Any) -> list[str]:
    """The ``irm_report_publish_refusals`` hook: an IRM report is published only once every
    comment on its draft has an answer with a reason (the same rule as self-assessments)."""
    ledger = irm_comment_ledger(report, today=timezone.localdate())
    if ledger.complete:
        return []
    count = len(ledger.unanswered)
    return [
        ngettext(
            "%(count)s comment on the draft has no answer with a reason yet: answer every "
            "comment before publishing.",
            "%(count)s comments on the draft have no answer with a reason yet: answer every "
            "comment before publishing.",
            count,
        )
        % {"count": count}
    ]
