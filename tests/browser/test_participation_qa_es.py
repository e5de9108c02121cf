"""In Spanish: plural messages for 2+ seats, countries in Spanish alphabetical order, following a
country, and the person entry form pointing to "add an organisation"."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _logged_in(chromium_browser, live_server, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = chromium_browser.new_context(base_url=live_server.url, locale="es-ES")
    context.set_default_timeout(15_000)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context.new_page()


def test_spanish_details(chromium_browser, browser_page, live_server, assert_accessible,
                         transactional_db):  # fmt: skip
    from ogp.accounts.tests.factories import UserFactory
    from ogp.countries.models import Country
    from ogp.countries.tests.factories import CountryFactory
    from ogp.participation.tests.factories import EventFactory

    Country.objects.all().delete()
    germany = CountryFactory(iso2="DE", iso3="DEU", name_en="Germany", name_fr="Allemagne",
                             name_es="Alemania")  # fmt: skip
    CountryFactory(iso2="DZ", iso3="DZA", name_en="Algeria", name_fr="Algérie", name_es="Argelia")
    CountryFactory(iso2="BE", iso3="BEL", name_en="Belgium", name_fr="Belgique", name_es="Bélgica")
    event = EventFactory(title="Encuentro nacional", capacity=3, country=germany)

    page = browser_page
    page.goto(f"/es{event.get_absolute_url()[3:]}")
    expect(page.get_by_text("Quedan 3 plazas")).to_be_visible()
    assert_accessible(page)

    page.goto("/es/participate/directory/")
    options = page.locator("#id_country option").all_inner_texts()
    assert options[1:] == ["Alemania", "Argelia", "Bélgica"]
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ["/es/participate/directory/", f"/es{event.get_absolute_url()[3:]}"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path

    member = _logged_in(chromium_browser, live_server, UserFactory(preferred_language="es"))
    member.goto("/es/participate/countries/DEU/")
    member.get_by_role("button", name="Seguir este país").click()
    expect(member.get_by_role("button", name="Dejar de seguir este país")).to_be_visible()
    member.goto("/es/participate/following/")
    expect(member.get_by_text("(país)")).to_be_visible()
    assert_accessible(member)
    member.goto("/es/participate/directory/my-entry/")
    expect(member.get_by_role("link", name="Añadir una organización")).to_be_visible()
    assert_accessible(member)
