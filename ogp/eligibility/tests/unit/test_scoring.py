import itertools

import pytest

from ogp.eligibility.domain.model import OBS_STATUSES, CountryResult, Status
from ogp.eligibility.domain.rulesets import ruleset_from_dict, ruleset_to_dict
from ogp.eligibility.domain.scoring import (
    apply_review,
    band_points,
    can_join,
    latest_at_or_before,
    research_points,
    score_country,
)

from .helpers import RS_2011, RS_2014, RS_2017, RS_2023, inputs

FT = "fiscal_transparency"
ATI = "access_to_information"
AD = "asset_disclosure"
CE = "citizen_engagement"


@pytest.mark.parametrize(("ebp", "ar"), list(itertools.product(OBS_STATUSES, OBS_STATUSES)))
def test_fiscal_transparency_two_points_per_published_document(ebp, ar):
    res = score_country(inputs(ebp=ebp, ar=ar), RS_2023).criterion(FT)
    assert res.points == 2 * (ebp == "PW") + 2 * (ar == "PW")
    assert res.raw == f"ebp={ebp}; ar={ar}"
    assert res.source.dataset == "obs" and res.source.line == 7


def test_fiscal_transparency_not_assessed_without_obs_or_with_missing_document():
    assert score_country(inputs(), RS_2023).criterion(FT).points is None
    assert score_country(inputs(ebp="PW"), RS_2023).criterion(FT).points is None


def test_fiscal_transparency_status_points_are_a_parameter():
    d = ruleset_to_dict(RS_2023)
    d["criteria"][0]["status_points"]["PL"] = 1
    d["criteria"][0]["status_points"]["HC"] = 2
    rs = ruleset_from_dict(d)
    assert score_country(inputs(ebp="PL", ar="HC"), rs).criterion(FT).points == 3


@pytest.mark.parametrize(
    ("provision", "points"),
    [("law", 4), ("constitutional_and_draft", 3), ("constitutional", 3), ("draft", 1), ("none", 0)],
)
def test_access_to_information(provision, points):
    res = score_country(inputs(ati=provision), RS_2023).criterion(ATI)
    assert res.points == points
    assert res.raw.startswith(provision)


@pytest.mark.parametrize(
    ("rs", "provision", "access", "points"),
    [
        (RS_2014, "law", True, 4),
        (RS_2014, "law", False, 2),
        (RS_2014, "none", False, 0),
        (RS_2014, "none", True, 0),
        (RS_2014, "draft", True, 0),
        (RS_2023, "law", True, 4),
        (RS_2023, "law", False, 2),
        (RS_2011, "law", True, 4),
        (RS_2011, "law", False, 2),
        (RS_2011, "none", False, 0),
    ],
)
def test_asset_disclosure(rs, provision, access, points):
    res = score_country(inputs(ad=provision, ad_access=access), rs).criterion(AD)
    assert res.points == points
    assert research_points(rs.criterion(AD), provision, access) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [
        (10.0, 4),
        (7.51, 4),
        (7.5, 3),
        (7.49, 3),
        (5.01, 3),
        (5.0, 2),
        (4.99, 2),
        (2.51, 2),
        (2.5, 1),
        (2.49, 1),
        (0.01, 1),
        (0.0, 0),
    ],
)
def test_citizen_engagement_cut_offs_are_strictly_above(value, points):
    res = score_country(inputs(civlib=value), RS_2023).criterion(CE)
    assert res.points == points
    assert res.raw == f"{value:g}"


@pytest.mark.parametrize(("value", "points"), [(7.5, 4), (7.49, 3), (5.0, 3), (0.0, 1)])
def test_citizen_engagement_inclusive_option(value, points):
    d = ruleset_to_dict(RS_2023)
    d["criteria"][3]["inclusive"] = True
    assert band_points(ruleset_from_dict(d).criterion(CE), value) == points


def test_citizen_engagement_vdem_indicator_option():
    d = ruleset_to_dict(RS_2023)
    d["criteria"][3]["indicator"] = "vdem.v2x_civlib"
    d["criteria"][3]["bands"] = [
        {"above": 0.75, "points": 4},
        {"above": 0.5, "points": 3},
        {"above": 0.25, "points": 2},
        {"above": 0, "points": 1},
    ]
    rs = ruleset_from_dict(d)
    res = score_country(inputs(civlib=9.9, vdem={"v2x_civlib": 0.6}), rs).criterion(CE)
    assert res.points == 3 and res.source.dataset == "vdem"


def full(**kw):
    base = {"ebp": "PW", "ar": "PW", "ati": "law", "ad": "law", "ad_access": True, "civlib": 9}
    base.update(kw)
    return inputs(**base)


@pytest.mark.parametrize(
    ("kw", "total", "maximum", "status"),
    [
        ({}, 16, 16, Status.ELIGIBLE),
        ({"civlib": 7.5}, 15, 16, Status.ELIGIBLE),
        ({"ar": "IU"}, 14, 16, Status.ELIGIBLE),
        ({"ar": "IU", "ad_access": False}, 12, 16, Status.ELIGIBLE),  # exactly 75 %
        ({"ar": "IU", "ad_access": False, "civlib": 7.5}, 11, 16, Status.NOT_ELIGIBLE),
        ({"ebp": None, "ar": None}, 12, 12, Status.ELIGIBLE),
        ({"ebp": None, "ar": None, "ad_access": False, "civlib": 6}, 9, 12, Status.ELIGIBLE),
        ({"ebp": None, "ar": None, "ad_access": False, "civlib": 4}, 8, 12, Status.NOT_ELIGIBLE),
        ({"ebp": None, "ar": None, "ati": None}, 8, 8, Status.NOT_ENOUGH_DATA),
        ({"ebp": None, "ar": None, "ati": None, "ad": None}, 4, 4, Status.NOT_ENOUGH_DATA),
        (
            {"ebp": None, "ar": None, "ati": None, "ad": None, "civlib": None},
            0,
            0,
            Status.NOT_ENOUGH_DATA,
        ),
    ],
)
def test_totals_and_status(kw, total, maximum, status):
    res = score_country(full(**kw), RS_2023)
    assert (res.total, res.maximum, res.status) == (total, maximum, status)
    assert res.assessed == maximum // 4


def test_min_criteria_is_a_parameter():
    d = ruleset_to_dict(RS_2023)
    d["min_criteria"] = 2
    rs = ruleset_from_dict(d)
    res = score_country(full(ebp=None, ar=None, ati=None), rs)
    assert res.status == Status.ELIGIBLE and res.maximum == 8


def test_override_replaces_criterion_with_provenance():
    res = score_country(full(ar="IU", ad_access=False, civlib=7.5, overrides={FT: 4}), RS_2023)
    ft = res.criterion(FT)
    assert ft.points == 4 and ft.overridden and ft.source.dataset == "evidence"
    assert ft.override_reason == "accepted evidence"
    assert res.total == 13 and res.status == Status.ELIGIBLE


def test_override_for_a_missing_criterion_counts_as_assessed():
    res = score_country(full(ebp=None, ar=None, ati=None, overrides={ATI: 4}), RS_2023)
    assert res.assessed == 3 and res.status == Status.ELIGIBLE


def test_override_points_are_clamped():
    res = score_country(full(overrides={FT: 9}), RS_2023)
    assert res.criterion(FT).points == 4


VC_OK = {"v2cseeorgs_ord": 3, "v2csreprss_ord": 3}


@pytest.mark.parametrize(
    ("vdem", "passed", "reason", "scale"),
    [
        ({"v2cseeorgs_ord": 3, "v2csreprss_ord": 3}, True, "pass", "ord"),
        ({"v2cseeorgs_ord": 4, "v2csreprss_ord": 3}, True, "pass", "ord"),
        ({"v2cseeorgs_ord": 2, "v2csreprss_ord": 4}, False, "fail", "ord"),
        ({"v2cseeorgs_ord": 4, "v2csreprss_ord": 2}, False, "fail", "ord"),
        ({"v2cseeorgs_osp": 3.0, "v2csreprss_osp": 2.99}, False, "fail", "osp"),
        ({"v2cseeorgs_osp": 3.0, "v2csreprss_osp": 3.01}, True, "pass", "osp"),
        # the ordinal scale is preferred over osp and model
        (
            {"v2cseeorgs_ord": 3, "v2csreprss_ord": 3, "v2cseeorgs_osp": 1, "v2csreprss_osp": 1},
            True,
            "pass",
            "ord",
        ),
        # only one ordinal indicator: fall back to the next scale with both
        ({"v2cseeorgs_ord": 3, "v2cseeorgs_osp": 2.0, "v2csreprss_osp": 3.5}, False, "fail", "osp"),
        # model estimates only: no threshold by default, not assessed
        ({"v2cseeorgs": 1.2, "v2csreprss": 0.4}, None, "no_threshold", "model"),
        ({"v2cseeorgs": 1.2}, None, "no_data", ""),
        ({}, None, "no_data", ""),
    ],
)
def test_values_check(vdem, passed, reason, scale):
    vc = score_country(full(vdem=vdem), RS_2023).values_check
    assert (vc.passed, vc.reason, vc.scale) == (passed, reason, scale)


def test_values_check_model_threshold_and_any_combination():
    d = ruleset_to_dict(RS_2023)
    d["values_check"]["thresholds"]["model"] = 0.5
    rs = ruleset_from_dict(d)
    vc = score_country(full(vdem={"v2cseeorgs": 0.5, "v2csreprss": 0.49}), rs).values_check
    assert vc.passed is False and vc.threshold == 0.5
    d["values_check"]["combine"] = "any"
    vc = score_country(
        full(vdem={"v2cseeorgs": 0.5, "v2csreprss": 0.49}), ruleset_from_dict(d)
    ).values_check
    assert vc.passed is True


def test_values_check_not_applied_to_members_or_before_2017():
    assert score_country(full(member=True, vdem=VC_OK), RS_2023).values_check is None
    assert score_country(full(vdem=VC_OK), RS_2014).values_check is None
    assert score_country(full(vdem=VC_OK), RS_2017).values_check.passed is True


def test_can_join():
    assert can_join(score_country(full(vdem=VC_OK), RS_2023))
    assert not can_join(
        score_country(full(vdem={"v2cseeorgs_ord": 2, "v2csreprss_ord": 3}), RS_2023)
    )
    assert can_join(score_country(full(), RS_2023))  # values check without data: not blocking
    assert not can_join(score_country(full(civlib=None, ati=None), RS_2023))
    assert can_join(score_country(full(member=True), RS_2023))


def _res(status, member=True):
    return CountryResult("NAM", member, (), 0, 16, 4, status, None)


B, E, N = Status.NOT_ELIGIBLE, Status.ELIGIBLE, Status.NOT_ENOUGH_DATA


@pytest.mark.parametrize(
    ("current", "previous", "member", "review", "at_risk"),
    [
        (B, [], True, False, True),
        (B, [None], True, False, True),
        (B, [E], True, False, True),
        (B, [N], True, False, True),
        (B, [B], True, True, False),
        (B, [B, B], True, True, False),
        (B, [B, E], True, True, False),
        (E, [B], True, False, False),
        (E, [B, B], True, False, False),
        (N, [B], True, False, False),
        (B, [B], False, False, False),  # non-members are never under review
    ],
)
def test_eligibility_review_after_two_consecutive_published_cycles(
    current, previous, member, review, at_risk
):
    prev = [None if p is None else _res(p, member) for p in previous]
    res = apply_review(_res(current, member), prev, RS_2023)
    assert (res.eligibility_review, res.at_risk) == (review, at_risk)


def test_no_review_before_2023_rules_and_configurable_length():
    assert not apply_review(_res(B), [_res(B)], RS_2017).eligibility_review
    assert not apply_review(_res(B), [_res(B)], RS_2017).at_risk
    d = ruleset_to_dict(RS_2023)
    d["eligibility_review_cycles"] = 3
    rs = ruleset_from_dict(d)
    assert apply_review(_res(B), [_res(B)], rs).at_risk
    assert apply_review(_res(B), [_res(B), _res(B)], rs).eligibility_review
    d["eligibility_review_cycles"] = 1
    assert apply_review(_res(B), [], ruleset_from_dict(d)).eligibility_review


def test_latest_at_or_before():
    items = [(2015, "a"), (2019, "b"), (2017, "c")]
    assert latest_at_or_before(items, 2018) == "c"
    assert latest_at_or_before(items, 2019) == "b"
    assert latest_at_or_before(items, 2020) == "b"
    assert latest_at_or_before(items, 2014) is None


def test_result_round_trips_through_dict():
    res = score_country(full(vdem=VC_OK, overrides={AD: 2}), RS_2023)
    assert CountryResult.from_dict(res.to_dict()) == res
    res = score_country(inputs(), RS_2011)
    assert CountryResult.from_dict(res.to_dict()) == res
