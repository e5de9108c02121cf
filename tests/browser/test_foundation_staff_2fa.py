"""Journey: a Support Unit member without 2FA is made to set it up, then reaches the workspace."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from ogp.accounts.tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_staff_must_turn_on_two_factor_then_log_in_with_a_code(browser_page, assert_accessible):
    staff = StaffUserFactory(two_factor=False, email="su@example.org")
    page = browser_page
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(staff.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto("/en/account/staff/")
    # allauth asks for the password again before a second factor is added
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    expect(page.get_by_text("must turn on two-factor authentication")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert_accessible(page)

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.goto("/en/account/staff/")
    expect(page.get_by_role("heading", name="Support Unit workspace")).to_be_visible()
    assert_accessible(page)

    # next login asks for the second factor
    page.get_by_role("button", name="Log out").click()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(staff.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_accessible(page)
    page.get_by_label("Code").fill(current_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.goto("/en/account/staff/")
    expect(page.get_by_role("heading", name="Support Unit workspace")).to_be_visible()


def test_public_pages_are_accessible(browser_page, assert_accessible, country):
    page = browser_page
    paths = ["/en/countries/", f"/en/countries/{country.iso3}/", "/es/countries/", "/fr/no-page/"]
    for path in paths:
        page.goto(path)
        assert_accessible(page)
