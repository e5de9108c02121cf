from ogp.core import hooks


def test_every_declared_hook_resolves_and_matches_its_protocol():
    declared = {(name, path) for _label, name, path in hooks.declarations()}
    assert (
        "cycle_published",
        "ogp.membership.services.membership_statuses_apply_cycle",
    ) in declared
    assert ("country_sections", "ogp.eligibility.hooks.country_sections") in declared
    assert ("organisation_sections", "ogp.participation.hooks.organisation_sections") in declared
    assert hooks.signature_problems() == []


def test_hook_implementations_come_in_installed_apps_order():
    receivers = hooks.cycle_published.implementations()
    assert [f.__module__ for f in receivers] == ["ogp.membership.services.status"]
