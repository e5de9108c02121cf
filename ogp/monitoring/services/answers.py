"""Answering a comment on a monitoring report: the co-creation ledger's rules and messages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ogp.cocreation.domain.ledger import ResponseProblem, response_problems
from ogp.cocreation.models import DispositionChoices
from ogp.core.errors import ServiceError

PROBLEM_MESSAGES = {
    ResponseProblem.NO_DISPOSITION: lambda: _("Choose a disposition."),
    ResponseProblem.NO_REASON: lambda: _("Give the reason for this answer; it is shown publicly."),
    ResponseProblem.NO_LINK: lambda: _("An adopted comment must be attached to what it changed."),
    ResponseProblem.NO_MERGE_TARGET: lambda: _("Choose the comment this one was merged with."),
    ResponseProblem.MERGED_WITH_ITSELF: lambda: _("A comment cannot be merged with itself."),
}


def answer_check(
    comment: Any, *, disposition: str, reason: str, merged_into: Any | None
) -> tuple[str, str, Any | None]:
    """The cleaned answer, or a ServiceError naming every missing part."""
    if disposition and disposition not in DispositionChoices.values:
        raise ServiceError(_("Choose a disposition."))
    if merged_into is not None and merged_into.report_id != comment.report_id:
        raise ServiceError(_("Choose a comment on the same report."))
    if disposition != DispositionChoices.MERGED:
        merged_into = None
    problems = response_problems(
        key=str(comment.pk),
        disposition=disposition or None,
        reason=reason,
        linked_to=comment.target,
        merged_into=str(merged_into.pk) if merged_into is not None else None,
    )
    if problems:
        raise ServiceError([PROBLEM_MESSAGES[p]() for p in problems])
    return disposition, reason.strip(), merged_into
