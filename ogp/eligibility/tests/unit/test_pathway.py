import pytest

from ogp.eligibility.domain.model import Status
from ogp.eligibility.domain.pathway import Action, pathway
from ogp.eligibility.domain.scoring import score_country

from .helpers import RS_2011, RS_2023, inputs


def full(**kw):
    base = {"ebp": "PW", "ar": "PW", "ati": "law", "ad": "law", "ad_access": True, "civlib": 9}
    base.update(kw)
    return inputs(**base)


def path(**kw):
    res = score_country(full(**kw), RS_2023)
    return res, pathway(res, RS_2023)


def test_eligible_country_has_no_steps():
    res, p = path()
    assert p.already_eligible and p.steps == ()


def test_one_point_short_on_fiscal_transparency_publishes_the_audit_report():
    # 2 + 4 + 2 + 3 = 11/16: one criterion improvement is enough
    res, p = path(ar="IU", ad_access=False, civlib=7.5)
    assert res.total == 11
    assert len(p.steps) == 1
    step = p.steps[0]
    # the smallest gain that works is +1 on citizen engagement (3 -> 4)
    assert step.criterion == "citizen_engagement"
    assert (step.from_points, step.to_points) == (3, 4)
    assert step.actions == (Action("raise_indicator", "eiu.civlib_eiu", threshold=7.5),)
    assert p.needed_points == 12


def test_fiscal_transparency_step_names_the_document():
    res, p = path(ebp="PW", ar="IU", ati="none", ad="none", civlib=9.5)  # 2+0+0+4 = 6
    assert res.status == Status.NOT_ELIGIBLE
    # needs +6: two criteria at least (no single criterion gives 6)
    assert len(p.steps) == 2
    codes = {s.criterion for s in p.steps}
    assert "access_to_information" in codes
    ati = next(s for s in p.steps if s.criterion == "access_to_information")
    assert ati.actions[0].kind == "adopt_provision"


def test_obs_actions_list_documents_to_publish():
    res, p = path(ebp="IU", ar="NP", ati="draft", ad="law", ad_access=False, civlib=9)
    # 0 + 1 + 2 + 4 = 7/16, needs +5: no single criterion gives 5. Pairs giving exactly +5:
    # FT 0->2 with ATI 1->4, and ATI 1->4 with AD 2->4; ties go to rule-set order.
    assert [(s.criterion, s.from_points, s.to_points) for s in p.steps] == [
        ("fiscal_transparency", 0, 2),
        ("access_to_information", 1, 4),
    ]
    assert p.steps[0].actions == (Action("publish_document", "ebp", scale="PW"),)
    assert p.steps[1].actions == (Action("adopt_provision", "law"),)


def test_fiscal_transparency_actions_list_each_document_to_publish():
    res, p = path(ebp="IU", ar="NP", ati="law", ad="law", ad_access=True, civlib=1)
    # 0 + 4 + 4 + 1 = 9/16, needs +3: CE 1->4 (+3) is one criterion
    assert [(s.criterion, s.to_points) for s in p.steps] == [("citizen_engagement", 4)]
    res, p = path(ebp="IU", ar="NP", ati="law", ad="law", ad_access=False, civlib=1)
    # 0 + 4 + 2 + 1 = 7/16, needs +5: FT 0->2 with CE 1->4
    assert [(s.criterion, s.to_points) for s in p.steps] == [
        ("fiscal_transparency", 2),
        ("citizen_engagement", 4),
    ]
    res, p = path(ebp="IU", ar="NP", ati="law", ad="law", ad_access=True, civlib=0)
    # 0 + 4 + 4 + 0 = 8/16, needs +4: FT 0->4 (both documents) ties with CE 0->4; FT first
    assert p.steps[0].actions == (
        Action("publish_document", "ebp", scale="PW"),
        Action("publish_document", "ar", scale="PW"),
    )


def test_not_enough_data_pathway_asks_for_data():
    res, p = path(ebp=None, ar=None, ati=None, ad="law", ad_access=True, civlib=9)
    assert res.status == Status.NOT_ENOUGH_DATA
    assert p.reachable and len(p.steps) == 1
    step = p.steps[0]
    assert step.from_points is None
    assert step.actions[0] == Action("provide_data", step.criterion)


def test_missing_criterion_can_be_the_fix():
    # 3 criteria: 2 + 2 + 4 = 8/12 (needs 9); adding ATI at 4 gives 12/16
    res, p = path(ebp="PW", ar="IU", ati=None, ad="law", ad_access=False, civlib=9)
    assert res.total == 8 and res.maximum == 12
    # +2 on fiscal transparency (publish the audit report) is cheaper than new data (+4)
    assert [(s.criterion, s.from_points, s.to_points) for s in p.steps] == [
        ("fiscal_transparency", 2, 4)
    ]
    assert p.steps[0].actions == (Action("publish_document", "ar", scale="PW"),)


def test_new_data_is_the_only_fix():
    # 0 + 0 + 4 = 4/12: a fourth criterion at 4 gives 8/16, not enough; every path needs 2+
    res, p = path(ebp="NP", ar="NP", ati=None, ad="none", civlib=9)
    assert res.total == 4
    assert p.reachable and len(p.steps) == 2


def test_unreachable_when_nothing_can_help():
    res = score_country(inputs(), RS_2011)
    p = pathway(res, RS_2011)
    assert p.reachable  # all four criteria can still be assessed
    assert len(p.steps) == 3


def test_values_check_failure_adds_step_per_failing_indicator():
    res, p = path(vdem={"v2cseeorgs_ord": 2, "v2csreprss_ord": 3})
    assert p.already_eligible
    assert [s.criterion for s in p.steps] == ["values_check"]
    assert p.steps[0].actions[0] == Action(
        "pass_values_check", "v2cseeorgs", threshold=3.0, inclusive=True, scale="ord"
    )


@pytest.mark.parametrize(
    ("civlib", "from_points"),
    [(2.5, 1), (5.01, 3)],  # 0 + 4 + 4 + x: CE to 4 is the single cheapest fix
)
def test_band_step_threshold(civlib, from_points):
    res, p = path(ebp="NP", ar="NP", ati="law", ad="law", ad_access=True, civlib=civlib)
    (step,) = p.steps
    assert (step.criterion, step.from_points, step.to_points) == (
        "citizen_engagement",
        from_points,
        4,
    )
    assert step.actions == (Action("raise_indicator", "eiu.civlib_eiu", threshold=7.5),)
