import re

import pytest
from allauth.account.models import EmailAddress

from ogp.accounts.models import Role, User

pytestmark = pytest.mark.django_db


def sign_up(client, email="ana@example.org", language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "password1": "a long enough passphrase 9",
            "password2": "a long enough passphrase 9",
            "full_name": "Ana Example",
            "preferred_language": language,
        },
    )


def confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_sign_up_sends_a_verification_email_and_blocks_login_until_confirmed(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert user.role == Role.PUBLIC and user.full_name == "Ana Example"
    assert len(mailoutbox) == 1
    assert not EmailAddress.objects.get(email="ana@example.org").verified

    client.logout()
    credentials = {"login": "ana@example.org", "password": "a long enough passphrase 9"}
    response = client.post("/en/accounts/login/", credentials)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]  # told to verify first, not logged in

    link = confirmation_link(mailoutbox[0])
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    assert EmailAddress.objects.get(email="ana@example.org").verified

    credentials = {"login": "ana@example.org", "password": "a long enough passphrase 9"}
    response = client.post("/en/accounts/login/", credentials)
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200


def test_verification_email_is_in_the_chosen_language(client, mailoutbox):
    sign_up(client, email="luc@example.org", language="fr")
    assert "Confirmez votre adresse" in mailoutbox[0].subject


def test_password_reset_sends_a_link(client, user, mailoutbox):
    response = client.post("/en/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_login_is_rate_limited_after_repeated_failures(client, user):
    from ogp.accounts.tests.factories import PASSWORD

    for _ in range(6):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong"})
    # even the right password is refused until the window passes
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_up_is_audited(client):
    from ogp.audit.models import AuditEvent

    sign_up(client)
    user = User.objects.get(email="ana@example.org")
    event = AuditEvent.objects.get(action="user.sign_up")
    assert event.actor == user and event.object_id == str(user.pk)
    assert event.after["email"] == "ana@example.org" and event.after["role"] == Role.PUBLIC
