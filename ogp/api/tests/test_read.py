"""Read endpoints: shape, filters, languages, conditional GET, CORS, JSON errors, query counts."""

import pytest

pytestmark = pytest.mark.django_db

LIST_ENDPOINTS = [
    "/api/v1/countries/",
    "/api/v1/status-changes/",
    "/api/v1/rulesets/",
    "/api/v1/releases/",
    "/api/v1/cycles/",
    "/api/v1/cycles/2023/results/",
    "/api/v1/members/",
    "/api/v1/letters/",
    "/api/v1/forums/",
    "/api/v1/meetings/",
    "/api/v1/events/",
    "/api/v1/organisations/",
]


@pytest.fixture
def everything(published_cycle, participation_data, letters):
    return published_cycle


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_every_list_answers_json_with_cursor_pages(api, everything, url):
    response = api.get(url, {"page_size": 1})
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"next", "previous", "results"}
    assert response["ETag"] and response["Cache-Control"].startswith("public")
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_list_query_count_does_not_grow_with_the_page(
    api, everything, url, django_assert_max_num_queries
):
    api.get(url, {"page_size": 1})
    with django_assert_max_num_queries(6):
        response = api.get(url, {"page_size": 100})
    assert response.status_code == 200


def test_country_has_code_labels_and_names(api, country):
    body = api.get("/api/v1/countries/ZZA/", {"lang": "fr"}).json()
    assert body["iso3"] == "ZZA" and body["name"] == "Zédie"
    assert body["names"] == {"en": "Zedland", "fr": "Zédie", "es": "Zedia"}
    assert body["membership_status"] == {"code": "not_assessed", "label": "Non évalué"}


def test_labels_follow_accept_language(api, country):
    body = api.get("/api/v1/countries/ZZA/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["name"] == "Zedia"
    assert body["membership_status"]["code"] == "not_assessed"


def test_results_carry_per_criterion_provenance(api, published_cycle):
    body = api.get("/api/v1/cycles/2023/results/NAM/").json()
    assert body["status"] == {"code": "eligible", "label": "Eligible"}
    ft = next(c for c in body["criteria"] if c["criterion"]["code"] == "fiscal_transparency")
    assert ft["source"]["year"] == 2019 and ft["source"]["line"] == 3
    assert ft["raw"] == "ebp=PW; ar=PW"


def test_results_filters(api, published_cycle):
    body = api.get("/api/v1/cycles/2023/results/", {"status": "eligible"}).json()
    assert [r["country"]["iso3"] for r in body["results"]] == ["NAM"]
    body = api.get("/api/v1/cycles/2023/results/", {"country": "zza"}).json()
    assert [r["status"]["code"] for r in body["results"]] == ["not_eligible"]


def test_published_cycle_is_immutable_and_conditional(api, published_cycle):
    first = api.get("/api/v1/cycles/2023/results/")
    assert "immutable" in first["Cache-Control"] and first["Last-Modified"]
    again = api.get("/api/v1/cycles/2023/results/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = api.get("/api/v1/cycles/2023/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_cached_results_answer_without_the_database(
    api, published_cycle, django_assert_max_num_queries
):
    api.get("/api/v1/cycles/2023/results/")
    with django_assert_max_num_queries(0):  # a published cycle's page comes from the cache
        response = api.get("/api/v1/cycles/2023/results/")
    assert response.status_code == 200 and response.json()["results"]


def test_unpublished_cycles_are_hidden_from_the_public(api, open_cycle, staff_user, client_for):
    assert api.get("/api/v1/cycles/2024/").status_code == 404
    assert api.get("/api/v1/cycles/2024/results/").status_code == 404
    staff = client_for(staff_user)
    assert staff.get("/api/v1/cycles/2024/").json()["state"]["code"] == "draft"


def test_only_published_letters(api, letters):
    body = api.get("/api/v1/letters/").json()
    assert len(body["results"]) == 2
    assert {r["language"]["code"] for r in body["results"]} == {"fr"}
    assert body["results"][0]["past_reforms"] == "Réformes passées"
    assert "responsible_email" not in body["results"][0]
    assert api.get(f"/api/v1/letters/{letters['draft'].pk}/").status_code == 404


def test_hidden_organisations_are_left_out(api, participation_data):
    names = [o["name"] for o in api.get("/api/v1/organisations/").json()["results"]]
    assert names == ["Transparence Zédie"]


def test_forum_detail_lists_members(api, participation_data):
    forum = participation_data["forum"]
    body = api.get(f"/api/v1/forums/{forum.slug}/").json()
    assert len(body["members"]) == 3 and body["members"][0]["side"]["code"]


def test_cors_open_for_reads(api, country):
    response = api.get("/api/v1/countries/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_errors_are_json(api, country):
    unknown = api.get("/api/v1/no-such-thing/")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    bad = api.get("/api/v1/countries/", {"region": "atlantis"})
    assert bad.status_code == 400 and "region" in bad.json()["error"]["fields"]
    cursor = api.get("/api/v1/countries/", {"cursor": "garbage"})
    assert cursor.status_code == 404 and cursor.json()["error"]["status"] == 404
    write = api.post("/api/v1/cycles/2023/publish/")
    assert write.status_code in (401, 403) and write.json()["error"]["message"]


def test_rate_limit_per_client(api, country, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "token": "10/min"},
    }
    from rest_framework.settings import api_settings

    api_settings.reload()
    try:
        codes = [api.get("/api/v1/countries/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = api.get("/api/v1/countries/")
        assert limited.json()["error"]["code"] == "throttled" and limited["Retry-After"]
        other = api.get("/api/v1/countries/", REMOTE_ADDR="10.0.0.9")
        assert other.status_code == 200
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
        api_settings.reload()


def test_docs_are_served_locally(api, db):
    page = api.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html and "cdn" not in html.lower()
    assert api.get("/api/v1/redoc/").status_code == 200
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
