"""allauth's own e-mails (confirmation, password reset) go through the platform's outbox: in
the user's language, retried when the mail server fails, listed for staff after the last try."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from ogp.core.models import OutboundEmail

pytestmark = pytest.mark.django_db


class DownBackend(EmailBackend):
    failures = 0
    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@pytest.fixture
def backend(settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    DownBackend.calls, DownBackend.failures = 0, 0
    return DownBackend


def sign_up(client, language="fr"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "claire@example.org",
            "password1": "a long enough passphrase 9",
            "password2": "a long enough passphrase 9",
            "full_name": "Claire Exemple",
            "preferred_language": language,
        },
    )


def test_confirmation_goes_through_the_outbox_and_survives_two_failures(client, backend):
    backend.failures = 2
    sign_up(client)
    email = OutboundEmail.objects.get(template="account/email/email_confirmation_signup")
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 3
    assert email.to == ["claire@example.org"]
    assert email.subject == "[OGP] Confirmez votre adresse de courriel"
    (sent,) = mail.outbox
    assert sent.subject == email.subject and "Bonjour," in sent.body


def test_a_failed_account_email_is_visible_to_staff(client, backend, settings, staff_user):
    settings.OGP_MAIL_MAX_ATTEMPTS = 2
    backend.failures = 10
    sign_up(client, "es")
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.FAILED and "mail server down" in email.last_error
    assert mail.outbox == []
    client.force_login(staff_user)
    page = client.get(reverse("ogp_tasks:staff"))
    assert page.status_code == 200
    assert "claire@example.org" in page.content.decode()


def test_password_reset_in_the_users_language(client, backend):
    from ogp.accounts.tests.factories import UserFactory

    UserFactory(email="ana@example.org", preferred_language="es")
    client.post("/en/accounts/password/reset/", {"email": "ana@example.org"})
    email = OutboundEmail.objects.get()
    assert email.template == "account/email/password_reset_key"
    assert email.status == OutboundEmail.Status.SENT
    assert "contraseña" in email.subject.lower()
