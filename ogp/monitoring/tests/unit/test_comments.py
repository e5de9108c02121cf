"""Pure rules of public comment: the period (boundaries included), answers, publication."""

from datetime import date, timedelta
from itertools import product

import pytest

from ogp.cocreation.domain.ledger import ResponseProblem
from ogp.monitoring.domain.comments import (
    CommentFact,
    PeriodProblem,
    PeriodState,
    PublishBlock,
    ReportState,
    comment_ledger,
    comments_accepted,
    period_problems,
    period_state,
    publish_check,
)

OPENS, CLOSES = date(2026, 3, 1), date(2026, 3, 15)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (OPENS - DAY, PeriodState.NOT_YET_OPEN),
        (OPENS, PeriodState.OPEN),
        (OPENS + DAY, PeriodState.OPEN),
        (CLOSES - DAY, PeriodState.OPEN),
        (CLOSES, PeriodState.OPEN),
        (CLOSES + DAY, PeriodState.CLOSED),
        (date(2027, 1, 1), PeriodState.CLOSED),
        (date(2020, 1, 1), PeriodState.NOT_YET_OPEN),
    ],
)
def test_period_boundaries_are_included(today, expected):
    assert period_state(OPENS, CLOSES, today) is expected
    assert comments_accepted(OPENS, CLOSES, today) is (expected is PeriodState.OPEN)


@pytest.mark.parametrize(("opens", "closes"), [(None, None), (OPENS, None), (None, CLOSES)])
def test_no_period_without_both_dates(opens, closes):
    for today in (OPENS - DAY, OPENS, CLOSES, CLOSES + DAY):
        assert period_state(opens, closes, today) is PeriodState.NOT_SET
        assert not comments_accepted(opens, closes, today)


def test_one_day_period():
    assert period_state(OPENS, OPENS, OPENS) is PeriodState.OPEN
    assert period_state(OPENS, OPENS, OPENS + DAY) is PeriodState.CLOSED
    assert period_state(OPENS, OPENS, OPENS - DAY) is PeriodState.NOT_YET_OPEN


@pytest.mark.parametrize(
    ("opens", "closes", "today", "expected"),
    [
        (None, CLOSES, OPENS, (PeriodProblem.MISSING_DATE,)),
        (OPENS, None, OPENS, (PeriodProblem.MISSING_DATE,)),
        (OPENS, CLOSES, OPENS, ()),
        (OPENS, CLOSES, CLOSES, ()),  # ends today: still allowed
        (OPENS, OPENS, OPENS, ()),
        (OPENS, CLOSES, CLOSES + DAY, (PeriodProblem.ENDS_IN_THE_PAST,)),
        (CLOSES, OPENS, OPENS, (PeriodProblem.ENDS_BEFORE_OPENS,)),
        (
            CLOSES,
            OPENS,
            CLOSES,
            (PeriodProblem.ENDS_BEFORE_OPENS, PeriodProblem.ENDS_IN_THE_PAST),
        ),
        (OPENS + DAY * 5, CLOSES, OPENS, ()),  # opening later is fine
    ],
)
def test_period_problems(opens, closes, today, expected):
    assert period_problems(opens, closes, today=today) == expected


def _comment(key, **kwargs):
    return CommentFact(key=key, received_on=OPENS, target="section:introduction", **kwargs)


ANSWERED = _comment("1", disposition="adopted", reason="We rewrote the paragraph.")
UNANSWERED = _comment("2")


def test_ledger_reuses_the_cocreation_rules():
    summary = comment_ledger(
        [
            ANSWERED,
            UNANSWERED,
            _comment("3", disposition="not_adopted", reason="  "),
            _comment("4", disposition="merged", reason="Same point."),
            _comment("5", disposition="merged", reason="Same point.", merged_into="5"),
            _comment("6", disposition="merged", reason="Same point.", merged_into="1"),
            _comment("7", reason="A reason without a disposition"),
        ],
        today=OPENS + DAY * 3,
    )
    assert summary.total == 7
    assert summary.answered == 2
    problems = {u.key: u.problems for u in summary.unanswered}
    assert problems["2"] == (ResponseProblem.NO_DISPOSITION, ResponseProblem.NO_REASON)
    assert problems["3"] == (ResponseProblem.NO_REASON,)
    assert problems["4"] == (ResponseProblem.NO_MERGE_TARGET,)
    assert problems["5"] == (ResponseProblem.MERGED_WITH_ITSELF,)
    assert problems["7"] == (ResponseProblem.NO_DISPOSITION,)
    assert summary.oldest_unanswered_days == 3


def test_adopted_comment_is_linked_to_its_target():
    # An adopted comment needs what it changed: the part it is attached to.
    assert ANSWERED.as_input().linked_to == "section:introduction"
    assert ANSWERED.as_input().answered


def test_hidden_comments_need_no_answer():
    summary = comment_ledger([_comment("9", hidden=True)], today=OPENS)
    assert summary.complete and summary.hidden == 1


STATES = list(ReportState)
TODAYS = [OPENS - DAY, OPENS, CLOSES, CLOSES + DAY]
LEDGERS = {"empty": [], "answered": [ANSWERED], "unanswered": [ANSWERED, UNANSWERED]}


@pytest.mark.parametrize(("state", "today", "ledger"), list(product(STATES, TODAYS, LEDGERS)))
def test_publish_check_every_combination(state, today, ledger):
    summary = comment_ledger(LEDGERS[ledger], today=today)
    check = publish_check(state=state, opens=OPENS, closes=CLOSES, today=today, ledger=summary)
    expected = []
    if state is ReportState.PUBLISHED:
        expected = [PublishBlock.ALREADY_PUBLISHED]
    else:
        if state is ReportState.DRAFT:
            expected.append(PublishBlock.NOT_OPENED_FOR_COMMENT)
        elif today <= CLOSES:
            expected.append(PublishBlock.PERIOD_NOT_OVER)
        if ledger == "unanswered":
            expected.append(PublishBlock.UNANSWERED_COMMENTS)
    assert check.blocks == tuple(expected)
    assert check.allowed is (not expected)
    if ledger == "unanswered" and state is not ReportState.PUBLISHED:
        assert [u.key for u in check.unanswered] == ["2"]


def test_publish_the_day_after_the_last_day():
    summary = comment_ledger([ANSWERED], today=CLOSES)
    on_last_day = publish_check(
        state="in_comment", opens=OPENS, closes=CLOSES, today=CLOSES, ledger=summary
    )
    next_day = publish_check(
        state="in_comment", opens=OPENS, closes=CLOSES, today=CLOSES + DAY, ledger=summary
    )
    assert not on_last_day.allowed and next_day.allowed


def test_publish_without_period_dates_is_refused():
    summary = comment_ledger([], today=CLOSES)
    check = publish_check(state="in_comment", opens=None, closes=None, today=CLOSES, ledger=summary)
    assert check.blocks == (PublishBlock.PERIOD_NOT_OVER,)
