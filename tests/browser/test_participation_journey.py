"""Journey in Spanish: mailing list double opt-in, forum membership approved by a coordinator,
registration for a full event, promotion from the waiting list, iCal download."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple 42"


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _log_in(page, email: str) -> None:
    page.goto("/es/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/es/account/$"))


def test_spanish_journey(
    chromium_browser, browser_page, live_server, mailoutbox, assert_accessible, transactional_db
):
    from ogp.accounts.tests.factories import UserFactory
    from ogp.countries.tests.factories import CountryFactory
    from ogp.participation.models import MailingList, Registration
    from ogp.participation.services.events import registration_create
    from ogp.participation.tests.factories import CoordinatorFactory, EventFactory, ForumFactory

    MailingList.objects.get_or_create(slug="civil-society", defaults={"kind": "civil_society"})
    country = CountryFactory(iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie",
                             name_es="Zedia")  # fmt: skip
    forum = ForumFactory(country=country, name="Foro demo de gobierno abierto")
    coordinator = UserFactory(email="coord@example.org", full_name="Carla Coordinadora",
                              preferred_language="es")  # fmt: skip
    CoordinatorFactory(forum=forum, user=coordinator, display_name="Carla Coordinadora")
    lucia = UserFactory(email="lucia@example.org", full_name="Lucía Pérez", preferred_language="es")
    holder = UserFactory(email="holder@example.org", preferred_language="es")
    start = timezone.now() + timedelta(days=20)
    event = EventFactory(title="Encuentro demo nacional", capacity=1, country=country,
                         starts_at=start, ends_at=start + timedelta(hours=3))  # fmt: skip
    seat = registration_create(acting_user=holder, event=event)
    mailoutbox.clear()

    page = browser_page
    # 1. Mailing list sign-up and confirmation from the e-mail.
    page.goto("/es/participate/mailing-lists/")
    heading = "Suscribirse a la lista de correo de la sociedad civil"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Su dirección de correo electrónico").fill("lucia@example.org")
    page.get_by_label("Lista de correo OGP de la sociedad civil").check()
    page.get_by_label("Idioma de los mensajes").select_option("es")
    page.get_by_label(re.compile("^Acepto recibir correos")).check()
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.get_by_role("heading", name="Revise su correo")).to_be_visible()
    assert_accessible(page)
    (message,) = mailoutbox
    assert message.subject.startswith("Confirme su suscripción")
    link = re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)
    page.goto(_path(link))
    assert_accessible(page)
    page.get_by_role("button", name="Confirmar mi suscripción").click()
    expect(page.get_by_role("heading", name="Suscripción confirmada")).to_be_visible()
    assert_accessible(page)
    assert MailingList.objects.get(slug="civil-society").subscriptions.get().state == "confirmed"

    # 2. Ask to join the forum; the coordinator approves.
    _log_in(page, "lucia@example.org")
    page.goto(f"/es/participate/forums/{forum.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Solicitar unirse a este foro").click()
    assert_accessible(page)
    page.get_by_label("Fuera del gobierno").check()
    page.get_by_label("¿Por qué desea unirse?").fill("Seguimos el presupuesto municipal.")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(
        page.get_by_text("Su solicitud se ha enviado a los coordinadores del foro.")
    ).to_be_visible()
    coordinator_context = chromium_browser.new_context(base_url=live_server.url, locale="es-ES")
    coordinator_page = coordinator_context.new_page()
    _log_in(coordinator_page, "coord@example.org")
    coordinator_page.goto(f"/es/participate/forums/{forum.slug}/requests/")
    assert_accessible(coordinator_page)
    coordinator_page.get_by_label("Aprobar").check()
    coordinator_page.get_by_role("button", name="Registrar la decisión").click()
    expect(coordinator_page.get_by_text("Decisión registrada")).to_be_visible()
    coordinator_context.close()
    assert "Bienvenido a Foro demo de gobierno abierto" in mailoutbox[-1].subject

    page.goto(f"/es/participate/forums/{forum.slug}/")
    expect(page.get_by_text("Es miembro de este foro.")).to_be_visible()
    # 3. Register for a full event: waiting list, then promoted when the seat frees up.
    page.goto(f"/es/participate/events/{event.slug}/")
    assert_accessible(page)
    page.get_by_label("Necesidades de accesibilidad").fill("Subtítulos en directo")
    page.get_by_role("button", name="Entrar en la lista de espera").click()
    expect(page.get_by_text("en la posición 1")).to_be_visible()
    assert_accessible(page)

    from ogp.participation.services.events import registration_cancel

    registration_cancel(acting_user=holder, registration=seat)
    assert Registration.objects.get(user=lucia, event=event).state == "confirmed"
    assert mailoutbox[-1].to == ["lucia@example.org"]
    assert mailoutbox[-1].subject.startswith("Tiene una plaza")
    page.reload()
    expect(page.get_by_text("Está inscrito en este evento.")).to_be_visible()
    # 4. Download the iCal file.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Añadir a mi calendario (archivo iCal)").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in content and "SUMMARY:Encuentro demo nacional" in content
