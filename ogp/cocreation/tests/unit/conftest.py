import json
from pathlib import Path

import pytest

from ogp.cocreation.domain.rulesets import RuleSet, parse_rule_set

RULESETS = Path(__file__).resolve().parents[2] / "rulesets"


def load(code: str) -> RuleSet:
    return parse_rule_set(code, json.loads((RULESETS / f"{code}.json").read_text()))


@pytest.fixture
def legacy_2015() -> RuleSet:
    return load("legacy-2015")


@pytest.fixture
def legacy_2017() -> RuleSet:
    return load("legacy-2017")


@pytest.fixture
def rules_2022() -> RuleSet:
    return load("ogp-2022")
