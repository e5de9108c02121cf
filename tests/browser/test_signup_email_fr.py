"""Journey, in French: a civil-society member signs up on /fr/; the confirmation e-mail is in
French (formal "vous"), names the platform, and links to the port the test server runs on."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_french_sign_up_confirmation_email(
    browser_page, live_server, mailoutbox, assert_accessible, settings
):
    settings.SITE_URL = "https://not-this-one.example.org"
    page = browser_page
    page.goto("/fr/accounts/signup/")
    assert_accessible(page)
    # the e-mail language defaults to the page's
    assert page.locator("#id_preferred_language").input_value() == "fr"
    page.locator("#id_email").fill("claire@example.org")
    page.locator("#id_password1").fill("une phrase de passe assez longue 9")
    page.locator("#id_password2").fill("une phrase de passe assez longue 9")
    page.locator("#id_full_name").fill("Claire Exemple")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/accounts/confirm-email/"))
    assert_accessible(page)

    (sent,) = mailoutbox
    assert sent.subject == "[OGP] Confirmez votre adresse de courriel"
    assert "Bonjour," in sent.body and "ouvrez ce lien" in sent.body
    assert "plateforme du Partenariat pour un gouvernement ouvert" in sent.body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", sent.body).group(0)
    assert link.startswith(live_server.url + "/fr/"), (link, live_server.url)
    assert "not-this-one" not in sent.body

    page.goto(link)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill("claire@example.org")
    page.locator("#id_password").fill("une phrase de passe assez longue 9")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/account/$"))
    expect(page.get_by_role("heading", name="Mon compte")).to_be_visible()
