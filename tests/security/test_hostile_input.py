"""Finding 7: control characters in any path or query give 400, never 500 (every URL pattern)."""

import pytest

from .urlmap import all_routes

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
CONTROL = ["%00", "%01", "%1F", "%7F", "%0A"]
QUERY_KEYS = ["q", "country", "action", "focus_area", "page", "year", "status", "next", "kind"]


def _sample(route, marker: str) -> str:  # type: ignore[no-untyped-def]
    return route.fill({p: f"a{marker}b" for p in route.params})


def test_the_crawl_sees_every_app():
    prefixes = {r.template.split("/")[2] for r in ROUTES if r.template.startswith("/en/")}
    assert {"accounts", "account", "audit", "countries", "organisations", "eligibility",
            "members", "participate", "admin"} <= prefixes  # fmt: skip
    assert len(ROUTES) > 150


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_control_characters_in_every_path_and_query_are_refused(client_for, staff_user, who):
    client = client_for(staff_user if who == "staff" else None)
    problems = []
    for route in ROUTES:
        urls = []
        if route.params:
            urls += [_sample(route, c) for c in CONTROL]
        base = _sample(route, "") if route.params else route.template
        urls += [f"{base}?{key}={c}" for key in QUERY_KEYS[:3] for c in ("%00", "%01")]
        urls.append(f"{base}?x%00y=1")
        requests = [("get", url) for url in urls] + [("post", urls[0]), ("post", urls[-1])]
        for method, url in requests:
            response = getattr(client, method)(url)
            if response.status_code != 400:
                problems.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("path", ["/en/countries/", "/en/participate/directory/", "/en/"])
def test_ordinary_text_in_a_query_is_still_served(client, path):
    assert client.get(path, {"q": "Côte d'Ivoire\tline\nbreak"}).status_code == 200


def test_a_session_cookie_with_a_nul_is_forgotten_not_looked_up(client):
    response = client.get("/en/countries/", HTTP_COOKIE="sessionid=abcdefgh\x00ijklmnop")
    assert response.status_code == 200


def test_nul_in_a_posted_form_field_is_a_form_error(client_for, user):
    response = client_for(user).post(
        "/en/account/", {"full_name": "Ana\x00", "job_title": "", "preferred_language": "en"}
    )
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
