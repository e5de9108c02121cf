"""'Contrary to process' triggers under the 2017-2021 and the 2022 rules, consecutive cycles."""

from datetime import date

import pytest

from ogp.plans.domain.contrary import (
    PlanFacts,
    Trigger,
    add_months,
    consecutive_contrary,
    evaluate,
    load_rules,
    longest_streak,
    procedural_review_due,
)

RULES = load_rules()
TODAY = date(2026, 6, 1)
DUE_2018 = date(2018, 8, 31)  # legacy delivery date, 2017-2021 rules


def triggers(facts, today=TODAY):
    return {f.trigger for f in evaluate(RULES, facts, today)}


def test_versions_in_force():
    assert RULES.version_on(date(2016, 12, 31)) is None
    assert RULES.version_on(date(2017, 1, 1)).code == "2017-2021"
    assert RULES.version_on(date(2021, 12, 31)).code == "2017-2021"
    assert RULES.version_on(date(2022, 1, 1)).code == "2022"


def test_add_months_clamps():
    assert add_months(date(2018, 8, 31), 4) == date(2018, 12, 31)
    assert add_months(date(2019, 10, 31), 4) == date(2020, 2, 29)
    assert add_months(date(2021, 6, 30), 12) == date(2022, 6, 30)


# 2017-2021: late plan (more than 4 months after the due date)
@pytest.mark.parametrize(
    ("published", "late"),
    [(date(2018, 8, 31), False), (date(2018, 12, 31), False), (date(2019, 1, 1), True)],
)
def test_late_plan_boundary(published, late):
    facts = PlanFacts("p", due=DUE_2018, published_on=published)
    assert (Trigger.LATE_PLAN in triggers(facts)) is late


def test_unpublished_plan_late_only_after_the_deadline():
    facts = PlanFacts("p", due=DUE_2018)
    assert Trigger.LATE_PLAN not in triggers(facts, today=date(2018, 12, 31))
    found = evaluate(RULES, facts, date(2019, 1, 1))
    assert [f.trigger for f in found] == [Trigger.LATE_PLAN]
    assert found[0].on == date(2019, 1, 1) and found[0].rule_version == "2017-2021"


@pytest.mark.parametrize(
    ("development", "implementation", "expected"),
    [("involve", "inform", False), ("collaborate", "consult", False),
     ("consult", "inform", True), ("involve", "none", True), ("inform", "none", True),
     (None, None, False), (None, "none", True)],
)  # fmt: skip
def test_participation_minimum(development, implementation, expected):
    facts = PlanFacts(
        "p", due=DUE_2018, published_on=DUE_2018, iap2_development=development,
        iap2_implementation=implementation,
    )  # fmt: skip
    assert (Trigger.PARTICIPATION_BELOW_MINIMUM in triggers(facts)) is expected


def test_unknown_iap2_level_is_an_error():
    with pytest.raises(ValueError):
        evaluate(RULES, PlanFacts("p", due=DUE_2018, iap2_development="shout"), TODAY)


@pytest.mark.parametrize(("repository", "expected"), [(False, True), (True, False), (None, False)])
def test_no_repository(repository, expected):
    facts = PlanFacts("p", due=DUE_2018, published_on=DUE_2018, has_repository=repository)
    assert (Trigger.NO_REPOSITORY in triggers(facts)) is expected


@pytest.mark.parametrize(
    ("levels", "expected"),
    [(("not_started", "not_started"), True), (("not_started", "limited"), False),
     (("no_evidence", "withdrawn", "not_started"), True), ((), False), (None, False),
     (("not_started", None), False)],
)  # fmt: skip
@pytest.mark.parametrize("due", [DUE_2018, date(2022, 8, 31)])
def test_no_progress_both_versions(levels, expected, due):
    facts = PlanFacts("p", due=due, published_on=due, irm_completion=levels)
    assert (Trigger.NO_PROGRESS in triggers(facts)) is expected


def test_2022_rules_do_not_apply_legacy_triggers():
    facts = PlanFacts(
        "p", due=date(2022, 8, 31), published_on=date(2023, 6, 1), has_repository=False,
        iap2_development="inform",
    )  # fmt: skip
    assert triggers(facts) == set()


def test_legacy_rules_do_not_apply_2022_triggers():
    facts = PlanFacts(
        "p", due=DUE_2018, published_on=DUE_2018, minimum_requirements_met=False,
        previous_plan_end=date(2016, 6, 30),
    )  # fmt: skip
    assert triggers(facts) == set()


PREVIOUS_END = date(2022, 6, 30)


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2023, 6, 30), False), (date(2023, 7, 1), True), (date(2022, 9, 1), False)],
)
def test_no_plan_within_twelve_months(published, expected):
    facts = PlanFacts("p", previous_plan_end=PREVIOUS_END, published_on=published)
    assert (Trigger.NO_PLAN_WITHIN_MONTHS in triggers(facts)) is expected


def test_no_plan_yet():
    facts = PlanFacts("p", previous_plan_end=PREVIOUS_END)
    assert triggers(facts, today=date(2023, 6, 30)) == set()
    found = evaluate(RULES, facts, date(2023, 7, 1))
    assert [f.trigger for f in found] == [Trigger.NO_PLAN_WITHIN_MONTHS]
    assert "2023-06-30" in found[0].evidence


@pytest.mark.parametrize(("met", "expected"), [(False, True), (True, False), (None, False)])
def test_minimum_requirements(met, expected):
    facts = PlanFacts(
        "p", due=date(2024, 8, 31), published_on=date(2024, 8, 1), minimum_requirements_met=met
    )
    assert (Trigger.MINIMUM_REQUIREMENTS_NOT_MET in triggers(facts)) is expected


def test_several_triggers_at_once_with_evidence():
    facts = PlanFacts(
        "p", due=date(2022, 8, 31), published_on=date(2022, 8, 1),
        previous_plan_end=date(2020, 8, 31), minimum_requirements_met=False,
        irm_completion=("not_started",),
    )  # fmt: skip
    found = evaluate(RULES, facts, TODAY)
    assert {f.trigger for f in found} == {
        Trigger.NO_PLAN_WITHIN_MONTHS, Trigger.MINIMUM_REQUIREMENTS_NOT_MET, Trigger.NO_PROGRESS,
    }  # fmt: skip
    assert all(f.rule_version == "2022" and f.evidence for f in found)


def test_no_dates_no_findings():
    assert evaluate(RULES, PlanFacts("p", has_repository=False), TODAY) == []


def test_before_any_rule_version():
    assert evaluate(RULES, PlanFacts("p", due=date(2014, 8, 31), has_repository=False), TODAY) == []


@pytest.mark.parametrize(
    ("cycles", "count", "review"),
    [([], 0, False), ([True], 1, False), ([True, True], 2, True), ([True, False], 0, False),
     ([False, True, True], 2, True), ([True, True, False, True], 1, False),
     ([True, True, True], 3, True), ([False, False], 0, False)],
)  # fmt: skip
def test_consecutive_cycles(cycles, count, review):
    assert consecutive_contrary(cycles) == count
    assert procedural_review_due(RULES, cycles) is review


def test_longest_streak():
    assert longest_streak([True, True, False, True]) == 2
    assert longest_streak([]) == 0
