"""Signed-in readers of the score sheet and the country page get a copy stored per kind of
reader (ogp.core.shared_pages): the same page as one built for them, with their own CSRF token
and what their permissions offer, and any publication shows at once."""

import re

import pytest
from django.contrib import messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ogp.accounts.tests.factories import (
    CivilSocietyUserFactory,
    GovernmentUserFactory,
    StaffUserFactory,
    UserFactory,
)
from ogp.eligibility import services

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PAGES = ["/en/eligibility/2023/", "/fr/eligibility/country/NAM/", "/es/eligibility/country/ZZA/"]


@pytest.fixture
def published(imported):
    cycle = services.cycle_open(acting_user=None, year=2023)
    return services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )


@pytest.fixture
def stored(settings, each_copy_tier):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def without_tokens(html: str) -> str:
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def readers(country, other_country):  # type: ignore[no-untyped-def]
    return {
        "member": UserFactory(),
        "civil society": CivilSocietyUserFactory(),
        "government": GovernmentUserFactory(country=country),
        "other government": GovernmentUserFactory(country=other_country),
        "staff": StaffUserFactory(),
    }


def test_stored_pages_equal_pages_built_for_each_reader(  # type: ignore[no-untyped-def]
    settings, published, country, other_country
):
    services.cycle_open(acting_user=None, year=2024)  # open for evidence: "Submit" buttons
    people = readers(country, other_country)
    settings.OGP_LEAN_CACHE_SECONDS = 0
    fresh = {
        (who, page): without_tokens(signed_in(user).get(page).content.decode())
        for who, user in people.items()
        for page in PAGES
    }
    settings.OGP_LEAN_CACHE_SECONDS = 300
    for (who, page), expected in fresh.items():
        for _ in range(2):  # the first stores the copy, the second is answered from it
            response = signed_in(people[who]).get(page)
            assert response.status_code == 200
            assert without_tokens(response.content.decode()) == expected, (who, page)
    # what the permissions offer differs, so each kind of reader has its own copy
    submit = 'href="/es/eligibility/country/ZZA/evidence/"'
    assert submit in fresh[("government", PAGES[2])]
    assert submit not in fresh[("other government", PAGES[2])]


def test_a_second_reader_of_the_same_kind_runs_none_of_the_pages_queries(  # type: ignore[no-untyped-def]
    stored, published
):
    first, second = signed_in(UserFactory()), signed_in(UserFactory())
    first.get(PAGES[0])
    second.get(PAGES[0])  # the session and user rows of this reader are read once
    with CaptureQueriesContext(connection) as queries:
        html = second.get(PAGES[0]).content.decode()
    assert "Namibia" in html
    assert not any("eligibility_" in q["sql"] for q in queries.captured_queries)


def test_each_reader_gets_their_own_csrf_token_and_can_log_out_with_it(  # type: ignore[no-untyped-def]
    stored, published
):
    tokens = []
    for user in (UserFactory(), UserFactory()):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        client.get(PAGES[0])
        html = client.get(PAGES[0]).content.decode()
        found = set(TOKEN.findall(html))
        assert len(found) == 1 and "ogpcsrf" not in html
        token = found.pop()
        tokens.append(token)
        assert (
            client.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
        )
        assert "_auth_user_id" not in client.session
    assert tokens[0] != tokens[1]


def test_a_publication_shows_at_once(stored, imported):  # type: ignore[no-untyped-def]
    client = signed_in(UserFactory())
    assert client.get("/en/eligibility/2023/").status_code == 404
    before = client.get("/en/eligibility/country/NAM/").content.decode()
    assert "15 of 16" not in before
    cycle = services.cycle_open(acting_user=None, year=2023)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    assert "15 of 16" in client.get("/en/eligibility/country/NAM/").content.decode()
    assert client.get("/en/eligibility/2023/").status_code == 200


def test_a_waiting_message_is_shown_and_the_page_is_not_stored(  # type: ignore[no-untyped-def]
    stored, published, rf
):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse

    client = signed_in(UserFactory())
    client.get(PAGES[0])  # stores the copy for this kind of reader
    # a message left by the previous request, as after a form's redirect
    storage = CookieStorage(rf.get("/"))
    storage.add(messages.SUCCESS, "Your evidence was sent.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    assert "Your evidence was sent." in client.get(PAGES[0]).content.decode()
    assert "Your evidence was sent." not in client.get(PAGES[0]).content.decode()  # read once
    assert "Your evidence was sent." not in signed_in(UserFactory()).get(PAGES[0]).content.decode()
