from datetime import date

import pytest

from ogp.cocreation.domain.ledger import (
    Disposition,
    InputFact,
    ResponseProblem,
    SubmissionBlock,
    ledger_summary,
    response_problems,
    submission_check,
)

TODAY = date(2026, 6, 1)
P = ResponseProblem


@pytest.mark.parametrize(
    ("disposition", "reason", "linked", "merged", "problems"),
    [(None, "", None, None, (P.NO_DISPOSITION, P.NO_REASON)),
     (None, "why", None, None, (P.NO_DISPOSITION,)),
     ("not_adopted", "  ", None, None, (P.NO_REASON,)),
     ("not_adopted", "Too costly", None, None, ()),
     ("out_of_scope", "Local matter", None, None, ()),
     ("adopted", "Yes", None, None, (P.NO_LINK,)),
     ("adopted", "Yes", "commitment:3", None, ()),
     ("partly_adopted", "Part", None, None, (P.NO_LINK,)),
     ("partly_adopted", "Part", "milestone:9", None, ()),
     ("merged", "Same idea", None, None, (P.NO_MERGE_TARGET,)),
     ("merged", "Same idea", None, "proposal:1", (P.MERGED_WITH_ITSELF,)),
     ("merged", "Same idea", None, "proposal:2", ())],
)  # fmt: skip
def test_response_problems(disposition, reason, linked, merged, problems):
    got = response_problems(key="proposal:1", disposition=disposition, reason=reason,
                            linked_to=linked, merged_into=merged)  # fmt: skip
    assert got == problems


def test_summary_counts_ages_and_coverage():
    inputs = [
        InputFact("proposal:1", date(2026, 5, 1), "not_adopted", "Too costly"),
        InputFact("proposal:2", date(2026, 5, 20)),
        InputFact("comment:3", date(2026, 4, 1), "adopted", "Yes"),  # no link: unanswered
        InputFact("offline:4", date(2026, 5, 25), "adopted", "Yes", linked_to="commitment:1"),
        InputFact("comment:5", date(2026, 5, 1), hidden=True),
    ]
    summary = ledger_summary(inputs, today=TODAY)
    assert (summary.total, summary.answered, summary.hidden) == (4, 2, 1)
    assert [u.key for u in summary.unanswered] == ["comment:3", "proposal:2"]
    assert [u.age_days for u in summary.unanswered] == [61, 12]
    assert summary.oldest_unanswered_days == 61
    assert summary.coverage_percent == 50
    assert dict(summary.by_disposition) == {Disposition.ADOPTED: 1, Disposition.NOT_ADOPTED: 1}
    assert not summary.complete


def test_coverage_rounds_down_and_empty_ledger():
    inputs = [InputFact(f"p:{i}", TODAY, "not_adopted", "r") for i in range(299)]
    inputs.append(InputFact("p:x", TODAY))
    assert ledger_summary(inputs, today=TODAY).coverage_percent == 99
    empty = ledger_summary([], today=TODAY)
    assert (empty.coverage_percent, empty.complete, empty.oldest_unanswered_days) == (
        None,
        True,
        None,
    )


def test_future_dated_input_has_age_zero():
    summary = ledger_summary([InputFact("p:1", date(2026, 6, 5))], today=TODAY)
    assert summary.unanswered[0].age_days == 0


def test_submission_check():
    blocked = ledger_summary([InputFact("p:1", TODAY)], today=TODAY)
    refused = submission_check(blocked)
    assert (refused.allowed, refused.block) == (False, SubmissionBlock.UNANSWERED_INPUTS)
    assert [u.key for u in refused.unanswered] == ["p:1"]
    assert not submission_check(blocked, override_reason="   ").allowed
    override = submission_check(blocked, override_reason="Received after the deadline")
    assert (override.allowed, override.override_used) == (True, True)
    done = submission_check(ledger_summary([], today=TODAY), override_reason="ignored")
    assert (done.allowed, done.override_used) == (True, False)
