"""Journey, in French: a government drafts its letter of intent, downloads the PDF, uploads the
signed copy and submits; the Support Unit returns it with a reason; the government corrects and
resubmits; the Support Unit accepts; a visitor reads the letter and the status timeline."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db):
    from ogp.accounts.tests.factories import GovernmentUserFactory, StaffUserFactory
    from ogp.countries.models import MembershipStatus
    from ogp.countries.tests.factories import CountryFactory
    from ogp.membership.tests.factories import CoChairsFactory

    country = CountryFactory(
        iso2="ZZ",
        iso3="ZZA",
        name_en="Zedland",
        name_fr="Zédie",
        name_es="Zedia",
        membership_status=MembershipStatus.ELIGIBLE,
        un_member=True,
    )
    CoChairsFactory()
    government = GovernmentUserFactory(
        email="awa@example.org",
        full_name="Awa Diallo",
        job_title="Directrice de la réforme",
        country=country,
        preferred_language="fr",
    )
    staff = StaffUserFactory(email="su@example.org", full_name="Sam Support")
    return country, government, staff


def staff_page(chromium_browser, live_server, staff):
    """A second browser, logged in as Support Unit staff (who have 2FA) through a session."""
    from django.test import Client

    client = Client()
    client.force_login(staff)
    context = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def upload_signed(page, name):
    from ogp.membership.tests.factories import pdf_bytes

    page.locator("#id_signed_pdf").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes("Signé")}]
    )
    page.get_by_role("button", name="Téléverser la lettre signée").click()
    page.get_by_text("La lettre signée a été téléversée.").wait_for()


def test_letter_of_intent_journey_in_french(
    browser_page, live_server, chromium_browser, setup, mailoutbox, assert_accessible
):
    country, government, staff = setup
    page = browser_page

    # The government user logs in, in French.
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill(government.email)
    page.locator("#id_password").fill("correct horse battery staple 42")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/fr/account/$"))

    # Joining workspace, then draft the letter.
    page.goto("/fr/members/ZZA/joining/")
    expect(page.get_by_role("heading", name="Adhésion à l’OGP : Zédie")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Rédiger une lettre d’intention").click()
    assert_accessible(page)
    assert page.locator("#id_eligibility_confirmed").is_checked()  # from the recorded status
    page.locator("#id_language").select_option("fr")
    page.locator("#id_endorses_declaration").check()
    page.locator("#id_past_reforms").fill("Loi sur l’accès à l’information (exemple fictif).")
    page.locator("#id_responsible_ministry").fill("Ministère de la Fonction publique")
    page.locator("#id_signatory_name").fill("Jean Martin")
    page.locator("#id_signatory_title").fill("Ministre de la Fonction publique")
    page.locator("#id_signatory_agency").fill("Ministère de la Fonction publique")
    page.locator("#id_signatory_is_ministerial").check()
    page.locator("#id_head_of_government_authorisation").check()
    page.locator("#id_authorised_by").fill("le Premier ministre")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_text("Le brouillon de la lettre a été enregistré.").wait_for()
    assert_accessible(page)
    assert "Téléversez la lettre signée au format PDF." in page.content()

    # Download the letter to sign.
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger la lettre à signer (PDF)").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # Upload the signed copy and submit.
    upload_signed(page, "lettre-signee.pdf")
    page.get_by_role("button", name="Soumettre la lettre à l’Unité de soutien").click()
    page.get_by_text(
        "La lettre a été soumise à l’Unité de soutien de l’OGP pour examen."
    ).wait_for()
    assert page.locator("#letter-state").inner_text() == "Soumise, en attente d’examen"
    assert_accessible(page)

    # The Support Unit returns it with a reason.
    staff_tab = staff_page(chromium_browser, live_server, staff)
    staff_tab.goto("/fr/members/staff/letters/")
    assert_accessible(staff_tab)
    staff_tab.get_by_role("link", name=re.compile("LOI-ZZA")).click()
    assert_accessible(staff_tab)
    staff_tab.get_by_label("Que doit modifier le gouvernement ?").fill(
        "Précisez la date de l’autorisation du Premier ministre."
    )
    staff_tab.get_by_role("button", name="Renvoyer au gouvernement").click()
    staff_tab.get_by_text("La lettre a été renvoyée au gouvernement.").wait_for()
    assert any("modifications" in m.subject for m in mailoutbox)

    # The government sees the reason, corrects, re-signs and resubmits.
    page.reload()
    assert page.locator("#letter-state").inner_text() == "Renvoyée pour modifications"
    assert "Précisez la date de l’autorisation" in page.locator("#return-reason").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Modifier la lettre").click()
    page.locator("#id_authorised_by").fill("le Premier ministre, par décision du 2 mars 2026")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_text("La lettre a été enregistrée.").wait_for()
    upload_signed(page, "lettre-signee-corrigee.pdf")
    page.get_by_role("button", name="Soumettre la lettre corrigée").click()
    page.get_by_text(
        "La lettre a été soumise à l’Unité de soutien de l’OGP pour examen."
    ).wait_for()

    # The Support Unit accepts.
    staff_tab.reload()
    staff_tab.get_by_role("link", name="Accepter et publier").click()
    staff_tab.get_by_role("button", name="Oui, accepter et publier").click()
    staff_tab.get_by_text("La lettre a été acceptée et publiée.").wait_for()
    assert_accessible(staff_tab)
    staff_tab.context.close()

    # A visitor sees the letter and the status timeline on the public member page.
    visitor = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR")
    public = visitor.new_page()
    public.goto("/fr/members/ZZA/")
    expect(
        public.get_by_role("heading", name="Zédie dans le Partenariat pour un gouvernement ouvert")
    ).to_be_visible()
    assert_accessible(public)
    timeline = public.locator("ol.timeline").inner_text()
    for reason in [
        "Lettre d’intention soumise.",
        "Lettre d’intention renvoyée pour modifications.",
        "Lettre d’intention corrigée soumise.",
        "Lettre d’intention acceptée et publiée ; l’accueil commence.",
    ]:
        assert reason in timeline
    public.get_by_role("link", name=re.compile("Lettre d’intention acceptée le")).click()
    assert_accessible(public)
    text = public.locator("article.letter").inner_text()
    assert "Lettre d’intention d’adhésion au Partenariat pour un gouvernement ouvert" in text
    assert "le Premier ministre, par décision du 2 mars 2026" in text
    with public.expect_download() as signed:
        public.get_by_role("link", name="Télécharger la lettre signée (PDF)").click()
    with open(signed.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    visitor.close()
