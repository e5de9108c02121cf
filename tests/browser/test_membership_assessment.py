"""Journey: the government of a "not enough data" country asks for assessment through the
additional-information route itself; the Support Unit records the experts' result from its
checklist; the government then submits its letter of intent. No step is hidden."""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .test_membership_letter_fr import staff_page, upload_signed

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db, monkeypatch):
    from ogp.accounts.tests.factories import GovernmentUserFactory, StaffUserFactory
    from ogp.countries.models import MembershipStatus
    from ogp.countries.tests.factories import CountryFactory
    from ogp.membership.tests.factories import CoChairsFactory

    # the latest published cycle found "not enough data" for the country
    monkeypatch.setattr(
        "ogp.membership.selectors.eligibility_summary",
        lambda country: SimpleNamespace(
            cycle_year=2026, status="not_enough_data", total=4, maximum=16,
            values_check=None, eligibility_review=False,
        ),
    )  # fmt: skip
    country = CountryFactory(
        iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia",
        membership_status=MembershipStatus.NOT_ASSESSED, un_member=True,
    )  # fmt: skip
    CoChairsFactory()
    government = GovernmentUserFactory(
        email="kabo@example.org", full_name="Kabo Molefe", country=country
    )
    staff = StaffUserFactory(email="su@example.org", full_name="Sam Support")
    return country, government, staff


def test_not_enough_data_country_asks_for_assessment_then_submits(
    browser_page, live_server, chromium_browser, setup, mailoutbox, assert_accessible
):
    country, government, staff = setup
    page = browser_page
    page.goto("/en/accounts/login/")
    page.locator("#id_login").fill(government.email)
    page.locator("#id_password").fill("correct horse battery staple 42")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/en/account/$"))

    page.goto("/en/members/ZZA/joining/")
    expect(page.get_by_text("Eligibility cycle 2026: not enough data.").first).to_be_visible()
    expect(page.get_by_role("heading", name="Getting assessed for eligibility")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Ask to be assessed").click()
    assert_accessible(page)
    page.get_by_label("Your evidence").fill(
        "Access to information law of 2021; budget proposal published since 2022."
    )
    page.get_by_label("Address where the evidence is published").fill("https://example.org/law")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request has been sent.")).to_be_visible()
    expect(page.get_by_text("Waiting for assessment")).to_be_visible()
    assert_accessible(page)
    assert [m.to for m in mailoutbox] == [[staff.email]]

    # The Support Unit finds the request on its checklist and records the experts' result.
    su = staff_page(chromium_browser, live_server, staff)
    su.goto("/en/account/staff/")
    assert_accessible(su)
    su.get_by_role("link", name=re.compile(r"1\s+Requests for assessment")).click()
    assert_accessible(su)
    su.get_by_role("link", name="Zedland").click()
    expect(su.get_by_text("Access to information law of 2021")).to_be_visible()
    assert_accessible(su)
    su.get_by_label("Eligible: the country can submit its letter of intent").check()
    su.get_by_label("Reason").fill("Independent experts confirmed the law and the budget.")
    su.get_by_role("button", name="Record the result").click()
    expect(
        su.get_by_text("The result is recorded and the government has been told.")
    ).to_be_visible()
    assert_accessible(su)
    assert any("assessed eligible" in m.subject for m in mailoutbox)

    # The government drafts, signs and submits: nothing else to ask for.
    page.goto("/en/members/ZZA/joining/")
    expect(page.get_by_text("Assessed eligible").first).to_be_visible()
    page.get_by_role("link", name="Draft a letter of intent").click()
    assert page.locator("#id_eligibility_confirmed").is_checked()
    page.locator("#id_language").select_option("en")
    page.locator("#id_endorses_declaration").check()
    page.locator("#id_past_reforms").fill("Access to information law (fictional example).")
    page.locator("#id_responsible_title").fill("Director of Public Service Reform")
    page.locator("#id_responsible_ministry").fill("Ministry of Public Service")
    page.locator("#id_signatory_name").fill("Neo Dube")
    page.locator("#id_signatory_title").fill("Minister of Public Service")
    page.locator("#id_signatory_agency").fill("Ministry of Public Service")
    page.locator("#id_signatory_is_ministerial").check()
    page.locator("#id_head_of_government_authorisation").check()
    page.locator("#id_authorised_by").fill("the President")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("through the additional-information route on")).to_be_visible()
    assert "meets the" not in page.content()
    assert_accessible(page)
    page.locator("#id_signed_pdf").set_input_files(
        files=[{"name": "signed.pdf", "mimeType": "application/pdf", "buffer": _pdf()}]
    )
    page.get_by_role("button", name="Upload the signed letter").click()
    expect(page.get_by_text("The signed letter has been uploaded.")).to_be_visible()
    page.get_by_role("button", name="Submit the letter to the Support Unit").click()
    expect(page.locator("#letter-state")).to_have_text(re.compile("Submitted"))
    assert_accessible(page)
    assert upload_signed  # the French journey's helper stays importable


def _pdf() -> bytes:
    from ogp.membership.tests.factories import pdf_bytes

    return pdf_bytes("Signed")
