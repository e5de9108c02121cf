import copy
from fractions import Fraction

import pytest

from ogp.eligibility.domain.model import CRITERIA_ORDER
from ogp.eligibility.domain.rulesets import (
    RuleSetError,
    ruleset_for_year,
    ruleset_from_dict,
    ruleset_to_dict,
    shipped_rulesets,
)

from .helpers import RS_2011, RS_2014, RS_2017, RS_2023, RULESETS


def test_shipped_history_covers_every_year_from_2011_without_overlap():
    assert [r.code for r in RULESETS] == ["ogp-2011", "ogp-2014", "ogp-2017", "ogp-2023"]
    for year in range(2011, 2031):
        assert len([r for r in RULESETS if r.applies_to(year)]) == 1
    assert ruleset_for_year(RULESETS, 2010) is None
    assert ruleset_for_year(RULESETS, 2013).code == "ogp-2011"
    assert ruleset_for_year(RULESETS, 2014).code == "ogp-2014"
    assert ruleset_for_year(RULESETS, 2016).code == "ogp-2014"
    assert ruleset_for_year(RULESETS, 2017).code == "ogp-2017"
    assert ruleset_for_year(RULESETS, 2022).code == "ogp-2017"
    assert ruleset_for_year(RULESETS, 2023).code == "ogp-2023"


def test_shipped_rule_sets_share_the_core_rules():
    for rs in RULESETS:
        assert rs.pass_share == Fraction(3, 4)
        assert rs.min_criteria == 3
        assert rs.max_points == 16
        assert tuple(c.code for c in rs.criteria) == CRITERIA_ORDER
    assert RS_2011.values_check is None and RS_2014.values_check is None
    assert RS_2017.values_check is not None and RS_2023.values_check is not None
    assert RS_2023.eligibility_review_cycles == 2
    assert RS_2017.eligibility_review_cycles is None
    assert RS_2023.additional_information and not RS_2017.additional_information


def test_newest_version_wins_for_a_year():
    d = ruleset_to_dict(RS_2023)
    d["version"] = 2
    d["valid_from"] = 2025
    v2 = ruleset_from_dict(d)
    rs = (*shipped_rulesets(), v2)
    assert ruleset_for_year(rs, 2024).version == 1
    assert ruleset_for_year(rs, 2025).version == 2


@pytest.mark.parametrize("rs", RULESETS, ids=lambda r: r.code)
def test_round_trip(rs):
    assert ruleset_from_dict(ruleset_to_dict(rs)) == rs


@pytest.mark.parametrize(
    ("total", "maximum", "passes"),
    [
        (12, 16, True),
        (11, 16, False),
        (13, 16, True),
        (16, 16, True),
        (9, 12, True),
        (8, 12, False),
        (10, 12, True),
        (0, 0, False),
    ],
)
def test_pass_rule_at_75_percent(total, maximum, passes):
    assert RS_2023.passes(total, maximum) is passes


@pytest.mark.parametrize(("maximum", "needed"), [(16, 12), (12, 9), (8, 6), (4, 3), (14, 11)])
def test_points_needed(maximum, needed):
    assert RS_2023.points_needed(maximum) == needed


def test_pass_share_as_fraction_is_exact():
    d = ruleset_to_dict(RS_2023)
    d["pass_share"] = "2/3"
    rs = ruleset_from_dict(d)
    assert rs.passes(8, 12) and not rs.passes(7, 12)
    assert ruleset_from_dict(ruleset_to_dict(rs)).pass_share == Fraction(2, 3)


def test_levels():
    ft, ati, ad, ce = RS_2023.criteria
    assert ft.levels() == (0, 2, 4)
    assert ati.levels() == (0, 1, 3, 4)
    assert ad.levels() == (0, 2, 4)
    assert ce.levels() == (0, 1, 2, 3, 4)
    assert RS_2011.criterion("asset_disclosure").levels() == (0, 2, 4)  # Nigeria 2013: 2


def _mutate(path, value):
    d = copy.deepcopy(ruleset_to_dict(RS_2023))
    target = d
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    ("path", "value", "field", "reason"),
    [
        (("code",), "", "code", "required"),
        (("title",), " ", "title", "required"),
        (("valid_from",), 2005, "valid_from", "too_small"),
        (("valid_from",), "2023", "valid_from", "not_an_integer"),
        (("valid_to",), 2020, "valid_to", "too_small"),
        (("pass_share",), "abc", "pass_share", "not_a_number"),
        (("pass_share",), "1.5", "pass_share", "out_of_range"),
        (("pass_share",), "0", "pass_share", "out_of_range"),
        (("min_criteria",), 5, "min_criteria", "too_large"),
        (("min_criteria",), KeyError, "min_criteria", "required"),
        (("criteria",), [], "criteria", "required"),
        (("criteria", 0, "code"), "budget", "criteria[0].code", "unknown_criterion"),
        (("criteria", 0, "method"), "magic", "criteria[0].method", "unknown_method"),
        (("criteria", 0, "documents"), ["xyz"], "criteria[0].documents", "unknown_document"),
        (("criteria", 0, "documents"), ["ebp", "ebp"], "criteria[0].documents", "duplicate"),
        (
            ("criteria", 0, "status_points", "PW"),
            3,
            "criteria[0].status_points",
            "exceeds_max_points",
        ),
        (("criteria", 0, "status_points", "PW"), -1, "criteria[0].status_points.PW", "too_small"),
        (("criteria", 0, "status_points", "XX"), 1, "criteria[0].status_points.XX", "unknown_key"),
        (
            ("criteria", 0, "status_points", "IU"),
            KeyError,
            "criteria[0].status_points.IU",
            "required",
        ),
        (
            ("criteria", 1, "provision_points", "law"),
            5,
            "criteria[1].provision_points.law",
            "too_large",
        ),
        (
            ("criteria", 2, "public_access_points"),
            3,
            "criteria[2].public_access_points",
            "exceeds_max_points",
        ),
        (("criteria", 3, "indicator"), "eiu.other", "criteria[3].indicator", "unknown_indicator"),
        (
            ("criteria", 3, "bands"),
            [{"above": 11, "points": 4}],
            "criteria[3].bands[0].above",
            "out_of_range",
        ),
        (
            ("criteria", 3, "bands"),
            [{"above": 5, "points": 4}, {"above": 6, "points": 3}],
            "criteria[3].bands",
            "not_monotonic",
        ),
        (
            ("criteria", 3, "bands"),
            [{"above": "x", "points": 4}],
            "criteria[3].bands[0].above",
            "not_a_number",
        ),
        (
            ("criteria", 3, "bands"),
            [{"above": 5, "points": 0}],
            "criteria[3].bands[0].points",
            "too_small",
        ),
        (("criteria", 3, "inclusive"), "yes", "criteria[3].inclusive", "not_a_boolean"),
        (("values_check", "indicators"), ["v2xyz"], "values_check.indicators", "unknown_indicator"),
        (("values_check", "thresholds", "ord"), 5, "values_check.thresholds.ord", "out_of_range"),
        (
            ("values_check", "thresholds", "model"),
            7,
            "values_check.thresholds.model",
            "out_of_range",
        ),
        (("values_check", "thresholds", "xyz"), 1, "values_check.thresholds.xyz", "unknown_key"),
        (("values_check", "combine"), "most", "values_check.combine", "unknown_value"),
        (("eligibility_review_cycles",), 0, "eligibility_review_cycles", "too_small"),
        (("additional_information",), "no", "additional_information", "not_a_boolean"),
        (("data_lag_years",), 9, "data_lag_years", "too_large"),
    ],
)
def test_invalid_rule_sets_name_field_and_reason(path, value, field, reason):
    with pytest.raises(RuleSetError) as exc:
        ruleset_from_dict(_mutate(path, value))
    assert exc.value.field == field
    assert exc.value.reason == reason


def test_duplicate_criterion_rejected():
    d = ruleset_to_dict(RS_2023)
    d["criteria"].append(d["criteria"][0])
    with pytest.raises(RuleSetError) as exc:
        ruleset_from_dict(d)
    assert exc.value.field == "criteria" and exc.value.reason == "duplicate"


def test_three_criteria_rule_set_is_valid():
    d = ruleset_to_dict(RS_2023)
    d["criteria"] = d["criteria"][:3]
    d["min_criteria"] = 2
    rs = ruleset_from_dict(d)
    assert rs.max_points == 12


def test_not_a_mapping():
    with pytest.raises(RuleSetError):
        ruleset_from_dict([])


def test_source_parameters_round_trip_and_are_validated():
    d = ruleset_to_dict(RS_2023)
    ad = next(c for c in d["criteria"] if c["code"] == "asset_disclosure")
    assert ad["source"] == {"dataset": "gdb", "partial_publication": False, "applies_from": 2019}
    assert ruleset_from_dict(d) == RS_2023
    for bad, field in (
        ({"dataset": "wiki"}, "source.dataset"),
        ({"dataset": "gdb", "partial_publication": "sometimes"}, "source.partial_publication"),
        ({"dataset": "gdb", "applies_from": 1200}, "source.applies_from"),
        ({"dataset": "gdb", "since": 2019}, "source.since"),
    ):
        ad["source"] = bad
        with pytest.raises(RuleSetError) as exc:
            ruleset_from_dict(d)
        assert exc.value.field.endswith(field)
