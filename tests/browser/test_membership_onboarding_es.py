"""Journey, in Spanish: after acceptance, the government records its lead agency and point of
contact and invites a colleague; the Support Unit assigns a country contact; the government ticks an
onboarding step and asks a question, which the Support Unit answers."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def participating(transactional_db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ogp.accounts.tests.factories import GovernmentUserFactory, StaffUserFactory
    from ogp.countries.models import MembershipStatus
    from ogp.countries.tests.factories import CountryFactory
    from ogp.membership import services
    from ogp.membership.tests.factories import COMPLETE_LETTER, CoChairsFactory, pdf_bytes

    country = CountryFactory(
        iso2="ZZ",
        iso3="ZZA",
        name_en="Zedland",
        name_fr="Zédie",
        name_es="Zedia",
        membership_status=MembershipStatus.ELIGIBLE,
    )
    CoChairsFactory()
    government = GovernmentUserFactory(
        email="ana@example.org", full_name="Ana Pérez", country=country, preferred_language="es"
    )
    staff = StaffUserFactory(email="su@example.org", full_name="Sam Support")
    letter = services.letter_create(acting_user=government, country=country, **COMPLETE_LETTER)
    services.letter_upload_signed(
        acting_user=government, letter=letter, upload=SimpleUploadedFile("s.pdf", pdf_bytes())
    )
    services.letter_submit(acting_user=government, letter=letter)
    services.letter_accept(acting_user=staff, letter=letter)
    return country, government, staff


def logged_in_page(chromium_browser, live_server, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = chromium_browser.new_context(base_url=live_server.url, locale="es-ES")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_onboarding_and_questions_in_spanish(
    live_server, chromium_browser, participating, mailoutbox, assert_accessible
):
    country, government, staff = participating
    gov = logged_in_page(chromium_browser, live_server, government)
    su = logged_in_page(chromium_browser, live_server, staff)

    # Lead agency and point of contact.
    gov.goto("/es/members/ZZA/joining/")
    assert_accessible(gov)
    assert "Plazo del primer plan de acción" in gov.content()
    gov.get_by_role("link", name="Registrar el organismo líder y el punto de contacto").click()
    assert_accessible(gov)
    gov.locator("#id_name").fill("Ministerio de la Función Pública")
    gov.locator("#id_contact_name").fill("Ana Pérez")
    gov.locator("#id_contact_title").fill("Directora de Reforma")
    gov.locator("#id_contact_email").fill("ana@example.org")
    gov.locator("#id_contact_phone").fill("+000 555 0101")
    gov.locator("#id_point_of_contact").select_option(label="Ana Pérez <ana@example.org>")
    gov.get_by_role("button", name="Guardar", exact=True).click()
    gov.get_by_text("Se han guardado el organismo líder y el punto de contacto.").wait_for()

    # The point of contact invites a colleague.
    gov.get_by_label("Correo electrónico del colega").fill("colega@example.org")
    gov.get_by_role("button", name="Enviar la invitación").click()
    gov.get_by_text("Se ha enviado una invitación a colega@example.org.").wait_for()
    assert any(m.to == ["colega@example.org"] for m in mailoutbox)

    # The Support Unit assigns a country contact.
    su.goto("/es/members/ZZA/joining/")
    su.get_by_label("Contacto de país en la Unidad de Apoyo").select_option(label="Sam Support")
    su.get_by_role("button", name="Asignar y enviar la presentación").click()
    su.get_by_text("Se ha asignado el contacto de país y se ha enviado la presentación.").wait_for()
    assert_accessible(su)

    # The government ticks a step and asks a question.
    gov.reload()
    assert "Sam Support" in gov.content()
    gov.locator("#id_item").select_option(label="Primera llamada realizada")
    gov.get_by_role("button", name="Registrar el paso").click()
    gov.get_by_text("Se ha registrado el paso de incorporación.").wait_for()
    assert "Lista de incorporación (25 % realizado)" in gov.content()
    assert_accessible(gov)
    gov.get_by_role("link", name="Hacer una pregunta a la Unidad de Apoyo").click()
    gov.get_by_label("Asunto").fill("Foro multiactor")
    gov.get_by_label("Su pregunta").fill("¿Cómo empezamos el foro?")
    gov.get_by_role("button", name="Enviar", exact=True).click()
    gov.get_by_text("Su pregunta se ha enviado a la Unidad de Apoyo.").wait_for()
    assert_accessible(gov)

    # The Support Unit answers from its list.
    su.goto("/es/members/staff/questions/")
    assert_accessible(su)
    su.get_by_role("link", name="Foro multiactor").click()
    su.get_by_label("Respuesta").fill("Consulte la guía de co-creación; le llamamos el lunes.")
    su.get_by_role("button", name="Enviar la respuesta").click()
    su.get_by_text("Su mensaje se ha enviado.").wait_for()

    gov.reload()
    assert "Respondida" in gov.content()
    assert "le llamamos el lunes" in gov.content()

    # The public page shows public fields only.
    visitor = chromium_browser.new_context(base_url=live_server.url, locale="es-ES")
    public = visitor.new_page()
    public.goto("/es/members/ZZA/")
    assert_accessible(public)
    body = public.content()
    assert "Ministerio de la Función Pública" in body
    assert "Directora de Reforma" in body
    assert "Sam Support" in body
    assert "+000 555 0101" not in body
    assert "ana@example.org" not in body
    assert "Participante (en incorporación)" in public.locator("dl.facts").inner_text()
    for page in (gov, su, public):
        page.context.close()
