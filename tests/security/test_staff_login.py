"""Finding 1: every way into a staff session passes the second factor in that session."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from ogp.accounts.tests.factories import PASSWORD, StaffUserFactory

# with each worker's own copies of user rows too: the second-factor rule still holds
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_copy_tier")]


SECRET = "JBSWY3DPEHPK3PXP"
STAFF_PAGES = ["/en/account/staff/", "/en/audit/", "/en/admin/", "/en/admin/mfa/authenticator/"]


def current_code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.fixture
def superuser():
    return StaffUserFactory(is_superuser=True, email="root@example.org")


def test_admin_login_with_password_and_no_code_opens_no_session(client, superuser):
    response = client.post(
        "/en/admin/login/?next=/en/admin/", {"username": superuser.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session
    for path in STAFF_PAGES:
        assert client.get(path).status_code == 302, path


def test_admin_login_page_is_the_site_login_and_comes_back(client):
    response = client.get("/en/admin/login/?next=/en/admin/audit/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2Faudit%2F"


def test_admin_login_shares_the_site_login_limit(client, superuser):
    for _ in range(30):
        client.post("/en/admin/login/", {"username": superuser.email, "password": "wrong"})
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": superuser.email, "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": superuser.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_only_session_of_staff_with_a_device_must_enter_a_code(client, superuser):
    # Django's own login (what the admin form did): a session with no second factor recorded
    assert client.login(email=superuser.email, password=PASSWORD)
    for path in STAFF_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/en/accounts/reauthenticate/2fa/") or response[
            "Location"
        ].startswith("/en/accounts/2fa/reauthenticate/"), response["Location"]
    # the authenticator pages are out of reach too (no deleting or reading recovery codes)
    for path in ["/en/accounts/2fa/", "/en/accounts/2fa/recovery-codes/"]:
        assert client.get(path).status_code == 302, path


def test_code_entered_in_this_session_opens_the_staff_pages(client, superuser):
    Authenticator.objects.filter(user=superuser).update(data={"secret": SECRET})
    assert client.login(email=superuser.email, password=PASSWORD)
    response = client.post("/en/accounts/2fa/reauthenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/en/account/staff/").status_code == 200
    assert client.get("/en/audit/").status_code == 200


def test_site_login_asks_for_the_code_before_the_session_exists(client, superuser):
    Authenticator.objects.filter(user=superuser).update(data={"secret": SECRET})
    response = client.post("/en/accounts/login/", {"login": superuser.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert client.get("/en/account/staff/").status_code == 302
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/en/account/staff/").status_code == 200


def test_a_used_code_cannot_be_replayed(client, superuser):
    Authenticator.objects.filter(user=superuser).update(data={"secret": SECRET})
    code = current_code()
    client.post("/en/accounts/login/", {"login": superuser.email, "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": code})
    client.logout()
    client.post("/en/accounts/login/", {"login": superuser.email, "password": PASSWORD})
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 200  # form shown again with an error
    assert client.get("/en/account/staff/").status_code == 302


def _staff_session(client, superuser):  # type: ignore[no-untyped-def]
    Authenticator.objects.filter(user=superuser).update(data={"secret": SECRET})
    assert client.login(email=superuser.email, password=PASSWORD)
    assert client.post("/en/accounts/2fa/reauthenticate/", {"code": current_code()}).status_code
    assert client.get("/en/audit/").status_code == 200


def test_the_rule_reads_no_authenticator_once_the_staff_row_is_cached(client, superuser):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _staff_session(client, superuser)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/audit/").status_code == 200
    assert not [q for q in queries.captured_queries if "mfa_authenticator" in q["sql"]]


def test_a_removed_authenticator_sends_staff_to_set_one_up_on_the_next_page(client, superuser):
    _staff_session(client, superuser)
    Authenticator.objects.filter(user=superuser).delete()
    response = client.get("/en/audit/")
    assert response.status_code == 302
    from django.urls import reverse

    assert response["Location"] == reverse("mfa_activate_totp")
