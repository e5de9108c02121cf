"""Co-creation journeys: in French on a 375 px phone, a civil-society member comments on a
paragraph, the point of contact answers it with a reason, a visitor finds it on the "what we
heard" page; in Spanish, a government user publishes version 2 and a visitor opens the diff."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _logged_in(chromium_browser, live_server, user, locale, viewport=None):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    options = {"base_url": live_server.url, "locale": locale}
    if viewport:
        options |= {"viewport": viewport, "has_touch": True, "is_mobile": True}
    context = chromium_browser.new_context(**options)
    context.set_default_timeout(15_000)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context.new_page()


def _plan():
    from ogp.cocreation.services.rulesets import rule_sets_install
    from ogp.cocreation.tests.factories import CommitmentFactory, PlanFactory, VersionFactory
    from ogp.countries.tests.factories import CountryFactory

    rule_sets_install()
    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie",
                             name_es="Zedia", membership_status="active")  # fmt: skip
    plan = PlanFactory(country=country, title="Plan de démonstration")
    version = VersionFactory(plan=plan, number=1, introduction="Premier paragraphe.")
    commitment = CommitmentFactory(version=version, title="Données budgétaires ouvertes",
                                   problem="Les données paraissent avec un an de retard.",
                                   objective="Publier chaque mois.")  # fmt: skip
    return country, plan, commitment


PHONE = {"width": 375, "height": 740}


def test_french_phone_comment_answer_and_ledger(chromium_browser, browser_page, live_server,
                                                assert_accessible, transactional_db):  # fmt: skip
    from ogp.accounts.tests.factories import CivilSocietyUserFactory, GovernmentUserFactory

    country, plan, commitment = _plan()
    member = CivilSocietyUserFactory(full_name="Awa Démo", preferred_language="fr")
    contact = GovernmentUserFactory(country=country, preferred_language="fr")

    phone = _logged_in(chromium_browser, live_server, member, "fr-FR", PHONE)
    phone.goto(f"/fr/co-creation/{plan.slug}/drafts/1/")
    assert_accessible(phone)
    paragraph = phone.locator(f"#c-{commitment.key}-problem")
    paragraph.get_by_role("link", name="Commenter").tap()
    expect(phone.get_by_label("Votre commentaire sur ce paragraphe")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.get_by_label("Votre commentaire sur ce paragraphe").fill(
        "Ajoutez une situation de référence."
    )
    phone.get_by_role("button", name="Publier mon commentaire").tap()
    expect(phone.get_by_text("Votre commentaire est publié.")).to_be_visible()
    expect(
        phone.locator(f"#c-{commitment.key}-problem").get_by_text(
            "Ajoutez une situation de référence."
        )
    ).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone)

    government = _logged_in(chromium_browser, live_server, contact, "fr-FR")
    government.goto(f"/fr/co-creation/{plan.slug}/what-we-heard/")
    government.get_by_role("link", name="Répondre à la contribution").first.click()
    assert_accessible(government)
    government.get_by_label("Suite donnée à cette contribution").select_option("not_adopted")
    government.get_by_label("Motif (publié)").fill(
        "Les données de référence figurent déjà en annexe."
    )
    government.get_by_role("button", name="Publier la réponse").click()
    expect(government.get_by_text("La réponse est publiée dans le registre.")).to_be_visible()

    visitor = browser_page
    visitor.goto(f"/fr/co-creation/{plan.slug}/what-we-heard/")
    expect(visitor.get_by_text("Ajoutez une situation de référence.")).to_be_visible()
    expect(visitor.locator("article strong", has_text="Non retenue")).to_be_visible()
    expect(visitor.get_by_text("Les données de référence figurent déjà en annexe.")).to_be_visible()
    assert_accessible(visitor)


def test_spanish_government_publishes_version_2_and_visitor_opens_diff(
    chromium_browser, browser_page, live_server, assert_accessible, transactional_db
):
    from ogp.accounts.tests.factories import GovernmentUserFactory

    country, plan, commitment = _plan()
    contact = GovernmentUserFactory(country=country, preferred_language="es")
    government = _logged_in(chromium_browser, live_server, contact, "es-ES")
    government.goto(f"/es/co-creation/{plan.slug}/")
    government.get_by_role("link", name="Editar el borrador de trabajo").click()
    assert_accessible(government)
    government.get_by_role("link", name=f"Editar «{commitment.title}»").click()
    government.get_by_label("En qué consiste el compromiso: objetivo y resultados esperados").fill(
        "Publicar cada mes en datos abiertos."
    )
    government.get_by_role("button", name="Guardar").click()
    expect(government.get_by_text("Guardado.")).to_be_visible()
    government.get_by_role(
        "button", name="Publicar este borrador como la siguiente versión"
    ).click()
    expect(government.get_by_text("La versión 2 está publicada.")).to_be_visible()
    assert_accessible(government)

    visitor = browser_page
    visitor.goto(f"/es/co-creation/{plan.slug}/drafts/")
    visitor.get_by_role("button", name="Ver qué cambió").click()
    expect(
        visitor.get_by_role("heading", name="Qué cambió de la versión 1 a la versión 2")
    ).to_be_visible()
    expect(visitor.locator("ins").filter(has_text="en datos abiertos.")).to_be_visible()
    expect(visitor.locator("del").first).to_be_visible()
    assert_accessible(visitor)
    visitor.set_viewport_size(PHONE)
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 375
