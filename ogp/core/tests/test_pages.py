import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "For governments"),
        ("fr", "Pour les gouvernements"),
        ("es", "Para los gobiernos"),
    ],
)
def test_home_page_explains_joining_in_each_language(client, language, heading):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html
    # the language switcher links to the same page in the other languages
    for other in ("en", "fr", "es"):
        assert f'href="/{other}/"' in html


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {"/en/", "/fr/", "/es/"}


def test_health_reports_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Page not found"), ("fr", "Page introuvable"), ("es", "Página no encontrada")],
)
def test_not_found_page_is_translated(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_server_error_page_is_translated(rf):
    from django.utils import translation

    from ogp.core.views import server_error

    with translation.override("fr"):
        response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_layout_has_skip_link_and_landmarks(client):
    html = client.get("/en/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Main"' in html


def test_security_headers(client):
    response = client.get("/en/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_the_most_specific_navigation_link_is_current(client):
    html = client.get("/en/participate/forums/").content.decode()
    # once in the desk bar, once in the phone menu (one of them is shown)
    assert html.count('aria-current="page"') == 2
    assert 'href="/en/participate/forums/" aria-current="page"' in html


def test_home_page_links_to_every_phase(client):
    html = client.get("/en/").content.decode()
    for url in [
        "/en/eligibility/",
        "/en/eligibility/methodology/",
        "/en/members/",
        "/en/participate/directory/",
        "/en/participate/forums/",
        "/en/participate/events/",
        "/en/participate/mailing-lists/",
        "/en/accounts/signup/",
    ]:
        assert f'href="{url}"' in html, url


def test_get_on_a_post_only_address_shows_a_translated_page(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/fr/account/staff/role-requests/1/decide/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "<h1>" in response.content.decode()
