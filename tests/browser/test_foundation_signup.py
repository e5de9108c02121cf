"""Journey: sign up, confirm the e-mail from the outbox, log in, switch to French, reach home."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_sign_up_confirm_log_in_and_switch_to_french(
    browser_page, live_server, mailoutbox, assert_accessible
):
    page = browser_page
    page.goto("/en/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign up").click()
    assert_accessible(page)
    page.get_by_label("Email").fill("maria@example.org")
    page.locator("#id_password1").fill("a long enough passphrase 9")
    page.locator("#id_password2").fill("a long enough passphrase 9")
    page.get_by_label("Full name").fill("María Ejemplo")
    page.get_by_label("Preferred language for e-mails").select_option("en")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    assert_accessible(page)

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    page.goto("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    page.goto("/en/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email").fill("maria@example.org")
    page.locator("#id_password").fill("a long enough passphrase 9")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/account/$"))
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/account/$"))
    expect(page.get_by_role("heading", name="Mon compte")).to_be_visible()
    page.get_by_role("link", name="Accueil").first.click()
    page.wait_for_url(re.compile(r"/fr/$"))
    expect(page.get_by_role("heading", name="Pour les gouvernements")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)
