"""When the author of an input is told it was answered: the first answer ("answered"), a
changed answer ("answer updated"), never the same answer twice, never when the author answered
their own input, never without someone to tell."""

from __future__ import annotations

import enum
from collections.abc import Sequence


class AnswerNotice(enum.StrEnum):
    ANSWERED = "answered"
    UPDATED = "updated"


def answer_notice(
    *,
    before: Sequence[object],
    after: Sequence[object],
    author_id: int | None,
    answerer_id: int | None,
    has_address: bool,
) -> AnswerNotice | None:
    """`before` and `after` are the stored answer's parts (disposition first, then the reason
    and whatever else names the answer); an empty disposition means "not answered yet"."""
    if not has_address or not after or not after[0]:
        return None
    if author_id is not None and author_id == answerer_id:
        return None
    if not before or not before[0]:
        return AnswerNotice.ANSWERED
    if tuple(before) == tuple(after):
        return None
    return AnswerNotice.UPDATED
