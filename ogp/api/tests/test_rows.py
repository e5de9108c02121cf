"""List pages built from stored rows (ogp/api/rows.py) are byte for byte the pages DRF renders,
before and after an edit, in every language, with a constant number of queries."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

COMMITMENTS = "/api/v1/commitments/"


def _page(settings, url, seconds, **headers):
    settings.OGP_LEAN_CACHE_SECONDS = seconds
    response = Client().get(url, **headers)
    assert response.status_code == 200, response.content
    return response


def _without_etag(response):
    return sorted((name, value) for name, value in response.items() if name != "ETag")


def _same(settings, url, **headers):
    """The page without stored rows, then twice with them (stored, then read back): the same
    bytes and headers; the ETag of a page of stored rows names its rows instead of hashing
    the body, the same for both and answered with a 304."""
    plain = _page(settings, url, 0, **headers)
    etags = set()
    for _ in range(2):
        cached = _page(settings, url, 300, **headers)
        assert cached.content == plain.content
        assert _without_etag(cached) == _without_etag(plain)
        etags.add(cached["ETag"])
    assert len(etags) == 1
    again = Client().get(url, HTTP_IF_NONE_MATCH=cached["ETag"], **headers)
    assert again.status_code == 304
    plain.stored_etag = cached["ETag"]
    return plain


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "query", ["", "?page_size=2", "?policy_area=open-contracting", "?ordering=-title&country=ZZA"]
)
def test_stored_rows_give_drfs_page(plans_data, settings, each_copy_tier, language, query):
    _same(settings, COMMITMENTS + query, HTTP_ACCEPT_LANGUAGE=language)


def test_an_edit_shows_at_once(plans_data, settings, each_copy_tier):
    from ogp.plans.models import Commitment

    etags = [_same(settings, COMMITMENTS, HTTP_ACCEPT_LANGUAGE="fr").stored_etag]
    commitment = Commitment.objects.get(identifier="ZZ0001")
    commitment.title = "Publier tous les contrats"
    commitment.save()
    page = _same(settings, COMMITMENTS, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Publier tous les contrats" in page.content.decode()
    etags.append(page.stored_etag)
    area = plans_data["area"]  # a related row: the published data's generation changes
    area.name_fr = "Contrats publics ouverts"
    area.save()
    page = _same(settings, COMMITMENTS, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Contrats publics ouverts" in page.content.decode()
    etags.append(page.stored_etag)
    country = plans_data["plan"].country
    country.name_fr = "Zédie du Nord"
    country.save()
    page = _same(settings, COMMITMENTS, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Zédie du Nord" in page.content.decode()
    etags.append(page.stored_etag)
    assert len(set(etags)) == 4  # each edit gives the page a new validator
    en = _same(settings, COMMITMENTS, HTTP_ACCEPT_LANGUAGE="en").stored_etag
    indented = _same(settings, COMMITMENTS, HTTP_ACCEPT="application/json; indent=2").stored_etag
    assert len({*etags, en, indented}) == 6  # and each language and each indentation its own


def test_indented_pages_are_drfs_too(plans_data, settings):
    _same(settings, COMMITMENTS, HTTP_ACCEPT="application/json; indent=2")


def test_next_pages_and_cursors_are_the_same(plans_data, settings):
    first = _same(settings, COMMITMENTS + "?page_size=1").json()
    second = _same(settings, first["next"].split("testserver", 1)[1]).json()
    assert second["results"][0]["identifier"] != first["results"][0]["identifier"]


def test_results_of_a_published_cycle(published_cycle, settings):
    for query in ("", "?status=eligible", "?ordering=-total&page_size=1", "?lang=fr"):
        _same(settings, "/api/v1/cycles/2023/results/" + query + ("&" if query else "?") + "x=1")


def test_query_count_is_constant(plans_data, settings, django_assert_max_num_queries):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = Client()
    with django_assert_max_num_queries(3):  # keys; the missing rows and their policy areas
        client.get(COMMITMENTS, {"page_size": 100})
    with django_assert_max_num_queries(1):  # every row stored: the keys only
        client.get(COMMITMENTS, {"page_size": 100})


def test_a_published_cycles_header_is_stored_with_the_generation(
    published_cycle, settings, django_assert_num_queries
):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    url = "/api/v1/cycles/2023/results/?page_size=1&x={}"
    client = Client()
    assert client.get(url.format(1)).status_code == 200
    with django_assert_num_queries(1):  # the page's keys: header and rows stored
        page = client.get(url.format(2))
    assert page.status_code == 200 and page.json()["results"]
    with django_assert_num_queries(1):  # one result: the cycle's header is stored too
        assert client.get("/api/v1/cycles/2023/results/ZZA/").status_code == 200
    # any saved eligibility row makes the stored header stale (the services never unpublish a
    # cycle: a direct save stands for a change the header must not hide)
    published_cycle.state = "computed"
    published_cycle.save()
    assert client.get(url.format(3)).status_code == 404


COUNTRIES = "/api/v1/countries/"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?page_size=1",
        "?region=africa",
        "?un_member=true&ordering=-name_en",
        "?ordering=membership_status_since",
        "?membership_status=not_assessed&page_size=1",
    ],
)
def test_stored_country_rows_give_drfs_page(country, other_country, settings, language, query):
    _same(settings, COUNTRIES + query, HTTP_ACCEPT_LANGUAGE=language)


def test_country_pages_follow_cursors_and_edits(country, other_country, settings):
    first = _same(settings, COUNTRIES + "?page_size=1&ordering=-iso3").json()
    second = _same(settings, first["next"].split("testserver", 1)[1]).json()
    assert [first["results"][0]["iso3"], second["results"][0]["iso3"]] == ["ZZA", "ZYB"]
    country.name_fr = "Zédie du Sud"
    country.membership_status = "member"
    country.save()
    page = _same(settings, COUNTRIES + "?lang=fr").content.decode()
    assert "Zédie du Sud" in page and '"code":"member"' in page
    bad = []
    for seconds in (0, 300):
        settings.OGP_LEAN_CACHE_SECONDS = seconds
        bad.append(Client().get(COUNTRIES + "?region=nowhere"))
    assert [r.status_code for r in bad] == [400, 400] and bad[0].content == bad[1].content
