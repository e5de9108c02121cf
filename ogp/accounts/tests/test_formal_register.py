"""allauth's texts read in the platform's formal register (usted, vous)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from ogp.accounts.formal_register import ALLAUTH_TEXTS

INFORMAL = re.compile(r"\b(tú|tu|tus|te|ti|puedes|has|ves|decides|inicies|introduce|introdúcelo)\b")


@pytest.mark.parametrize("text", ALLAUTH_TEXTS)
def test_spanish_says_usted(text):  # type: ignore[no-untyped-def]
    with translation.override("es"):
        spanish = translation.gettext(text)
    assert spanish != text  # translated by the platform's catalogue
    assert not INFORMAL.search(spanish.lower()), spanish


@pytest.mark.django_db
def test_the_verification_page_in_spanish(client):  # type: ignore[no-untyped-def]
    with translation.override("es"):
        url = reverse("account_email_verification_sent")
    text = client.get(url).content.decode()
    assert "Le hemos enviado un correo electrónico de verificación" in text
    assert "Si no ve el correo" in text and "si no ves" not in text.lower()
