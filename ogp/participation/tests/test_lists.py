"""Mailing lists: double opt-in, signed single-use confirmation, one-click unsubscribe, export."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse

from ogp.core.errors import ServiceError
from ogp.participation.models import ConsentRecord, Subscription
from ogp.participation.services.lists import (
    CONFIRM_SALT,
    confirmation_token,
    list_message_send,
    subscription_confirm,
    subscription_request,
    subscription_unsubscribe,
    unsubscribe_token,
)

from .factories import civil_society_list

pytestmark = pytest.mark.django_db


def _link(body: str, fragment: str) -> str:
    match = re.search(rf"https?://\S+{fragment}\S+/", body)
    assert match, body
    return match.group(0)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_signup_sends_confirmation_and_nothing_else(client):
    response = client.post(
        reverse("participation:mailing-list-signup"),
        {"email": "Ana@Example.org", "lists": [civil_society_list().pk], "language": "es",
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.email == "ana@example.org"
    assert subscription.state == "pending"
    assert subscription.language == "es"
    assert len(mail.outbox) == 1
    assert "Confirme su suscripción" in mail.outbox[0].subject  # Spanish, the chosen language
    assert ConsentRecord.objects.filter(action="given", email="ana@example.org").exists()


def test_signup_needs_consent_and_a_list(client):
    response = client.post(
        reverse("participation:mailing-list-signup"), {"email": "a@example.org", "language": "en"}
    )
    assert response.status_code == 200
    assert "Choose at least one list." in response.content.decode()
    assert "Your agreement is needed to subscribe." in response.content.decode()
    assert not Subscription.objects.exists()


def test_honeypot_refuses_bots(client):
    client.post(
        reverse("participation:mailing-list-signup"),
        {"email": "bot@example.org", "lists": [civil_society_list().pk], "language": "en",
         "consent": "on", "website_url": "http://spam.example"},
    )  # fmt: skip
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_signup_is_rate_limited(client):
    data = {"email": "x@example.org", "lists": [civil_society_list().pk], "language": "en"}
    statuses = [
        client.post(reverse("participation:mailing-list-signup"), data).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429


def test_confirm_from_email_link_is_single_use(client):
    subscription_request(
        acting_user=None, email="ana@example.org", mailing_lists=[civil_society_list()],
        language="en",
    )  # fmt: skip
    url = _path(_link(mail.outbox[0].body, "/confirm/"))
    page = client.get(url)
    assert page.status_code == 200
    assert Subscription.objects.get().state == "pending"  # GET never confirms (link scanners)
    response = client.post(url)
    assert response.status_code == 200
    assert Subscription.objects.get().state == "confirmed"
    again = client.post(url)
    assert again.status_code == 400
    assert "already been used" in again.content.decode()


def test_confirmation_expires_after_seven_days():
    (subscription,) = subscription_request(
        acting_user=None, email="a@example.org", mailing_lists=[civil_society_list()],
        language="en",
    )  # fmt: skip
    token = confirmation_token(subscription)
    with time_machine.travel(timedelta(days=7, seconds=1)), pytest.raises(ServiceError):
        subscription_confirm(token=token)
    with time_machine.travel(timedelta(days=6, hours=23)):
        assert subscription_confirm(token=token).state == "confirmed"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.TimestampSigner(salt="another").sign(token.split(":")[0]),
        lambda token: "not-a-token",
    ],
)
def test_tampered_confirmation_is_refused(tamper):
    (subscription,) = subscription_request(
        acting_user=None, email="a@example.org", mailing_lists=[civil_society_list()],
        language="en",
    )  # fmt: skip
    with pytest.raises(ServiceError):
        subscription_confirm(token=tamper(confirmation_token(subscription)))
    assert Subscription.objects.get().state == "pending"


def test_resubscribing_invalidates_the_previous_link():
    (first,) = subscription_request(
        acting_user=None, email="a@example.org", mailing_lists=[civil_society_list()],
        language="en",
    )  # fmt: skip
    old = confirmation_token(first)
    subscription_request(
        acting_user=None, email="a@example.org", mailing_lists=[civil_society_list()],
        language="fr",
    )  # fmt: skip
    with pytest.raises(ServiceError):
        subscription_confirm(token=old)
    assert signing.TimestampSigner(salt=CONFIRM_SALT).unsign(old)  # signature itself still valid


def _confirmed(email="ana@example.org", language="en"):
    (subscription,) = subscription_request(
        acting_user=None, email=email, mailing_lists=[civil_society_list()], language=language
    )
    return subscription_confirm(token=confirmation_token(subscription))


def test_every_message_has_a_signed_unsubscribe_link_and_headers(staff_user):
    first = _confirmed("a@example.org", "fr")
    second = _confirmed("b@example.org", "es")
    _confirmed("c@example.org")
    subscription_unsubscribe(
        token=unsubscribe_token(Subscription.objects.get(email="c@example.org"))
    )
    mail.outbox.clear()
    message = list_message_send(
        acting_user=staff_user, mailing_list=civil_society_list(), subject="News", body="Hello"
    )
    assert message.recipient_count == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    for sent, subscription in zip(
        sorted(mail.outbox, key=lambda m: m.to[0]), [first, second], strict=True
    ):
        link = _link(sent.body, "/unsubscribe/")
        assert unsubscribe_token(subscription) in link
        assert sent.extra_headers["List-Unsubscribe"] == f"<{link}>"
        assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/fr/" in _link(mail.outbox[0].body, "/unsubscribe/") or "/es/" in _link(
        mail.outbox[0].body, "/unsubscribe/"
    )


def test_one_click_unsubscribe_post_without_session_or_csrf(client):
    subscription = _confirmed()
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    url = reverse("participation:unsubscribe", args=[unsubscribe_token(subscription)])
    assert csrf_client.get(url).status_code == 200
    assert Subscription.objects.get().state == "confirmed"  # GET shows a button only
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.state == "unsubscribed"
    assert ConsentRecord.objects.filter(action="withdrawn", email=subscription.email).exists()
    # The link keeps working (idempotent): a second click says it is already done.
    assert csrf_client.post(url).status_code == 200
    assert "already unsubscribed" in csrf_client.get(url).content.decode()


def test_unsubscribe_link_is_signed(client):
    subscription = _confirmed()
    forged = signing.Signer(salt="wrong").sign(str(subscription.pk))
    response = client.post(reverse("participation:unsubscribe", args=[forged]))
    assert response.status_code == 400
    assert Subscription.objects.get().state == "confirmed"


def test_unsubscribed_person_can_subscribe_again():
    subscription = _confirmed()
    subscription_unsubscribe(token=unsubscribe_token(subscription))
    (again,) = subscription_request(
        acting_user=None, email=subscription.email, mailing_lists=[civil_society_list()],
        language="en",
    )  # fmt: skip
    assert again.state == "pending"


def test_already_confirmed_address_is_not_revealed(client):
    _confirmed("ana@example.org")
    mail.outbox.clear()
    response = client.post(
        reverse("participation:mailing-list-signup"),
        {"email": "ana@example.org", "lists": [civil_society_list().pk], "language": "en",
         "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    assert not mail.outbox


def test_staff_export_csv(client_for, staff_user):
    _confirmed("a@example.org")
    response = client_for(staff_user).get(
        reverse("participation:staff-list-export", args=["civil-society"])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming  # written row by row, never whole in memory
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("email,state,language")
    assert "a@example.org,confirmed,en" in text


@pytest.mark.parametrize("who", ["anonymous", "civil_society_user", "government_user"])
def test_export_is_staff_only(client_for, request, who):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    response = client_for(user).get(
        reverse("participation:staff-list-export", args=["civil-society"])
    )
    assert response.status_code in (302, 403)


def test_country_list_is_created_on_first_subscription(client, country):
    response = client.post(
        reverse("participation:mailing-list-signup"),
        {"email": "a@example.org", "country": country.iso3, "language": "en", "consent": "on"},
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.mailing_list.kind == "country"
    assert subscription.mailing_list.country == country
    assert "Civil society in Zedland" in mail.outbox[0].subject


def test_guidance_page_links_to_country_signup(client, country):
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    assert f"{reverse('participation:mailing-list-signup')}?country={country.iso3}" in page


def test_plain_text_emails_are_not_html_escaped(staff_user):
    """E-mails are plain text: an apostrophe or an ampersand stays as typed."""
    _confirmed("a@example.org", "fr")
    mail.outbox.clear()
    list_message_send(
        acting_user=staff_user,
        mailing_list=civil_society_list(),
        subject="Nouvelles de l'OGP & co",
        body="L'équipe <OGP>",
    )
    (sent,) = mail.outbox
    assert sent.subject == "Nouvelles de l'OGP & co"
    assert "L'équipe <OGP>" in sent.body


def test_email_templates_render_without_html_escaping():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = [root / "participation/templates/participation/email"]
    folders.append(root / "membership/templates/membership/email")
    for folder in folders:
        for template in folder.glob("*.txt"):
            assert "{% autoescape off %}" in template.read_text(), template


def test_several_lists_in_one_form_send_one_confirmation(client):
    from ogp.countries.tests.factories import CountryFactory
    from ogp.participation.models import MailingList

    second = MailingList.objects.create(slug="cs-fr", kind=MailingList.Kind.COUNTRY,
                                        country=CountryFactory(name_fr="Zédie"))  # fmt: skip
    pending = subscription_request(
        acting_user=None, email="ana@example.org",
        mailing_lists=[civil_society_list(), second], language="fr",
    )  # fmt: skip
    assert len(pending) == 2
    (sent,) = mail.outbox
    assert "2" in sent.subject and "Zédie" in sent.body
    url = _path(_link(sent.body, "/confirm/"))
    page = client.get(url).content.decode()
    assert "Zédie" in page or "Zedland" in page or "Civil society in" in page
    client.post(url)
    assert set(Subscription.objects.values_list("state", flat=True)) == {"confirmed"}
    assert client.post(url).status_code == 400  # single use
