"""Journey: Support Unit staff open the 2023 eligibility cycle, import a publisher file, choose
it, compute and review what changed; a government submits additional information, staff accept
it and publish; a visitor reads the country page in Spanish and downloads the score sheet."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIX = Path(__file__).resolve().parent.parent.parent / "ogp" / "eligibility" / "tests" / "fixtures"


@pytest.fixture
def setup(transactional_db):
    from ogp.accounts.tests.factories import GovernmentUserFactory, StaffUserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.eligibility import services

    CountryFactory(
        iso2="NA",
        iso3="NAM",
        name_en="Namibia",
        name_fr="Namibie",
        name_es="Namibia",
        region="africa",
    )
    zed = CountryFactory(
        iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia", region="africa"
    )
    services.ruleset_seed_shipped()
    for name in ["crosswalk_small.csv", "research_small.csv", "obs_small.csv", "vdem_small.csv"]:
        services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2021, 3, 1),
        )
    cycle = services.cycle_open(acting_user=None, year=2022)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    government = GovernmentUserFactory(email="gov@example.org", country=zed)
    staff = StaffUserFactory(email="su@example.org", full_name="Sam Support")
    return government, staff


def logged_in_page(chromium_browser, live_server, user, locale="en-GB"):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = chromium_browser.new_context(
        base_url=live_server.url, locale=locale, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_cycle_journey(
    setup, chromium_browser, live_server, browser_page, assert_accessible, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    government, staff = setup
    su = logged_in_page(chromium_browser, live_server, staff)

    # open the cycle
    su.goto("/en/eligibility/staff/")
    assert_accessible(su)
    su.get_by_label("Year").fill("2023")
    su.get_by_role("button", name="Open the cycle").click()
    su.wait_for_url(re.compile(r"/en/eligibility/staff/cycles/2023/"))
    expect(su.get_by_text("Cycle 2023 opened.")).to_be_visible()
    assert_accessible(su)

    # import a publisher file (EIU Democracy Index)
    su.get_by_role("link", name="Import a publisher file").first.click()
    su.locator("#id_file").set_input_files(str(FIX / "eiu_small.csv"))
    su.get_by_label("Publication date").fill("2023-03-01")
    su.get_by_role("button", name="Import").click()
    expect(su.get_by_role("heading", name=re.compile("EIU Democracy Index"))).to_be_visible()
    assert_accessible(su)

    # choose it for the cycle, compute, and review the changes since 2022
    su.goto("/en/eligibility/staff/cycles/2023/")
    su.get_by_label(re.compile("EIU Democracy Index")).check()
    su.get_by_role("button", name="Save the choice").click()
    su.get_by_role("button", name="Compute all countries").click()
    expect(su.get_by_text("Every country has been scored.")).to_be_visible()
    changes = su.get_by_role("table", name=re.compile("Changes per country"))
    zed_row = changes.get_by_role("row", name=re.compile("Zedland"))
    assert "Not enough data → Not eligible" in zed_row.inner_text()
    assert "EIU Democracy Index 2022" in changes.inner_text()
    assert_accessible(su)

    # a government submits additional information for its country
    gov = logged_in_page(chromium_browser, live_server, government)
    gov.goto("/en/eligibility/country/ZZA/")
    gov.get_by_role("link", name="Submit evidence for the 2023 cycle").click()
    assert_accessible(gov)
    gov.get_by_label("Criterion").select_option("fiscal_transparency")
    gov.get_by_label("What has changed").fill(
        "The Executive's Budget Proposal and the Audit Report are now published online."
    )
    gov.get_by_label("Address of the evidence").fill("https://example.org/zedland/budget")
    gov.get_by_role("button", name="Submit the evidence").click()
    gov.wait_for_url(re.compile(r"/my-evidence/"))
    expect(gov.get_by_text("Submitted, awaiting review")).to_be_visible()
    # staff accept it; the criterion is overridden with its provenance; publish
    su.reload()
    su.get_by_label("Accept: override the criterion in this cycle").check()
    su.get_by_label("Points awarded (when accepting)").fill("4")
    su.get_by_label("Reason").fill("Both documents verified on the ministry website.")
    su.get_by_role("button", name="Record the decision").click()
    expect(su.get_by_text("Evidence accepted")).to_be_visible()
    su.get_by_role("button", name="Publish the cycle").click()
    expect(su.get_by_text("Cycle 2023 published.")).to_be_visible()
    assert_accessible(su)

    # a visitor, in Spanish, reads the country page and downloads the CSV
    page = browser_page
    page.goto("/es/eligibility/country/ZZA/")
    expect(page.get_by_role("heading", name="Elegibilidad: Zedia")).to_be_visible()
    expect(page.get_by_text("Reemplazado por información adicional aceptada")).to_be_visible()
    expect(page.get_by_role("heading", name="Camino hacia la elegibilidad")).to_be_visible()
    expect(page.get_by_role("table", name="Resultados por ciclo publicado")).to_be_visible()
    assert_accessible(page)
    page.goto("/es/eligibility/2023/")
    expect(
        page.get_by_role("heading", name="Tabla de puntuaciones de elegibilidad 2023")
    ).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    content = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename == "ogp-eligibility-2023.csv"
    zed_line = next(line for line in content.splitlines() if ",ZZA," in line)
    assert "evidence" in zed_line and "not_eligible" in zed_line
    for path in [
        "/es/eligibility/2023/map/",
        "/fr/eligibility/",
        "/fr/eligibility/methodology/",
        "/fr/eligibility/methodology/ogp-2023/v1/",
        "/en/eligibility/country/NAM/",
    ]:
        page.goto(path)
        assert_accessible(page)
