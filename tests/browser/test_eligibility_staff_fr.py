"""Journey in French: Support Unit staff import a damaged Open Budget Survey workbook (the error
names sheet, row and column; the typed edition stays), then record a decision without points
(the reason typed stays, the error is beside the form), switch language from that page and
land on the cycle, and finally accept with points."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect

from .test_eligibility_cycle import FIX, logged_in_page

pytestmark = pytest.mark.browser


def _bad_workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "2019"
    ws.append(["country", "Executive's Budget Proposal", "Audit Report"])
    ws.append(["Namibia", "PW", "Publié"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def setup(transactional_db):
    from ogp.accounts.tests.factories import CivilSocietyUserFactory, StaffUserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.eligibility import services

    CountryFactory(iso2="NA", iso3="NAM", name_en="Namibia", name_fr="Namibie", name_es="Namibia")
    CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia")
    services.ruleset_seed_shipped()
    for name in ["crosswalk_small.csv", "obs_small.csv", "eiu_small.csv"]:
        services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2021, 3, 1),
        )
    cycle = services.cycle_compute(
        acting_user=None, cycle=services.cycle_open(acting_user=None, year=2023)
    )
    cso = CivilSocietyUserFactory(email="cso-fr@example.org")
    from ogp.countries.models import Country

    services.evidence_submit(
        acting_user=cso,
        cycle=cycle,
        country=Country.objects.get(iso3="ZZA"),
        criterion="fiscal_transparency",
        summary="Le rapport d’audit est en ligne.",
        source_url="https://example.org/audit",
    )
    return StaffUserFactory(email="su-fr@example.org", full_name="Sasha Support")


def test_staff_errors_in_french_keep_what_was_typed(
    setup, chromium_browser, live_server, assert_accessible, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    su = logged_in_page(chromium_browser, live_server, setup, locale="fr-FR")

    su.goto("/fr/eligibility/staff/import/")
    su.locator("#id_file").set_input_files(
        {"name": "obs.xlsx", "mimeType": "application/zip", "buffer": _bad_workbook()}
    )
    su.get_by_label("Édition").fill("Explorer 2019")
    su.get_by_role("button", name="Importer").click()
    expect(
        su.get_by_text(
            re.compile(r"obs\.xlsx, feuille « 2019 », ligne 2, colonne C \(Audit Report\)")
        )
    ).to_be_visible()
    assert su.get_by_label("Édition").input_value() == "Explorer 2019"
    assert_accessible(su)

    su.goto("/fr/eligibility/staff/cycles/2023/")
    su.get_by_label("Accepter : remplacer le critère dans ce cycle").check()
    su.get_by_label("Motif").fill("Vérifié sur le site du ministère.")
    su.get_by_role("button", name="Enregistrer la décision").click()
    expect(su.get_by_role("alert").filter(has_text="points").first).to_be_visible()
    assert su.get_by_label("Motif").input_value() == "Vérifié sur le site du ministère."
    assert_accessible(su)

    su.get_by_role("link", name="Español").click()
    su.wait_for_url(re.compile(r"/es/eligibility/staff/cycles/2023/"))
    su.goto("/fr/eligibility/staff/cycles/2023/")
    su.get_by_label("Accepter : remplacer le critère dans ce cycle").check()
    su.get_by_label("Points attribués (en cas d’acceptation)").fill("4")
    su.get_by_label("Motif").fill("Vérifié sur le site du ministère.")
    su.get_by_role("button", name="Enregistrer la décision").click()
    expect(su.get_by_text("Preuve acceptée")).to_be_visible()
