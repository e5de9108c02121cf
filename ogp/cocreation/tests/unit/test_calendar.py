from datetime import date

import pytest

from ogp.cocreation.domain.calendar import (
    DeliveryStatus,
    DueBasis,
    DueDatesError,
    add_months,
    delivery,
    next_window,
    on_day,
    plan_due_dates,
    plan_end_date,
    whole_months_between,
)
from ogp.cocreation.domain.rulesets import MonthDay

D = date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(D(2025, 8, 31), 4, D(2025, 12, 31)), (D(2025, 8, 31), 6, D(2026, 2, 28)),
     (D(2023, 8, 31), 6, D(2024, 2, 29)), (D(2025, 1, 15), 12, D(2026, 1, 15)),
     (D(2025, 3, 31), -1, D(2025, 2, 28))],
)  # fmt: skip
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_on_day_falls_back_in_common_years():
    assert on_day(2025, MonthDay(2, 29)) == D(2025, 2, 28)
    assert on_day(2024, MonthDay(2, 29)) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [(D(2025, 1, 1), D(2026, 8, 31), 19), (D(2025, 1, 1), D(2026, 9, 1), 20),
     (D(2025, 1, 31), D(2025, 2, 28), 1), (D(2025, 5, 1), D(2025, 5, 1), 0),
     (D(2025, 5, 2), D(2025, 5, 1), 0), (D(2026, 9, 1), D(2025, 1, 1), -20)],
)  # fmt: skip
def test_whole_months_between(start, end, months):
    assert whole_months_between(start, end) == months


class TestLegacy2017:
    def dues(self, rule):
        return plan_due_dates(rule.delivery, cohort_year=2018)

    def test_due_31_august_grace_to_31_december(self, legacy_2017):
        dues = self.dues(legacy_2017)
        assert (dues.basis, dues.due, dues.late_until) == (
            DueBasis.COHORT, D(2018, 8, 31), D(2018, 12, 31),
        )  # fmt: skip

    @pytest.mark.parametrize(
        ("published", "status", "days_late", "moves"),
        [(D(2018, 8, 30), DeliveryStatus.ON_TIME, 0, False),
         (D(2018, 8, 31), DeliveryStatus.ON_TIME, 0, False),
         (D(2018, 9, 1), DeliveryStatus.LATE, 1, False),
         (D(2018, 12, 31), DeliveryStatus.LATE, 122, False),
         (D(2019, 1, 1), DeliveryStatus.CONTRARY, 123, True)],
    )  # fmt: skip
    def test_published(self, legacy_2017, published, status, days_late, moves):
        # The plan keeps its end date, 31 August two years later.
        result = delivery(
            legacy_2017.delivery, self.dues(legacy_2017), published_on=published,
            plan_end=D(2020, 8, 31), today=D(2021, 1, 1),
        )  # fmt: skip
        assert (result.status, result.days_late, result.moves_cohort) == (status, days_late, moves)
        assert result.contrary_to_process is (status is DeliveryStatus.CONTRARY)
        assert result.is_late is (days_late > 0)

    def test_late_plan_with_less_than_twenty_months_is_contrary(self, legacy_2017):
        result = delivery(
            legacy_2017.delivery, self.dues(legacy_2017), published_on=D(2018, 12, 1),
            plan_end=D(2020, 7, 31), today=D(2019, 1, 1),
        )  # fmt: skip
        assert result.implementation_months == 19
        assert result.short_implementation
        assert result.status is DeliveryStatus.CONTRARY

    def test_exactly_twenty_months_is_enough(self, legacy_2017):
        result = delivery(
            legacy_2017.delivery, self.dues(legacy_2017), published_on=D(2018, 12, 31),
            plan_end=D(2020, 8, 31), today=D(2019, 1, 1),
        )  # fmt: skip
        assert result.implementation_months == 20
        assert result.status is DeliveryStatus.LATE

    @pytest.mark.parametrize(
        ("today", "status"),
        [(D(2018, 7, 1), DeliveryStatus.PENDING), (D(2018, 8, 1), DeliveryStatus.DUE_SOON),
         (D(2018, 8, 31), DeliveryStatus.DUE_SOON), (D(2018, 9, 1), DeliveryStatus.OVERDUE),
         (D(2018, 12, 31), DeliveryStatus.OVERDUE),
         (D(2019, 1, 1), DeliveryStatus.OVERDUE_CONTRARY)],
    )  # fmt: skip
    def test_unpublished(self, legacy_2017, today, status):
        result = delivery(
            legacy_2017.delivery, self.dues(legacy_2017), published_on=None, plan_end=None,
            today=today,
        )  # fmt: skip
        assert result.status is status
        assert result.moves_cohort is (status is DeliveryStatus.OVERDUE_CONTRARY)

    def test_cohort_year_required(self, legacy_2017):
        with pytest.raises(DueDatesError, match="cohort_year"):
            plan_due_dates(legacy_2017.delivery)


class TestLegacy2015:
    def test_due_30_june_no_grace(self, legacy_2015):
        dues = plan_due_dates(legacy_2015.delivery, cohort_year=2016)
        assert (dues.due, dues.late_until) == (D(2016, 6, 30), D(2016, 6, 30))
        on_time = delivery(legacy_2015.delivery, dues, published_on=D(2016, 6, 30),
                           plan_end=D(2018, 6, 30), today=D(2017, 1, 1))  # fmt: skip
        late = delivery(legacy_2015.delivery, dues, published_on=D(2016, 7, 1),
                        plan_end=D(2018, 6, 30), today=D(2017, 1, 1))  # fmt: skip
        assert on_time.status is DeliveryStatus.ON_TIME
        assert late.status is DeliveryStatus.CONTRARY


class TestRules2022:
    def dues(self, rule, end=None):
        return plan_due_dates(rule.delivery, previous_plan_end=end or D(2024, 6, 30))

    def test_expected_at_next_window_contrary_after_twelve_months(self, rules_2022):
        dues = self.dues(rules_2022)
        assert (dues.basis, dues.due, dues.late_until) == (
            DueBasis.PREVIOUS_PLAN, D(2024, 8, 31), D(2025, 6, 30),
        )  # fmt: skip

    @pytest.mark.parametrize(
        ("end", "due"),
        [(D(2024, 8, 31), D(2024, 8, 31)), (D(2024, 9, 1), D(2024, 12, 31)),
         (D(2024, 12, 31), D(2024, 12, 31)), (D(2025, 1, 1), D(2025, 8, 31))],
    )  # fmt: skip
    def test_windows(self, rules_2022, end, due):
        assert self.dues(rules_2022, end).due == due

    @pytest.mark.parametrize(
        ("published", "status"),
        [(D(2024, 8, 31), DeliveryStatus.ON_TIME), (D(2024, 9, 1), DeliveryStatus.LATE),
         (D(2025, 6, 30), DeliveryStatus.LATE), (D(2025, 7, 1), DeliveryStatus.CONTRARY)],
    )  # fmt: skip
    def test_published(self, rules_2022, published, status):
        result = delivery(rules_2022.delivery, self.dues(rules_2022), published_on=published,
                          plan_end=D(2028, 8, 31), today=D(2026, 1, 1))  # fmt: skip
        assert result.status is status
        assert not result.moves_cohort  # the 2022 rules have no cohorts
        assert not result.short_implementation  # no minimum under these rules

    @pytest.mark.parametrize(
        ("today", "status"),
        [(D(2024, 7, 1), DeliveryStatus.PENDING), (D(2024, 8, 1), DeliveryStatus.DUE_SOON),
         (D(2025, 6, 30), DeliveryStatus.OVERDUE),
         (D(2025, 7, 1), DeliveryStatus.OVERDUE_CONTRARY)],
    )  # fmt: skip
    def test_unpublished(self, rules_2022, today, status):
        result = delivery(rules_2022.delivery, self.dues(rules_2022), published_on=None,
                          plan_end=None, today=today)  # fmt: skip
        assert result.status is status
        assert not result.moves_cohort

    def test_previous_end_required(self, rules_2022):
        with pytest.raises(DueDatesError, match="previous_plan_end"):
            plan_due_dates(rules_2022.delivery)

    def test_four_year_plans_allowed(self, rules_2022, legacy_2017):
        assert plan_end_date(D(2025, 1, 1), 4, rules_2022.delivery) == D(2028, 12, 31)
        assert plan_end_date(D(2024, 9, 1), 2, rules_2022.delivery) == D(2026, 8, 31)
        with pytest.raises(DueDatesError, match="4-year"):
            plan_end_date(D(2025, 1, 1), 4, legacy_2017.delivery)


@pytest.mark.parametrize("code", ["legacy_2015", "legacy_2017", "rules_2022"])
@pytest.mark.parametrize(
    ("letter", "due"),
    [(D(2025, 1, 2), D(2026, 3, 31)), (D(2025, 12, 31), D(2026, 3, 31))],
)  # fmt: skip
def test_first_plan_due_31_march_next_year(request, code, letter, due):
    rule = request.getfixturevalue(code).delivery
    dues = plan_due_dates(rule, letter_received=letter, cohort_year=2030)
    assert (dues.basis, dues.due) == (DueBasis.FIRST_PLAN, due)


def test_first_plan_late_under_2022_is_never_contrary(rules_2022):
    dues = plan_due_dates(rules_2022.delivery, letter_received=D(2025, 5, 1))
    result = delivery(rules_2022.delivery, dues, published_on=D(2027, 1, 1), plan_end=None,
                      today=D(2027, 1, 1))  # fmt: skip
    assert result.status is DeliveryStatus.LATE


def test_previous_plan_wins_over_letter(rules_2022):
    dues = plan_due_dates(
        rules_2022.delivery, letter_received=D(2020, 1, 1), previous_plan_end=D(2024, 6, 30)
    )
    assert dues.basis is DueBasis.PREVIOUS_PLAN


def test_next_window_wraps_to_next_year():
    assert next_window(D(2025, 9, 1), (MonthDay(8, 31),)) == D(2026, 8, 31)
