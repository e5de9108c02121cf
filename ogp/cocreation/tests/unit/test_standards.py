from datetime import date

import pytest

from ogp.cocreation.domain.ledger import InputFact, ledger_summary
from ogp.cocreation.domain.standards import (
    OpportunityFact,
    StandardsFacts,
    StandardStatus,
    contrary_risks,
    evaluate_standards,
)

TODAY = date(2026, 6, 1)
M, R, N, X = (StandardStatus.MET, StandardStatus.AT_RISK, StandardStatus.NOT_MET,
              StandardStatus.NOT_ASSESSED)  # fmt: skip


def result(rule_set, code, **facts):
    facts.setdefault("today", TODAY)
    results = evaluate_standards(rule_set, StandardsFacts(**facts))
    return next(r for r in results if r.code == code)


@pytest.mark.parametrize(
    ("meetings", "status", "reason"),
    [((date(2026, 3, 1),), M, "forum_met"), ((date(2025, 12, 15),), R, "forum_due_soon"),
     ((date(2025, 11, 30),), N, "forum_missed"), ((), N, "forum_missed"),
     ((date(2026, 9, 1),), N, "forum_missed")],  # a scheduled meeting does not count
)  # fmt: skip
def test_forum_cadence(rules_2022, meetings, status, reason):
    r = result(rules_2022, "1.1", forum_established_on=date(2024, 1, 1),
               forum_meeting_dates=meetings)  # fmt: skip
    assert (r.status, r.reason) == (status, reason)


def test_new_forum_awaiting_first_meeting_is_at_risk(rules_2022):
    r = result(rules_2022, "1.1", forum_established_on=date(2026, 5, 1))
    assert (r.status, r.reason) == (R, "forum_awaiting_first")


def test_forum_missing(rules_2022):
    assert result(rules_2022, "1.1").reason == "no_forum"
    assert result(rules_2022, "1.1-rules").status is N
    assert result(rules_2022, "1.1-rules", forum_established_on=TODAY,
                  forum_rules_public=True).status is M  # fmt: skip
    assert (
        result(rules_2022, "1.1-rules", forum_established_on=TODAY).reason == "forum_rules_missing"
    )


@pytest.mark.parametrize(
    ("public", "starts", "status"),
    [(True, date(2026, 5, 1), M), (False, date(2026, 7, 1), R), (False, None, R),
     (False, date(2026, 6, 1), N), (False, date(2026, 5, 1), N)],
)  # fmt: skip
def test_public_website(rules_2022, public, starts, status):
    assert (
        result(rules_2022, "2.1", plan_public=public, co_creation_starts_on=starts).status is status
    )


def test_document_repository(rules_2022):
    assert result(rules_2022, "2.2", plan_public=True, public_document_dates=(TODAY,)).status is M
    assert result(rules_2022, "2.2", plan_public=False, public_document_dates=(TODAY,),
                  co_creation_starts_on=date(2026, 1, 1)).status is N  # fmt: skip
    assert result(rules_2022, "2.2", plan_public=True).status is R


@pytest.mark.parametrize(
    ("dates", "status"),
    [((date(2026, 5, 1), date(2025, 12, 1)), M), ((date(2026, 5, 1),), R),
     ((date(2025, 5, 1), date(2025, 6, 1)), N),  # older than a year
     ((date(2026, 5, 1), date(2026, 7, 1)), R)],  # future-dated does not count
)  # fmt: skip
def test_repository_updates(rules_2022, dates, status):
    r = result(rules_2022, "2.2-updates", public_document_dates=dates,
               co_creation_starts_on=date(2026, 1, 1))  # fmt: skip
    assert r.status is status
    assert not r.verified


STARTS = date(2026, 7, 1)


@pytest.mark.parametrize(
    ("timeline_on", "opportunities", "today", "status", "evidence"),
    [(date(2026, 6, 17), (), TODAY, M, ("timeline",)),
     (date(2026, 6, 18), (), TODAY, N, ("timeline",)),
     (None, (), date(2026, 6, 17), R, ("timeline",)),
     (None, (), date(2026, 6, 18), N, ("timeline",)),
     (date(2026, 5, 1), (OpportunityFact("opp:1", date(2026, 7, 10), date(2026, 7, 1), True),),
      TODAY, N, ("opp:1",)),
     (date(2026, 5, 1), (OpportunityFact("opp:1", date(2026, 7, 10), None, True),),
      TODAY, R, ("opp:1",)),
     (date(2026, 5, 1), (OpportunityFact("opp:1", date(2026, 7, 10), date(2026, 6, 26), True),),
      TODAY, M, ("timeline", "opp:1"))],
)  # fmt: skip
def test_advance_notice(rules_2022, timeline_on, opportunities, today, status, evidence):
    r = result(rules_2022, "3.1", today=today, timeline_published_on=timeline_on,
               co_creation_starts_on=STARTS, opportunities=opportunities)  # fmt: skip
    assert (r.status, r.evidence) == (status, evidence)


def test_advance_notice_without_timeline(rules_2022):
    assert result(rules_2022, "3.1").reason == "no_timeline"


def test_open_input(rules_2022):
    closed = OpportunityFact("opp:1", TODAY, TODAY, False)
    open_ = OpportunityFact("opp:2", TODAY, TODAY, True)
    assert result(rules_2022, "3.2", plan_public=True, opportunities=(closed, open_)).evidence == (
        "opp:2",
    )
    assert result(rules_2022, "3.2", plan_public=True, opportunities=(closed,),
                  co_creation_starts_on=date(2026, 1, 1)).status is N  # fmt: skip


@pytest.mark.parametrize(
    ("inputs", "submitted", "status", "reason"),
    [((), False, R, "no_inputs_yet"), ((), True, N, "no_inputs_yet"),
     ((InputFact("p:1", TODAY),), False, R, "inputs_unanswered"),
     ((InputFact("p:1", TODAY),), True, N, "inputs_unanswered"),
     ((InputFact("p:1", TODAY, "not_adopted", "No"),), True, M, "every_input_answered")],
)  # fmt: skip
def test_reasoned_response(rules_2022, inputs, submitted, status, reason):
    r = result(rules_2022, "4.1", ledger=ledger_summary(inputs, today=TODAY),
               plan_submitted=submitted)  # fmt: skip
    assert (r.status, r.reason) == (status, reason)


def test_assessed_items_and_overrides(rules_2022):
    assert result(rules_2022, "5.1").status is X
    assert result(rules_2022, "5.1", assessments={"5.1": M}).status is M
    overridden = result(rules_2022, "2.1", plan_public=True, assessments={"2.1": N})
    assert (overridden.status, overridden.reason) == (N, "assessed")
    assert "assessment" in overridden.evidence


def test_contrary_risks_and_order(rules_2022, legacy_2017):
    results = evaluate_standards(
        rules_2022, StandardsFacts(today=TODAY, co_creation_starts_on=date(2026, 1, 1))
    )
    assert [r.code for r in results] == [r.code for r in rules_2022.requirements]
    assert contrary_risks(results) == ("1.1", "2.1")
    legacy = evaluate_standards(legacy_2017, StandardsFacts(today=TODAY))
    assert [r.status for r in legacy] == [X, R]
