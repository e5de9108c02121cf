"""Journey, in English: an IRM researcher codes a commitment and publishes a Results Report;
a visitor then finds it with the explorer's "high completion" filter."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db):
    from ogp.accounts.tests.factories import ResearcherUserFactory, StaffUserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.plans.services import irm_report_create
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory

    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland")
    plan = ActionPlanFactory(ogp_id="AP_ZZA03", country=country, submitted_year=2021)
    CommitmentFactory(
        identifier="ZZ0301", plan=plan, title="Open procurement data", completion="",
        high_completion=None, irm_coding={},
    )  # fmt: skip
    CommitmentFactory(
        identifier="ZZ0302", plan=plan, title="Beneficial ownership register", completion="",
        high_completion=None, irm_coding={},
    )  # fmt: skip
    researcher = ResearcherUserFactory(email="ines@example.org")
    report = irm_report_create(
        acting_user=StaffUserFactory(), plan=plan, kind="results_report",
        researchers=[researcher],
    )  # fmt: skip
    return plan, researcher, report


def test_researcher_codes_and_publishes_results_report(browser_page, setup, assert_accessible):
    plan, researcher, report = setup
    page = browser_page
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(researcher.email)
    page.locator("#id_password").fill("correct horse battery staple 42")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/en/account/$"))

    page.goto(f"/en/plans/irm/{report.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Results Report")
    assert_accessible(page)
    page.get_by_role("link", name="Edit the draft").click()
    page.get_by_label("Summary").fill("Both commitments were implemented in part.")
    page.get_by_label("1.1 A forum of government and civil society", exact=False).select_option(
        "met"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save the draft").click()
    page.get_by_role("link", name="Code ZZ0301").click()
    expect(page.get_by_role("heading", name="Code ZZ0301")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Completion").select_option(label="Substantial")
    page.get_by_label("Did it open government?").select_option(label="Major")
    page.get_by_label("Early results").select_option(label="Not reviewed")
    page.get_by_role("button", name="Save the coding").click()
    page.get_by_role("button", name="Publish the report").click()
    expect(page.get_by_text("Version 1", exact=False).first).to_be_visible()

    # A visitor finds the commitment with the "high completion" filter.
    visitor = page.context.browser.new_context(base_url=page.url.split("/en/")[0]).new_page()
    visitor.goto(f"/en/plans/irm/{report.pk}/")
    expect(visitor.get_by_text("Both commitments were implemented in part.")).to_be_visible()
    assert_accessible(visitor)
    visitor.goto("/en/plans/commitments/")
    visitor.get_by_label("IRM coding").select_option(label="High completion")
    visitor.get_by_role("button", name="Show commitments").click()
    expect(visitor.get_by_text("1 commitment matches.")).to_be_visible()
    expect(visitor.get_by_role("link", name="ZZ0301")).to_be_visible()
    expect(visitor.get_by_role("link", name="ZZ0302")).to_have_count(0)
    assert_accessible(visitor)
    visitor.context.close()
