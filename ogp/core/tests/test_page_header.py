"""The header (language links, navigation) is rendered once per kind of reader and reused:
what each reader gets must still be theirs."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _language_links(html: str) -> list[str]:
    header = html[html.index('class="lang-switch"') : html.index("</nav>")]
    return re.findall(r'href="([^"]+)"', header)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_language_links_point_to_this_page_with_its_query(client, language):
    html = client.get(f"/{language}/participate/forums/?page=2").content.decode()
    links = _language_links(html)
    assert links == [f"/{code}/participate/forums/?page=2" for code in ("en", "fr", "es")]
    assert f'lang="{language}" hreflang="{language}" aria-current="true"' in html
    # a second page of another address gets its own links, not the first one's
    other = client.get(f"/{language}/members/").content.decode()
    assert _language_links(other) == [f"/{code}/members/" for code in ("en", "fr", "es")]


def test_an_address_matching_no_page_links_to_the_other_homes(client):
    html = client.get("/en/no-such-page/").content.decode()
    # the page itself keeps its address; the other languages fall back to their home page
    assert _language_links(html) == ["/en/no-such-page/", "/fr/", "/es/"]


def test_visitor_signed_in_reader_and_support_unit_get_their_own_menu(client_for, user, staff_user):
    visitor = client_for(None).get("/fr/participate/forums/").content.decode()
    assert "Se connecter" in visitor or "Connexion" in visitor
    assert "Se déconnecter" not in visitor and "Déconnexion" not in visitor
    member = client_for(user).get("/fr/participate/forums/").content.decode()
    assert "csrfmiddlewaretoken" in member and "/fr/account/staff/" not in member
    staff = client_for(staff_user).get("/fr/participate/forums/").content.decode()
    assert "/fr/account/staff/" in staff or "staff" in staff


def test_each_reader_gets_their_own_csrf_token_in_the_log_out_form(user):
    from ogp.accounts.tests.factories import UserFactory

    tokens = []
    for reader in (user, UserFactory()):
        client = Client(enforce_csrf_checks=True)
        client.force_login(reader)
        html = client.get("/en/participate/forums/").content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token and "placeholder" not in token.group(1)
        tokens.append(token.group(1))
        # the token in the stored menu is this reader's: logging out with it works
        response = client.post(reverse("account_logout"), {"csrfmiddlewaretoken": token.group(1)})
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session
    assert tokens[0] != tokens[1]


def test_current_link_follows_the_page(client):
    forums = client.get("/en/participate/forums/").content.decode()
    home = client.get("/en/").content.decode()
    assert 'href="/en/participate/forums/" aria-current="page"' in forums
    assert 'href="/en/" aria-current="page"' in home
    assert 'href="/en/participate/forums/" aria-current="page"' not in home
