"""Journey in Spanish: a visitor opens the 2024 score sheet, filters "eligible", opens a
country, switches to the 2016 cycle and reads where its access to information points come
from (the RTI Rating: file, line, release and checksum)."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIX = Path(__file__).resolve().parent.parent.parent / "ogp" / "eligibility" / "tests" / "fixtures"
RTI = (
    b"country_code,rti_total,Right of Access,Scope,Requesting Procedure,"
    b"Exceptions & Refusals,Appeals,Sanctions & Protections,Promotional Measures,"
    b"rti_law_year,has_rti_law\n"
    b"NAM,95.0,4,20,15,20,20,6,10,2004,1\n"
    b"ZZA,9.317544354015276,,,,,,,,,0\n"
)


@pytest.fixture
def published(transactional_db):
    from ogp.countries.tests.factories import CountryFactory
    from ogp.eligibility import services
    from ogp.eligibility.models import DatasetRelease

    CountryFactory(
        iso2="NA",
        iso3="NAM",
        name_en="Namibia",
        name_fr="Namibie",
        name_es="Namibia",
        region="africa",
    )
    CountryFactory(
        iso2="ZZ",
        iso3="ZZA",
        name_en="Zedland",
        name_fr="Zédie",
        name_es="Zedia",
        region="africa",
    )
    services.ruleset_seed_shipped()
    files = [
        (n, (FIX / n).read_bytes())
        for n in (
            "crosswalk_small.csv",
            "obs_small.csv",
            "eiu_small.csv",
            "vdem_small.csv",
            "gdb_small.csv",
        )
    ] + [("rti_rating_country_data_2026-06.csv", RTI)]
    for name, data in files:
        services.release_import(
            acting_user=None, data=data, file_name=name, published_on=datetime.date(2023, 3, 1)
        )
    for year in (2016, 2024):
        cycle = services.cycle_open(acting_user=None, year=year)
        services.cycle_publish(
            acting_user=None,
            cycle=services.cycle_compute(acting_user=None, cycle=cycle),
            apply_statuses=year == 2024,
        )
    return DatasetRelease.objects.get(kind="rti")


def test_visitor_reads_the_source_of_access_to_information_points_in_spanish(
    published, browser_page, assert_accessible
):
    page = browser_page
    page.goto("/es/eligibility/2024/")
    expect(
        page.get_by_role("heading", name="Tabla de puntuaciones de elegibilidad 2024")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Estado", exact=True).select_option("eligible")
    page.get_by_role("button", name="Aplicar").click()
    page.wait_for_url(re.compile(r"status=eligible"))
    table = page.locator("table.scoresheet")
    expect(table.get_by_role("link", name="Namibia")).to_be_visible()
    expect(table.get_by_role("link", name="Zedia")).to_have_count(0)
    assert_accessible(page)

    table.get_by_role("link", name="Namibia").click()
    page.wait_for_url(re.compile(r"/es/eligibility/country/NAM/\?cycle=2024"))
    expect(page.get_by_role("heading", name="Resultado del ciclo 2024")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Ciclo", exact=True).select_option("2016")
    page.get_by_role("button", name="Mostrar este ciclo").click()
    page.wait_for_url(re.compile(r"cycle=2016"))
    expect(page.get_by_role("heading", name="Resultado del ciclo 2016")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Acceso a la información"))
    expect(row).to_contain_text("4/4")
    expect(row).to_contain_text("ley aprobada por primera vez en 2004")
    expect(row).to_contain_text("rti_rating_country_data_2026-06.csv")
    expect(row).to_contain_text("línea 2")
    expect(row).to_contain_text(published.checksum)
    # not enough data in 2016: which criteria lack data and why, and no percentage
    expect(page.get_by_text("Sin resultado")).to_be_visible()
    missing = page.locator("ul.missing li")
    expect(missing.filter(has_text="Transparencia fiscal")).to_contain_text(
        "ninguna fuente lo cubre"
    )
    expect(page.locator("dl.facts")).not_to_contain_text("%")
    assert_accessible(page)
