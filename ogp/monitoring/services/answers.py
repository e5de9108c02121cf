"""Answering a comment on a monitoring report: the co-creation ledger's rules and messages,
the audited write, and the e-mail telling the comment's author."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audited_update
from ogp.cocreation.domain.ledger import ResponseProblem, response_problems
from ogp.cocreation.models import DispositionChoices
from ogp.core.errors import ServiceError
from ogp.core.site import site_base_url
from ogp.engagement.services.answers import answer_notice_send

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


def comment_answer_save(
    *,
    acting_user: Any,
    comment: Any,
    action: AuditAction,
    disposition: str,
    reason: str,
    merged_into: Any | None,
    url: Callable[[Any], str],
) -> Any:
    """Check and store the answer to a report comment (audited), and tell its author once the
    answer is committed: "answered" the first time, "answer updated" when a stored answer
    changes, nothing when the same answer is saved again. ``url(comment)`` is the path where the
    answer is read (called in the author's language)."""
    disposition, reason, merged_into = answer_check(
        comment, disposition=disposition, reason=reason, merged_into=merged_into
    )
    before: tuple[object, ...] = ()

    def answer(row: Any) -> None:
        nonlocal before
        before = row.answer()
        row.disposition, row.reason, row.merged_into = disposition, reason, merged_into
        row.answered_by, row.answered_at = acting_user, timezone.now()

    stored = audited_update(
        acting_user=acting_user, instance=comment, action=action,
        fields=["disposition", "reason", "merged_into", "answered_by", "answered_at"],
        apply=answer,
    )  # fmt: skip
    report = stored.report

    def context() -> dict[str, object]:
        return {
            "what": f"{report.get_kind_display()}, {report.plan}",
            "excerpt": Truncator(stored.body).chars(600),
            "disposition": stored.get_disposition_display(),
            "reason": stored.reason,
            "url": f"{site_base_url()}{url(stored)}",
        }

    answer_notice_send(
        author=stored.author, answerer=acting_user, before=before, after=stored.answer(),
        context=context,
    )  # fmt: skip
    return stored
