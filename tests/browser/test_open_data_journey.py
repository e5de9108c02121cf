"""Search in French, the open data page, and API tokens on the account page: without
JavaScript-dependent steps, each page checked with axe-core."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_search_open_data_and_tokens(
    chromium_browser,
    browser_page,
    live_server,
    assert_accessible,
    transactional_db,
    settings,
    tmp_path,
):
    from django.conf import settings as django_settings
    from django.test import Client
    from playwright.sync_api import expect

    from ogp.accounts.tests.factories import UserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.opendata.services import datapackages_build_all
    from ogp.organisations.tests.factories import OrganisationFactory

    settings.OGP_OPENDATA_ROOT = tmp_path / "opendata"
    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie",
                             name_es="Zedia")  # fmt: skip
    OrganisationFactory(name="Observatoire des élections", country=country,
                        description="Nous suivons les élections locales.")  # fmt: skip
    datapackages_build_all()

    page = browser_page
    page.goto("/fr/search/")
    assert_accessible(page)
    page.get_by_label("Rechercher").fill("election")
    page.get_by_role("button", name="Recherche").click()
    expect(page.get_by_role("heading", name=re.compile("1 résultat"))).to_be_visible()
    expect(page.locator("mark").first).to_have_text("élections")
    assert_accessible(page)
    page.get_by_role("link", name="Organisation", exact=True).click()
    expect(page.get_by_role("link", name="Observatoire des élections")).to_be_visible()

    page.goto("/fr/open-data/")
    expect(page.get_by_role("heading", name="Données ouvertes", exact=True)).to_be_visible()
    assert_accessible(page)

    user = UserFactory()
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{
        "name": django_settings.SESSION_COOKIE_NAME,
        "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])  # fmt: skip
    page.goto("/fr/account/api-tokens/")
    assert_accessible(page)
    page.locator("#id_name").fill("script nocturne")
    page.get_by_role("button", name="Créer le jeton").click()
    token = page.locator("#new-token")
    expect(token).to_have_text(re.compile(r"^ogp_"))
    assert_accessible(page)
    page.get_by_role("button", name="Révoquer script nocturne").click()
    expect(page.get_by_text(re.compile("Révoqué le"))).to_be_visible()
