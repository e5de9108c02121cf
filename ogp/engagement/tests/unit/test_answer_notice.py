"""When an input's author is told about its answer (pure rule)."""

import pytest

from ogp.engagement.domain.answers import AnswerNotice, answer_notice

ANSWER = ("adopted", "We did it.", None)


@pytest.mark.parametrize(
    ("before", "after", "author", "answerer", "address", "expected"),
    [
        (("", "", None), ANSWER, 1, 2, True, AnswerNotice.ANSWERED),
        ((), ANSWER, 1, 2, True, AnswerNotice.ANSWERED),
        (ANSWER, ANSWER, 1, 2, True, None),  # the same answer saved again
        (ANSWER, ("adopted", "We did more.", None), 1, 2, True, AnswerNotice.UPDATED),
        (ANSWER, ("merged", "Same as #4.", 4), 1, 2, True, AnswerNotice.UPDATED),
        (("", "", None), ANSWER, 1, 1, True, None),  # the author answered
        (("", "", None), ANSWER, None, 2, True, AnswerNotice.ANSWERED),  # a visitor
        (("", "", None), ANSWER, None, 2, False, None),  # nobody to tell
        (("", "", None), ("", "", None), 1, 2, True, None),  # still unanswered
    ],
)
def test_answer_notice(before, after, author, answerer, address, expected):
    assert (
        answer_notice(
            before=before,
            after=after,
            author_id=author,
            answerer_id=answerer,
            has_address=address,
        )  # fmt: skip
        is expected
    )
