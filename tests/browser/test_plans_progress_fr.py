"""Journey, in French: a government user posts a milestone update with a PDF, a civil-society
co-owner disputes it, and a visitor sees both views side by side. In English, a visitor filters
the commitment explorer by "high completion"."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(transactional_db):
    from ogp.accounts.tests.factories import CivilSocietyUserFactory, GovernmentUserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.organisations.tests.factories import OrganisationFactory
    from ogp.plans.tests.factories import CommitmentFactory, InstitutionFactory, MilestoneFactory

    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie")
    org = OrganisationFactory(name="Veille budgétaire", kind="civil_society", country=country)
    commitment = CommitmentFactory(
        identifier="ZZ0001", plan__country=country, title="Portail des données budgétaires"
    )
    InstitutionFactory(commitment=commitment, role="lead", name="Ministère des Finances")
    InstitutionFactory(
        commitment=commitment, name=org.name, organisation=org, is_civil_society=True
    )
    milestone = MilestoneFactory(commitment=commitment, title="Mettre le portail en ligne")
    government = GovernmentUserFactory(email="awa@example.org", country=country)
    cso = CivilSocietyUserFactory(email="lea@example.org", organisation=org)
    return commitment, milestone, government, cso


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


def test_update_dispute_and_both_views_in_french(
    browser_page, live_server, chromium_browser, setup, assert_accessible
):
    from ogp.core.tests.test_helpers import make_pdf

    commitment, milestone, government, cso = setup
    page = browser_page

    # The government user logs in and posts an update with a PDF.
    page.goto("/fr/accounts/login/")
    page.locator("#id_login").fill(government.email)
    page.locator("#id_password").fill("correct horse battery staple 42")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/fr/account/$"))
    page.goto(f"/fr/plans/commitments/{commitment.identifier}/")
    assert_accessible(page)
    page.get_by_role("link", name="Publier un point d'avancement").click()
    expect(page.get_by_role("heading", name="Publier un point d'avancement")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Achevé").check()
    page.get_by_label("Ce qui a été fait").fill("Le portail est en ligne depuis mars.")
    page.locator("#id_evidence_file").set_input_files(
        files=[{"name": "rapport.pdf", "mimeType": "application/pdf", "buffer": make_pdf()}]
    )
    page.get_by_role("button", name="Publier le point d'avancement").click()
    expect(page.get_by_role("link", name="rapport.pdf")).to_be_visible()

    # The civil-society co-owner disputes it.
    cso_page = logged_in_page(chromium_browser, live_server, cso)
    cso_page.goto(f"/fr/plans/commitments/{commitment.identifier}/")
    cso_page.get_by_role("link", name="Confirmer ou contester ce point d'avancement").click()
    expect(
        cso_page.get_by_role("heading", name="Confirmer ou contester un point d'avancement")
    ).to_be_visible()
    assert_accessible(cso_page)
    cso_page.get_by_label("Contester").check()
    cso_page.get_by_label("Si vous le contestez : le statut que vous constatez").select_option(
        "limited"
    )
    cso_page.get_by_label("Votre raisonnement").fill("La moitié des jeux de données manque.")
    cso_page.get_by_role("button", name="Publier mon avis").click()
    expect(cso_page.get_by_text("La moitié des jeux de données manque.")).to_be_visible()
    cso_page.context.close()

    # A visitor sees both views side by side.
    visitor = chromium_browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    visitor.goto(f"/fr/plans/commitments/{commitment.identifier}/")
    article = visitor.locator(f"#milestone-{milestone.pk}")
    expect(article.get_by_role("heading", name="Statut officiel")).to_be_visible()
    expect(article.get_by_role("heading", name="Statut selon la société civile")).to_be_visible()
    expect(article.get_by_text("Limité (contesté)")).to_be_visible()
    expect(article.get_by_text("Veille budgétaire (Limité)", exact=False)).to_be_visible()
    assert_accessible(visitor)
    visitor.context.close()


def test_explorer_filters_high_completion_in_english(browser_page, setup, assert_accessible):
    from ogp.plans.tests.factories import CommitmentFactory

    commitment, _milestone, _gov, _cso = setup
    CommitmentFactory(
        identifier="ZZ0002", plan=commitment.plan, title="Lobbying register",
        completion="limited", high_completion=False,
    )  # fmt: skip
    page = browser_page
    page.goto("/en/plans/commitments/")
    expect(page.get_by_role("heading", name="Commitment explorer", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("IRM coding").select_option(label="High completion")
    page.get_by_role("button", name="Show commitments").click()
    expect(page.get_by_text("1 commitment matches.")).to_be_visible()
    expect(page.get_by_role("link", name="ZZ0001")).to_be_visible()
    expect(page.get_by_role("link", name="ZZ0002")).to_have_count(0)
    assert_accessible(page)
