"""The sign-up confirmation e-mail comes in the language of the sign-up page, in the site's
formal register, names the platform and links to the address the person used."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def _sign_up(client, language, host):
    page = client.get(f"/{language}/accounts/signup/", HTTP_HOST=host)
    assert f'<option value="{language}" selected>' in page.content.decode()
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "claire@example.org",
            "password1": "a long enough passphrase 9",
            "password2": "a long enough passphrase 9",
            "full_name": "Claire Exemple",
            "preferred_language": language,
        },
        HTTP_HOST=host,
    )


def test_french_sign_up_email(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://elsewhere.example.org"
    _sign_up(client, "fr", "127.0.0.1:8117")
    (sent,) = mail.outbox
    assert sent.subject == "[OGP] Confirmez votre adresse de courriel"
    assert "Bonjour," in sent.body
    assert "plateforme du Partenariat pour un gouvernement ouvert" in sent.body
    assert "127.0.0.1:8117" in re.search(r"https?://\S+/accounts/confirm-email/\S+", sent.body)[0]
    assert "elsewhere.example.org" not in sent.body
    assert " tu " not in sent.body and " ton " not in sent.body


def test_spanish_sign_up_email_is_formal(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    _sign_up(client, "es", "localhost:8118")
    (sent,) = mail.outbox
    assert "Confirme su dirección" in sent.subject
    assert "abra este enlace" in sent.body  # usted, not tú
    assert "http://localhost:8118/es/accounts/confirm-email/" in sent.body
