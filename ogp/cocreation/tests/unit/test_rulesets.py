import pytest

from ogp.cocreation.domain.rulesets import DeliveryKind, Evaluator, RuleSetError, parse_rule_set

from .conftest import RULESETS, load


@pytest.mark.parametrize("path", sorted(RULESETS.glob("*.json")), ids=lambda p: p.stem)
def test_shipped_rule_sets_parse(path):
    rule_set = load(path.stem)
    assert rule_set.code == path.stem
    assert rule_set.requirements


def test_2022_values(rules_2022):
    assert rules_2022.delivery.kind is DeliveryKind.AFTER_PREVIOUS
    assert rules_2022.advance_notice_days == 14
    assert rules_2022.delivery.plan_lengths_years == (2, 4)
    r31 = next(r for r in rules_2022.requirements if r.code == "3.1")
    assert (r31.evaluator, r31.param("days", 0), r31.verified) == (
        Evaluator.ADVANCE_NOTICE,
        14,
        False,
    )


GOOD = {"delivery": {"kind": "cohort", "due": "08-31"}}


@pytest.mark.parametrize(
    ("document", "message"),
    [([], "JSON object"), ({}, "'delivery' is missing"),
     ({"delivery": {"kind": "x"}}, "delivery.kind"),
     ({"delivery": {"kind": "cohort", "due": "31/08"}}, "delivery.due"),
     ({"delivery": {"kind": "cohort", "due": "13-01"}}, "no such month"),
     ({"delivery": {"kind": "cohort", "due": "aa-bb"}}, "MM-DD"),
     ({"delivery": {"kind": "after_previous", "windows": []}}, "windows"),
     ({"delivery": {"kind": "after_previous", "windows": ["08-31"]}}, "contrary_after_months"),
     ({"delivery": {"kind": "cohort", "due": "08-31", "plan_lengths_years": []}}, "plan_lengths"),
     ({**GOOD, "requirements": ["x"]}, r"requirements\[0\]: expected an object"),
     ({**GOOD, "requirements": [{"code": "1", "standard": 1, "evaluator": "magic"}]}, "evaluator"),
     ({**GOOD, "requirements": [{"standard": 1, "evaluator": "assessed"}]}, "'code'"),
     ({**GOOD, "requirements": [{"code": "1", "standard": 0, "evaluator": "assessed"}]},
      "standard"),
     ({**GOOD, "requirements": [{"code": "1", "standard": 1, "evaluator": "assessed",
                                 "params": []}]}, "params"),
     ({**GOOD, "requirements": [{"code": "1", "standard": 1, "evaluator": "assessed"}] * 2},
      "appears twice"),
     ({**GOOD, "advance_notice_days": -1}, "advance_notice_days"),
     ({**GOOD, "advance_notice_days": True}, "advance_notice_days")],
)  # fmt: skip
def test_malformed_rule_sets_say_where(document, message):
    with pytest.raises(RuleSetError, match=message):
        parse_rule_set("bad", document)
