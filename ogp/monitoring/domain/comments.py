"""Public comment on monitoring reports (self-assessments and IRM drafts): when comments are
accepted, when an answer is complete, and when the final version may be published.

- A comment period is stated by its first and last day, both included. Without both dates
  there is no period and no comment is accepted.
- An answer reuses the co-creation ledger's rules (``ogp.cocreation.domain.ledger``): a
  disposition *and* a written reason; "adopted" or "partly adopted" names what it changed (the
  section or commitment the comment is attached to), "merged" names another comment.
- The final version may be published only once the report was opened for comment, the period
  is over, and every comment has a complete answer (no public override, unlike the plan ledger:
  a report comments on finished work, so nothing justifies leaving a comment unanswered).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ogp.cocreation.domain.ledger import InputFact, LedgerSummary, Unanswered, ledger_summary


class PeriodState(enum.StrEnum):
    NOT_SET = "not_set"
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


def period_state(opens: date | None, closes: date | None, today: date) -> PeriodState:
    if opens is None or closes is None:
        return PeriodState.NOT_SET
    if today < opens:
        return PeriodState.NOT_YET_OPEN
    if today > closes:
        return PeriodState.CLOSED
    return PeriodState.OPEN


def comments_accepted(opens: date | None, closes: date | None, today: date) -> bool:
    return period_state(opens, closes, today) is PeriodState.OPEN


class PeriodProblem(enum.StrEnum):
    MISSING_DATE = "missing_date"
    ENDS_BEFORE_OPENS = "ends_before_opens"
    ENDS_IN_THE_PAST = "ends_in_the_past"


def period_problems(
    opens: date | None, closes: date | None, *, today: date
) -> tuple[PeriodProblem, ...]:
    """What is wrong with a period a report is being opened for (empty: nothing)."""
    if opens is None or closes is None:
        return (PeriodProblem.MISSING_DATE,)
    problems = []
    if closes < opens:
        problems.append(PeriodProblem.ENDS_BEFORE_OPENS)
    if closes < today:
        problems.append(PeriodProblem.ENDS_IN_THE_PAST)
    return tuple(problems)


class ReportState(enum.StrEnum):
    DRAFT = "draft"  # being written, not public
    IN_COMMENT = "in_comment"  # the draft is public and opened for comment
    PUBLISHED = "published"  # the final version is public


class PublishBlock(enum.StrEnum):
    ALREADY_PUBLISHED = "already_published"
    NOT_OPENED_FOR_COMMENT = "not_opened_for_comment"
    PERIOD_NOT_OVER = "period_not_over"
    UNANSWERED_COMMENTS = "unanswered_comments"


@dataclass(frozen=True)
class CommentFact:
    key: str  # the comment's stable reference
    received_on: date
    target: str  # what the comment is attached to, e.g. "section:introduction"
    disposition: str | None = None
    reason: str = ""
    merged_into: str | None = None
    hidden: bool = False

    def as_input(self) -> InputFact:
        # An adopted comment changed the part it is attached to: that is its link.
        return InputFact(
            key=self.key,
            received_on=self.received_on,
            disposition=self.disposition or None,
            reason=self.reason,
            linked_to=self.target,
            merged_into=self.merged_into,
            hidden=self.hidden,
        )


def comment_ledger(comments: Iterable[CommentFact], *, today: date) -> LedgerSummary:
    return ledger_summary((c.as_input() for c in comments), today=today)


@dataclass(frozen=True)
class PublishCheck:
    allowed: bool
    blocks: tuple[PublishBlock, ...]
    unanswered: tuple[Unanswered, ...]


def publish_check(
    *,
    state: ReportState | str,
    opens: date | None,
    closes: date | None,
    today: date,
    ledger: LedgerSummary,
) -> PublishCheck:
    """May the final version be published? Every reason it may not, in a stable order."""
    state = ReportState(state)
    if state is ReportState.PUBLISHED:
        return PublishCheck(False, (PublishBlock.ALREADY_PUBLISHED,), ())
    blocks: list[PublishBlock] = []
    if state is ReportState.DRAFT:
        blocks.append(PublishBlock.NOT_OPENED_FOR_COMMENT)
    elif period_state(opens, closes, today) is not PeriodState.CLOSED:
        blocks.append(PublishBlock.PERIOD_NOT_OVER)
    if not ledger.complete:
        blocks.append(PublishBlock.UNANSWERED_COMMENTS)
    return PublishCheck(not blocks, tuple(blocks), ledger.unanswered)
