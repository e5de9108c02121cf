"""Journey, in French: a citizen comments on a section of a self-assessment draft open for
comment, the government answers with a reason and publishes the final version once the period
is over, and a visitor sees what changed from the draft."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db):
    from django.utils import timezone

    from ogp.accounts.tests.factories import GovernmentUserFactory, UserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.monitoring.services import (
        self_assessment_create,
        self_assessment_open_for_comment,
        self_assessment_sections_update,
    )
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory

    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie")
    plan = ActionPlanFactory(country=country, ogp_id="AP_ZZA01", submitted_year=2024)
    CommitmentFactory(plan=plan, identifier="ZZ0001", title="Portail des données budgétaires")
    government = GovernmentUserFactory(email="awa@example.org", country=country)
    citizen = UserFactory(email="jean@example.org", full_name="Jean Dupont")
    report = self_assessment_create(acting_user=government, plan=plan, kind="midterm")
    self_assessment_sections_update(
        acting_user=government, report=report,
        bodies={"introduction": "Le plan comptait un engagement."},
    )  # fmt: skip
    today = timezone.localdate()
    report = self_assessment_open_for_comment(
        acting_user=government, report=report, opens=today, closes=today + timedelta(days=14)
    )
    return report, government, citizen


def logged_in_page(chromium_browser, live_server, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_comment_answer_publish_and_diff_in_french(
    live_server, chromium_browser, setup, assert_accessible
):
    from django.utils import timezone

    report, government, citizen = setup
    url = f"/fr/monitoring/self-assessment/{report.pk}/"

    # A citizen comments on the introduction while the period is open.
    page = logged_in_page(chromium_browser, live_server, citizen)
    page.goto(url)
    expect(
        page.get_by_role("heading", name=re.compile("Auto-évaluation à mi-parcours"))
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Votre commentaire sur « Introduction »").fill(
        "Dites combien de jalons ont été achevés."
    )
    page.get_by_role("button", name="Envoyer le commentaire").first.click()
    expect(page.get_by_text("Votre commentaire est publié.")).to_be_visible()
    expect(page.get_by_text("Dites combien de jalons ont été achevés.")).to_be_visible()
    page.context.close()

    # The period ends (as if two weeks had passed).
    today = timezone.localdate()
    type(report).objects.filter(pk=report.pk).update(
        comment_opens=today - timedelta(days=15), comment_closes=today - timedelta(days=1)
    )

    # The government answers with a reason, edits the section and publishes.
    gov = logged_in_page(chromium_browser, live_server, government)
    gov.goto(url)
    expect(gov.get_by_text("La version finale ne peut pas encore être publiée")).to_be_visible()
    gov.get_by_role("link", name=re.compile("Répondre au commentaire")).click()
    assert_accessible(gov)
    gov.get_by_label("Suite donnée").select_option(label="Retenue")
    gov.get_by_label("Motif (affiché publiquement)").fill("Nous indiquons le nombre de jalons.")
    gov.get_by_role("button", name="Publier la réponse").click()
    expect(gov.get_by_text("Nous indiquons le nombre de jalons.")).to_be_visible()
    gov.get_by_role("link", name="Modifier les sections").click()
    gov.get_by_label("Introduction").fill(
        "Le plan comptait un engagement ; deux jalons sur trois sont achevés."
    )
    gov.get_by_role("button", name="Enregistrer").click()
    gov.get_by_role("button", name="Publier la version finale").click()
    expect(gov.get_by_text("La version finale est publiée.")).to_be_visible()
    gov.context.close()

    # A visitor sees the diff from the draft opened for comment.
    visitor = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    visitor.goto(url)
    visitor.get_by_role(
        "link", name="Ce qui a changé entre le projet ouvert aux commentaires et la version finale"
    ).click()
    expect(
        visitor.get_by_role(
            "heading",
            name="Ce qui a changé entre le projet ouvert aux commentaires et la version finale",
        )
    ).to_be_visible()
    expect(visitor.locator("ins", has_text="deux jalons sur trois sont achevés.")).to_be_visible()
    assert_accessible(visitor)
    visitor.goto(url)
    expect(visitor.get_by_text("Nous indiquons le nombre de jalons.")).to_be_visible()
    visitor.context.close()
