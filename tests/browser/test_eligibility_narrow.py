"""On a 375 px phone, eligibility pages fit the screen (tables scroll in their own box, facts
stack, checksums wrap) and stay accessible; a staff member imports the Open Budget Survey
Explorer workbook there and sees its sheets."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect

from .test_eligibility_cycle import FIX, logged_in_page

pytestmark = pytest.mark.browser

NARROW = {"width": 375, "height": 800}


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth") - NARROW["width"]


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "2019"
    ws.append(
        [
            "country",
            "Pre-Budget Statement",
            "Executive's Budget Proposal",
            "Citizens Budget",
            "Enacted Budget",
            "In-Year Reports",
            "Mid-Year Review",
            "Year-End Report",
            "Audit Report",
        ]
    )
    ws.append(["Namibia", "PW", "PW", "PW", "PW", "PW", "PW", "PW", "PW"])
    ws.append(["Zedland", "NP", "PW", "NP", "PW", "PW", "NP", "PW", "PW"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def published(transactional_db):
    from ogp.accounts.tests.factories import StaffUserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.eligibility import services

    CountryFactory(iso2="NA", iso3="NAM", name_en="Namibia", name_fr="Namibie", name_es="Namibia")
    CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia")
    services.ruleset_seed_shipped()
    for name in ["crosswalk_small.csv", "research_small.csv", "obs_small.csv", "eiu_small.csv"]:
        services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2021, 3, 1),
        )
    for year in (2022, 2023):
        cycle = services.cycle_open(acting_user=None, year=year)
        services.cycle_publish(
            acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
        )
    return StaffUserFactory(email="narrow@example.org")


def test_pages_fit_a_phone(published, chromium_browser, live_server, assert_accessible, settings):
    settings.ALLOWED_HOSTS = ["*"]
    visitor = chromium_browser.new_context(base_url=live_server.url, viewport=NARROW).new_page()
    for url in [
        "/es/eligibility/country/NAM/",
        "/fr/eligibility/2023/",
        "/en/eligibility/2023/map/",
        "/en/eligibility/methodology/ogp-2023/v1/",
    ]:
        visitor.goto(url)
        assert _overflow(visitor) <= 0, url
        assert_accessible(visitor)
        if url.endswith("/map/"):
            # tile labels stay readable (at least 12 px on screen); the legend shows what is drawn
            sizes = visitor.eval_on_selector_all(
                ".elig-tile-label",
                """els => els.map(e => {
                    const svg = e.ownerSVGElement;
                    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    return parseFloat(getComputedStyle(e).fontSize) * scale;
                })""",
            )
            assert sizes and min(sizes) >= 12, sizes
            drawn = set(visitor.eval_on_selector_all(
                ".elig-tile", "els => els.map(e => e.classList[1])"
            ))  # fmt: skip
            legend = set(visitor.eval_on_selector_all(
                ".elig-legend .elig-swatch", "els => els.map(e => e.classList[1])"
            ))  # fmt: skip
            assert drawn == legend, (drawn, legend)
    su = logged_in_page(chromium_browser, live_server, published)
    su.set_viewport_size(NARROW)
    for url in ["/en/eligibility/staff/", "/en/eligibility/staff/cycles/2023/"]:
        su.goto(url)
        assert _overflow(su) <= 0, url
        assert_accessible(su)

    su.goto("/en/eligibility/staff/import/")
    su.locator("#id_file").set_input_files(
        {
            "name": "Public Availability 2019.xlsx",
            "mimeType": "application/zip",
            "buffer": _workbook(),
        }
    )
    su.get_by_role("button", name="Import").click()
    expect(su.get_by_role("heading", name=re.compile("Open Budget Survey"))).to_be_visible()
    expect(su.get_by_text("2019: “2019”")).to_be_visible()
    assert _overflow(su) <= 0
    assert_accessible(su)
