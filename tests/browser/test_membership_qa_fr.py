"""In French: errors come from the server in French (no browser bubble blocks the form), a web
address typed without https:// is accepted, and an invitation opened before logging in explains
itself; at 375px the workspace tables scroll inside their wrapper."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def government(transactional_db):
    from ogp.accounts.tests.factories import GovernmentUserFactory
    from ogp.countries.models import MembershipStatus
    from ogp.countries.tests.factories import CountryFactory

    country = CountryFactory(
        iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia",
        membership_status=MembershipStatus.ELIGIBLE, un_member=True,
    )  # fmt: skip
    return GovernmentUserFactory(
        email="awa@example.org", full_name="Awa Diallo", country=country, preferred_language="fr"
    )


def _log_in(page, email):
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/fr/account/$"))


def test_lead_agency_errors_in_french_then_saved(browser_page, assert_accessible, government):
    page = browser_page
    _log_in(page, government.email)
    page.goto("/fr/members/ZZA/lead-agency/")
    page.get_by_label("Ministère ou agence chef de file").fill("Ministère de la Réforme")
    page.get_by_label("Site web").fill("reforme.example.org")
    page.get_by_role("button", name="Enregistrer").click()
    # The browser did not stop the form: the server answered, in French, and kept the input.
    expect(page.get_by_text("Ce champ est obligatoire.").first).to_be_visible()
    assert page.get_by_label("Site web").input_value() == "reforme.example.org"
    assert_accessible(page)
    page.get_by_label("Point de contact : nom").fill("Awa Diallo")
    page.get_by_label("Point de contact : fonction").fill("Directrice de la réforme")
    page.get_by_label("Point de contact : courriel").fill("awa@example.org")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(re.compile(r"/fr/members/ZZA/joining/$"))
    expect(page.get_by_role("link", name="Voir la page publique du membre.")).to_be_visible()
    from ogp.membership.models import LeadAgency

    assert LeadAgency.objects.get(country=government.country).website == (
        "https://reforme.example.org"
    )


def test_invitation_opened_before_logging_in(browser_page, assert_accessible, government):
    from ogp.membership import services
    from ogp.membership.models import Invitation

    invitation = Invitation.objects.create(
        country=government.country, email="colleague@example.org", invited_by=government
    )
    page = browser_page
    page.goto(f"/fr/members/invitations/{services.invitation_token(invitation)}/")
    expect(page.get_by_text("colleague@example.org", exact=False).first).to_be_visible()
    expect(page.get_by_role("link", name="Créer un compte")).to_be_visible()
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    assert_accessible(page)


def test_workspace_on_a_phone(browser_page, assert_accessible, government):
    from ogp.membership import services

    services.letter_create(acting_user=government, country=government.country, language="fr")
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    _log_in(page, government.email)
    page.goto("/fr/members/ZZA/joining/")
    tables = page.locator("main table").all()
    assert tables
    for table in tables:
        assert table.evaluate("t => t.parentElement.classList.contains('table-scroll')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    page.goto("/fr/members/ZZA/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
