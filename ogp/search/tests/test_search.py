"""Search in each language, on whichever database the suite runs on (SQLite and PostgreSQL)."""

import pytest

from ogp.organisations.tests.factories import OrganisationFactory
from ogp.search.selectors import search_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts(country, other_country):
    from ogp.organisations.models import FocusArea

    area, _ = FocusArea.objects.get_or_create(code="fiscal_openness")
    fr = OrganisationFactory(
        name="Observatoire budgétaire",
        country=country,
        description="Nous suivons les élections et la transparence du budget de l'État.",
    )
    fr.focus_areas.add(area)
    es = OrganisationFactory(
        name="Red ciudadana",
        country=other_country,
        description="Vigilamos las comisiones parlamentarias y el presupuesto público.",
    )
    en = OrganisationFactory(
        name="Open Contracting Watch",
        country=other_country,
        description="We monitor public procurement contracts and spending.",
    )
    hidden = OrganisationFactory(
        name="Hidden élections", is_hidden=True, description="élections élections"
    )
    return {"fr": fr, "es": es, "en": en, "hidden": hidden}


def titles(results):
    return [h.title for h in results.hits]


@pytest.mark.parametrize("query", ["élections", "elections", "ELECTION", "élection"])
def test_french_with_and_without_accents_finds_the_french_text(texts, query):
    results = search_documents(query, language="fr")
    assert titles(results) == ["Observatoire budgétaire"]


def test_spanish_stem_finds_its_plural(texts):
    assert titles(search_documents("comisión", language="es")) == ["Red ciudadana"]
    assert titles(search_documents("presupuestos", language="es")) == ["Red ciudadana"]


def test_english_stemming(texts):
    assert titles(search_documents("contract", language="en")) == ["Open Contracting Watch"]


def test_excerpt_is_highlighted_and_escaped(texts):
    OrganisationFactory(name="Tricky", description="<script>x</script> budget ouvert")
    results = search_documents("budget", language="fr")
    tricky = next(h for h in results.hits if h.title == "Tricky")
    assert "<mark>budget</mark>" in tricky.excerpt and "<script>" not in tricky.excerpt


def test_markup_in_the_text_is_escaped_in_the_excerpt(db):
    OrganisationFactory(name="Markup", description="Le <b onclick=x>budget</b> est publié.")
    hit = search_documents("budget", language="fr").hits[0]
    assert "<b" not in hit.excerpt and "<mark>budget</mark>" in hit.excerpt


def test_hidden_content_is_not_found(texts):
    assert "Hidden élections" not in titles(search_documents("élections", language="fr"))


def test_facets_and_filters(texts, country):
    results = search_documents("budget", language="fr")
    assert ("organisation", 1) in results.facets["kind"]
    assert (country.iso3, 1) in results.facets["country"]
    assert ("fiscal_openness", 1) in results.facets["area"]
    assert search_documents("budget", language="fr", kind="event").total == 0
    assert search_documents("budget", language="fr", area="fiscal_openness").total == 1
    assert search_documents("budget", language="fr", country="ZYB").total == 0


def test_index_follows_edits_and_deletes(texts):
    org = texts["en"]
    org.description = "Now about beneficial ownership registers."
    org.save()
    assert search_documents("procurement", language="en").total == 0
    assert search_documents("registers", language="en").total == 1
    org.delete()
    assert search_documents("registers", language="en").total == 0


def test_countries_in_their_language(country):
    assert titles(search_documents("Zédie", language="fr")) == ["Zédie"]
    assert titles(search_documents("zedie", language="fr")) == ["Zédie"]
    assert search_documents("Zedia", language="es").hits[0].title == "Zedia"


def test_ranking_prefers_the_title(texts):
    OrganisationFactory(name="Budget ouvert", description="Une association.")
    results = search_documents("budget", language="fr")
    assert results.hits[0].title == "Budget ouvert"


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "AND OR NOT", "*", "NEAR(", "'; DROP", "x" * 500]
)
def test_hostile_queries_never_fail(texts, query):
    search_documents(query, language="fr")


def test_reindex_command(texts):
    from django.core.management import call_command

    from ogp.search.models import SearchDocument

    SearchDocument.objects.all().delete()
    call_command("search_reindex")
    assert titles(search_documents("élections", language="fr")) == ["Observatoire budgétaire"]


def test_search_page_without_javascript(client, texts):
    page = client.get("/fr/search/", {"q": "elections"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Observatoire budgétaire" in html and "<mark>élections</mark>" in html
    assert "?q=elections&amp;kind=organisation" in html  # a facet link
    assert client.get("/fr/search/", {"q": "x", "year": "abc"}).status_code == 200
    assert client.get("/es/search/").status_code == 200


def test_search_api(client, texts):
    body = client.get("/api/v1/search/", {"q": "comisiones", "lang": "es"}).json()
    assert body["language"] == "es" and body["total"] == 1
    assert body["results"][0]["title"] == "Red ciudadana"
    assert "<mark>" in body["results"][0]["excerpt_html"]
    assert {"value": "organisation", "count": 1} in body["facets"]["kind"]
    bad = client.get("/api/v1/search/")
    assert bad.status_code == 400 and "q" in bad.json()["error"]["fields"]
