"""The API's lean path: a stored immutable answer given to anonymous readers is, header for
header and byte for byte, what the full stack gives (200 and 304), and the rate limit counts."""

import pytest
from django.test import Client

from ogp.api import views

# every test runs with the shared copies alone and with each worker's own copies too
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("each_copy_tier")]


URL = "/api/v1/cycles/2023/results/"
VARIANTS = [
    (URL, {}),
    (URL + "?page_size=1", {"HTTP_ACCEPT_LANGUAGE": "fr"}),
    (URL + "?lang=es&status=eligible", {"HTTP_ORIGIN": "https://example.org"}),
    ("/api/v1/cycles/2023/", {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9"}),
]


def _answers(settings, seconds, monkeypatch=None):
    """For each variant: the first answer, the second, and 304s by ETag and by date."""
    settings.OGP_LEAN_CACHE_SECONDS = seconds
    client = Client()  # its middleware is loaded with the setting above
    out = []
    for url, headers in VARIANTS:
        first = client.get(url, **headers)
        assert first.status_code == 200, first.content
        if monkeypatch is not None:  # from now on only the lean path can answer
            monkeypatch.setattr(views.CycleResultViewSet, "list", _fail)
            monkeypatch.setattr(views.CycleViewSet, "retrieve", _fail)
        second = client.get(url, **headers)
        by_tag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], **headers)
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"], **headers)
        assert (by_tag.status_code, by_date.status_code) == (304, 304)
        out.append([first, second, by_tag, by_date])
        monkeypatch and monkeypatch.undo()
    return out


def _fail(*args, **kwargs):
    raise AssertionError("the full stack answered")


def _shape(response, *, etag=True):
    headers = sorted((k, v) for k, v in response.items() if etag or k != "ETag")
    return response.status_code, headers, response.content


def test_lean_answers_are_the_full_stacks(published_cycle, settings, monkeypatch):
    full = _answers(settings, 0)
    lean = _answers(settings, 300, monkeypatch)
    for full_variant, lean_variant in zip(full, lean, strict=True):
        assert [_shape(r) for r in lean_variant] == [_shape(r) for r in full_variant]
    assert lean[2][1]["Access-Control-Allow-Origin"] == "*"
    assert lean[1][1]["Content-Language"] == "fr" and lean[3][1]["Content-Language"] == "es"


def test_lean_answers_without_the_database(published_cycle, settings, django_assert_num_queries):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = Client()
    client.get(URL)
    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200


def test_readers_with_cookies_or_tokens_and_changing_data_skip_it(
    published_cycle, open_cycle, settings, monkeypatch, staff_user
):
    from ogp.eligibility import services as eligibility_services

    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.OGP_LEAN_LOCAL_SECONDS = 0  # each worker's copy checked against the cache at once
    client = Client()
    client.get(URL)
    client.get("/api/v1/cycles/")  # not immutable: stored while the published data stands
    calls = []
    original = views.CycleViewSet.list

    def counted(self, request, *args, **kwargs):
        calls.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(views.CycleViewSet, "list", counted)
    assert client.get("/api/v1/cycles/").status_code == 200
    assert calls == []
    assert client.get("/api/v1/cycles/", HTTP_COOKIE="sessionid=x").status_code == 200
    assert calls == ["/api/v1/cycles/"]  # a reader with a cookie: the full stack
    computed = eligibility_services.cycle_compute(acting_user=staff_user, cycle=open_cycle)
    eligibility_services.cycle_publish(acting_user=staff_user, cycle=computed)
    listed = client.get("/api/v1/cycles/")
    assert calls == ["/api/v1/cycles/"] * 2  # the publication made the stored list stale
    assert [c["year"] for c in listed.json()["results"]] == [2024, 2023]
    monkeypatch.setattr(views.CycleResultViewSet, "list", _fail)
    with pytest.raises(AssertionError, match="full stack"):
        client.get(URL, HTTP_COOKIE="sessionid=x")
    # a token goes down the full stack: checked there (this one is refused)
    assert client.get(URL, HTTP_AUTHORIZATION="Bearer ogp_x").status_code == 401


def test_the_rate_limit_still_counts(published_cycle, settings):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "token": "10/min"},
    }
    from rest_framework.settings import api_settings

    api_settings.reload()
    try:
        client = Client()
        statuses = [client.get(URL).status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        assert client.get(URL, REMOTE_ADDR="10.0.0.9").status_code == 200
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
        api_settings.reload()


def test_addresses_with_parameters_the_view_does_not_read_are_not_stored(published_cycle, settings):
    from django.core.cache import cache

    def stored() -> int:  # the lean path's copies and the view's own
        return len([k for k in cache._cache if "api:lean:" in k or "api:v1:results:" in k])  # type: ignore[attr-defined]

    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = Client()
    before = stored()
    known = client.get(URL + "?status=eligible&page_size=2")
    assert stored() == before + 2
    made_up = client.get(URL + "?status=eligible&page_size=2&nocache=41")
    assert stored() == before + 2  # not kept: the view reads no "nocache"
    assert made_up.status_code == known.status_code == 200
    assert made_up.content == known.content


PUBLIC_LISTS = [
    ("/api/v1/commitments/", {}),
    ("/api/v1/commitments/?country=ZZA&page_size=1", {"HTTP_ACCEPT_LANGUAGE": "fr"}),
    ("/api/v1/countries/?lang=es", {"HTTP_ORIGIN": "https://example.org"}),
    ("/api/v1/commitments/ZZ0001/", {"HTTP_ACCEPT_LANGUAGE": "es"}),
]


def _public_answers(settings, seconds):
    settings.OGP_LEAN_CACHE_SECONDS = seconds
    client = Client()
    out = []
    for url, headers in PUBLIC_LISTS:
        first = client.get(url, **headers)
        assert first.status_code == 200, first.content
        second = client.get(url, **headers)
        by_tag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], **headers)
        assert by_tag.status_code == 304
        out.append([first, second, by_tag])
    return out


def test_stored_public_reads_are_the_full_stacks(plans_data, settings):
    full = _public_answers(settings, 0)
    lean = _public_answers(settings, 300)
    for full_variant, lean_variant in zip(full, lean, strict=True):
        # the ETag of a page of stored rows names its rows (ogp/api/rows.py): the lean copy
        # keeps the one its first answer had
        assert [_shape(r, etag=False) for r in lean_variant] == [
            _shape(r, etag=False) for r in full_variant
        ]
        assert lean_variant[0]["ETag"] == lean_variant[1]["ETag"]
    assert lean[0][0]["Cache-Control"] == "public, max-age=60"  # not immutable


def test_stored_public_reads_need_no_query_and_follow_every_edit(
    plans_data, settings, monkeypatch, django_assert_num_queries
):
    from ogp.api import plan_views
    from ogp.plans.models import Commitment

    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.OGP_LEAN_LOCAL_SECONDS = 0
    client = Client()
    url = "/api/v1/commitments/?page_size=5"
    first = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    with monkeypatch.context() as patched, django_assert_num_queries(0):
        patched.setattr(plan_views.CommitmentViewSet, "list", _fail)
        assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content == first.content
    commitment = Commitment.objects.get(identifier="ZZ0001")
    commitment.title = "Publier tous les contrats"
    commitment.save()
    edited = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Publier tous les contrats" in edited.content.decode()
    assert edited["ETag"] != first["ETag"]
    made_up = client.get(url + "&nocache=1", HTTP_ACCEPT_LANGUAGE="fr")
    with monkeypatch.context() as patched:  # a parameter no view reads: never stored
        patched.setattr(plan_views.CommitmentViewSet, "list", _fail)
        with pytest.raises(AssertionError, match="full stack"):
            client.get(url + "&nocache=1", HTTP_ACCEPT_LANGUAGE="fr")
    assert made_up.content == edited.content


@pytest.mark.parametrize("url", [URL, "/api/v1/countries/"])
def test_an_indented_answer_is_stored_apart(published_cycle, settings, url):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = Client()
    plain = client.get(url)
    indented = client.get(url, HTTP_ACCEPT="application/json; indent=2")
    assert indented.content.startswith(b"{\n") and not plain.content.startswith(b"{\n")
    assert client.get(url).content == plain.content
    assert client.get(url, HTTP_ACCEPT="application/json; indent=2").content == indented.content


def test_a_page_of_rows_this_worker_holds_costs_one_cache_read(country, settings, monkeypatch):
    from django.core.cache import caches

    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = Client()
    url = "/api/v1/countries/?made_up=1"  # never stored whole: built from its stored rows
    client.get(url)
    reads = []
    backend = caches["default"]
    original = backend.get_many

    def counted(keys, *args, **kwargs):
        reads.append(list(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", counted)
    assert client.get(url).status_code == 200
    # the lean path's look-up reads the generation, which the rows' check then uses; the rows
    # come from this worker's own copies when it keeps them
    assert len(reads) == (1 if settings.OGP_LOCAL_COPIES_BYTES else 2)


@pytest.mark.parametrize("url", [URL, "/api/v1/countries/?page_size=1"])
def test_each_host_and_scheme_gets_its_own_links(
    published_cycle, country, other_country, settings, url
):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    client = Client()
    for _ in range(2):  # stored, then answered from the copies
        pages = [
            client.get(url + ("&" if "?" in url else "?") + "page_size=1", HTTP_HOST=host, **extra)
            for host, extra in (
                ("a.example", {}),
                ("b.example", {}),
                ("a.example", {"secure": True}),
            )
        ]
        links = [page.json()["next"] for page in pages]
        assert links[0].startswith("http://a.example/") and links[1].startswith("http://b.example/")
        assert links[2].startswith("https://a.example/")
