"""The reasoned-response ledger: every input gets a disposition and a written reason.

An input counts as answered only when it has a disposition *and* a non-blank reason; an adopted
or partly adopted input must name what it became (a commitment or a milestone), a merged input
the input it was merged with (not itself). Inputs hidden by moderators leave the ledger: they are
counted apart and need no answer.

Submitting the final plan is refused while inputs are unanswered, unless the government states
publicly why (``override_reason``).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


class Disposition(enum.StrEnum):
    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly_adopted"
    MERGED = "merged"
    NOT_ADOPTED = "not_adopted"
    OUT_OF_SCOPE = "out_of_scope"


NEEDS_LINK = frozenset({Disposition.ADOPTED, Disposition.PARTLY_ADOPTED})


class ResponseProblem(enum.StrEnum):
    NO_DISPOSITION = "no_disposition"
    NO_REASON = "no_reason"
    NO_LINK = "no_link"  # adopted without the commitment or milestone it became
    NO_MERGE_TARGET = "no_merge_target"
    MERGED_WITH_ITSELF = "merged_with_itself"


def response_problems(
    *,
    key: str,
    disposition: Disposition | str | None,
    reason: str,
    linked_to: str | None = None,
    merged_into: str | None = None,
) -> tuple[ResponseProblem, ...]:
    """What is missing for this response to be a complete reasoned response (empty: nothing)."""
    problems: list[ResponseProblem] = []
    if not disposition:
        problems.append(ResponseProblem.NO_DISPOSITION)
    if not reason.strip():
        problems.append(ResponseProblem.NO_REASON)
    if disposition:
        kind = Disposition(disposition)
        if kind in NEEDS_LINK and not linked_to:
            problems.append(ResponseProblem.NO_LINK)
        if kind is Disposition.MERGED:
            if not merged_into:
                problems.append(ResponseProblem.NO_MERGE_TARGET)
            elif merged_into == key:
                problems.append(ResponseProblem.MERGED_WITH_ITSELF)
    return tuple(problems)


@dataclass(frozen=True)
class InputFact:
    key: str  # stable reference, e.g. "proposal:12"
    received_on: date
    disposition: Disposition | str | None = None
    reason: str = ""
    linked_to: str | None = None
    merged_into: str | None = None
    hidden: bool = False

    @property
    def problems(self) -> tuple[ResponseProblem, ...]:
        return response_problems(
            key=self.key,
            disposition=self.disposition,
            reason=self.reason,
            linked_to=self.linked_to,
            merged_into=self.merged_into,
        )

    @property
    def answered(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Unanswered:
    key: str
    received_on: date
    age_days: int
    problems: tuple[ResponseProblem, ...]


@dataclass(frozen=True)
class LedgerSummary:
    total: int  # inputs in the ledger (hidden ones excluded)
    answered: int
    hidden: int
    unanswered: tuple[Unanswered, ...]  # oldest first
    by_disposition: tuple[tuple[Disposition, int], ...]  # answered inputs, in enum order
    oldest_unanswered_days: int | None

    @property
    def coverage_percent(self) -> int | None:
        """Answered share, rounded down (99.6% is not 100%); None with no input at all."""
        if self.total == 0:
            return None
        return self.answered * 100 // self.total

    @property
    def complete(self) -> bool:
        return not self.unanswered


def ledger_summary(inputs: Iterable[InputFact], *, today: date) -> LedgerSummary:
    items = list(inputs)
    visible = [i for i in items if not i.hidden]
    unanswered = sorted(
        (
            Unanswered(i.key, i.received_on, max(0, (today - i.received_on).days), i.problems)
            for i in visible
            if not i.answered
        ),
        key=lambda u: (u.received_on, u.key),
    )
    counts = Counter(Disposition(i.disposition) for i in visible if i.answered and i.disposition)
    return LedgerSummary(
        total=len(visible),
        answered=len(visible) - len(unanswered),
        hidden=len(items) - len(visible),
        unanswered=tuple(unanswered),
        by_disposition=tuple((d, counts[d]) for d in Disposition if counts[d]),
        oldest_unanswered_days=unanswered[0].age_days if unanswered else None,
    )


class SubmissionBlock(enum.StrEnum):
    UNANSWERED_INPUTS = "unanswered_inputs"


@dataclass(frozen=True)
class SubmissionCheck:
    allowed: bool
    unanswered: tuple[Unanswered, ...]
    override_used: bool
    block: SubmissionBlock | None


def submission_check(summary: LedgerSummary, *, override_reason: str = "") -> SubmissionCheck:
    """May the final plan be submitted given the ledger? A public reason lifts the block."""
    if summary.complete:
        return SubmissionCheck(True, (), False, None)
    if override_reason.strip():
        return SubmissionCheck(True, summary.unanswered, True, None)
    return SubmissionCheck(False, summary.unanswered, False, SubmissionBlock.UNANSWERED_INPUTS)


@dataclass(frozen=True)
class LedgerCounts:
    """The figures pages show about a ledger, without the list of unanswered inputs (computed by
    the database for big ledgers; :func:`counts_of` gives the same figures from a summary)."""

    total: int
    answered: int
    hidden: int
    unanswered_count: int
    by_disposition: tuple[tuple[Disposition, int], ...]
    oldest_unanswered_days: int | None

    @property
    def coverage_percent(self) -> int | None:
        return None if self.total == 0 else self.answered * 100 // self.total

    @property
    def complete(self) -> bool:
        return self.unanswered_count == 0


def counts_of(summary: LedgerSummary) -> LedgerCounts:
    return LedgerCounts(
        total=summary.total,
        answered=summary.answered,
        hidden=summary.hidden,
        unanswered_count=len(summary.unanswered),
        by_disposition=summary.by_disposition,
        oldest_unanswered_days=summary.oldest_unanswered_days,
    )
