"""Telling the author of a co-creation input (a proposal, a comment) that the ledger answered
it: through engagement's answer notice, in the author's language, once committed. Offline
input has no author to tell; a visitor's proposal is told at its confirmed address."""

from typing import Any

from django.utils.text import Truncator

from ogp.core.site import site_base_url
from ogp.engagement.services.answers import answer_notice_send

from ..models import LedgerEntry

ANSWER_FIELDS = (
    "disposition",
    "reason",
    "linked_commitment_id",
    "linked_milestone_id",
    "merged_into_id",
)


def ledger_answer(entry: LedgerEntry) -> tuple[object, ...]:
    """The parts of a response that make it "the same answer"."""
    return tuple(getattr(entry, name) for name in ANSWER_FIELDS)


def ledger_answer_notify(
    *, acting_user: Any, entry: LedgerEntry, before: tuple[object, ...]
) -> None:
    item: Any = entry.proposal or entry.comment
    if item is None:  # offline input: recorded by staff for someone without an account here
        return
    email = language = ""
    if entry.proposal is not None and entry.proposal.author_id is None:
        if not entry.proposal.is_confirmed:
            return
        email, language = entry.proposal.author_email, entry.proposal.language
    excerpt = entry.proposal.title if entry.proposal is not None else entry.comment.body  # type: ignore[union-attr]

    def context() -> dict[str, object]:
        return {
            "what": str(entry.plan),
            "excerpt": Truncator(excerpt).chars(600),
            "disposition": entry.get_disposition_display(),
            "reason": entry.reason,
            "url": f"{site_base_url()}{item.get_absolute_url()}",
        }

    answer_notice_send(
        author=item.author, answerer=acting_user, before=before, after=ledger_answer(entry),
        context=context, email=email, language=language,
    )  # fmt: skip
