import pytest


@pytest.fixture(autouse=True)
def _rule_sets(db):
    from ogp.cocreation.services.rulesets import rule_sets_install

    rule_sets_install()
