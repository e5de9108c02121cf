"""Every e-mail renders in English, French and Spanish."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail

from ogp.core.mail import send_templated_mail

pytestmark = pytest.mark.django_db

TEMPLATES = [
    "letter_submitted",
    "letter_returned",
    "letter_accepted",
    "introduction",
    "invitation",
    "inquiry_message",
]


@pytest.fixture
def context(country):
    person = SimpleNamespace(get_full_name=lambda: "Awa Diallo")
    letter = SimpleNamespace(reference="LOI-ZZA-0001", country=country)
    return {
        "recipient": person,
        "letter": letter,
        "reason": "Add the date.",
        "url": "https://example.org/x",
        "resubmission": False,
        "first_plan_due": datetime.date(2027, 3, 31),
        "country": country,
        "contact": person,
        "inviter": person,
        "days": 14,
        "inquiry": SimpleNamespace(subject="Forum", country=country),
        "message": SimpleNamespace(author=person, body="Hello"),
    }


@pytest.mark.parametrize("template", TEMPLATES)
def test_email_in_three_languages(context, template):
    subjects, bodies = {}, {}
    for language in ["en", "fr", "es"]:
        send_templated_mail(
            to=["a@example.org"],
            template=f"membership/email/{template}",
            context=context,
            language=language,
        )
        sent = mail.outbox[-1]
        subjects[language], bodies[language] = sent.subject, sent.body
        assert sent.subject.strip()
        assert "https://example.org/x" in sent.body or template == "invitation"
    assert len(set(subjects.values())) == 3, subjects
    assert len(set(bodies.values())) == 3


def test_links_and_signature_in_the_recipients_language(
    government_user, staff_user, eligible_country, cochairs, signed_pdf,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """Staff work in English; the French-speaking government gets French links and wording."""
    from ogp.membership import services
    from ogp.membership.tests.factories import COMPLETE_LETTER

    government_user.preferred_language = "fr"
    government_user.save()
    letter = services.letter_create(
        acting_user=government_user, country=eligible_country, **COMPLETE_LETTER
    )
    letter = services.letter_upload_signed(
        acting_user=government_user, letter=letter, upload=signed_pdf()
    )
    services.letter_submit(acting_user=government_user, letter=letter)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_accept(acting_user=staff_user, letter=letter)
    (sent,) = [m for m in mail.outbox if m.to == [government_user.email]]
    assert f"/fr/members/{eligible_country.iso3}/" in sent.body
    assert "/en/" not in sent.body
    assert sent.body.rstrip().endswith("L’Unité de soutien de l’OGP")


def test_subjects_keep_apostrophes(context):
    """Côte d'Ivoire, or a question about "l'échéance", must not become &#x27; in a subject."""
    context["inquiry"] = SimpleNamespace(subject="Date de l'échéance & plan", country=None)
    send_templated_mail(
        to=["a@example.org"],
        template="membership/email/inquiry_message",
        context=context,
        language="fr",
    )
    assert mail.outbox[-1].subject.endswith("Date de l'échéance & plan")
