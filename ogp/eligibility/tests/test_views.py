import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ogp.countries.tests.factories import CountryFactory
from ogp.eligibility import services
from ogp.eligibility.models import Cycle, EvidenceState, EvidenceSubmission, RuleSetVersion

from .conftest import FIX

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(imported):
    cycle = services.cycle_open(acting_user=None, year=2023)
    services.cycle_compute(acting_user=None, cycle=cycle)
    return services.cycle_publish(acting_user=None, cycle=cycle)


@pytest.fixture
def open_cycle(imported):
    cycle = services.cycle_open(acting_user=None, year=2024)
    return services.cycle_compute(acting_user=None, cycle=cycle)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_public_pages_in_every_language(client, published, lang):
    from django.utils import translation

    with translation.override(lang):
        urls = _public_urls()
    for url in urls:
        assert url.startswith(f"/{lang}/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"] == lang


def _public_urls():
    return [
        reverse("eligibility:index"),
        reverse("eligibility:scoresheet", args=[2023]),
        reverse("eligibility:country", args=["NAM"]),
        reverse("eligibility:map", args=[2023]),
        reverse("eligibility:methodology-index"),
        reverse("eligibility:methodology", args=["ogp-2023", 1]),
    ]


def test_unpublished_cycle_is_not_public(client, open_cycle):
    assert client.get(reverse("eligibility:scoresheet", args=[2024])).status_code == 404
    assert client.get(reverse("eligibility:map", args=[2024])).status_code == 404


def test_scoresheet_filters_and_sorting(client, published):
    url = reverse("eligibility:scoresheet", args=[2023])
    html = client.get(url).content.decode()
    assert "Namibia" in html and "Zedland" in html
    html = client.get(url, {"status": "eligible"}).content.decode()
    assert "Namibia" in html and "Zedland" not in html
    html = client.get(url, {"region": "africa"}).content.decode()
    assert "Namibia" in html and "Zedland" not in html
    html = client.get(url, {"membership": "member"}).content.decode()
    assert "Namibia" not in html
    html = client.get(url, {"sort": "total", "dir": "desc"}).content.decode()
    assert html.index("Namibia") < html.index("Zedland")
    html = client.get(url, {"sort": "total", "dir": "asc"}).content.decode()
    assert html.index("Zedland") < html.index("Namibia")
    assert 'aria-sort="ascending"' in html


def test_exports(client, published):
    base = reverse("eligibility:scoresheet-export", args=[2023, "csv"])
    response = client.get(base)
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads it
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    nam = next(r for r in rows if r["iso3"] == "NAM")
    assert (nam["status"], nam["total"], nam["maximum"]) == ("eligible", "15", "16")
    assert nam["fiscal_transparency_source"] == "obs 2017–2019 2019 (line 3): ebp=PW; ar=PW"
    response = client.get(
        reverse("eligibility:scoresheet-export", args=[2023, "json"]), {"status": "eligible"}
    )
    data = json.loads(response.content)
    assert [c["iso3"] for c in data["countries"]] == ["NAM"]
    response = client.get(reverse("eligibility:scoresheet-export", args=[2023, "xlsx"]))
    ws = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    assert header[:3] == ["cycle_year", "iso3", "country"]
    assert ws.max_row == 3
    assert (
        client.get(reverse("eligibility:scoresheet-export", args=[2023, "pdf"])).status_code == 404
    )


def test_country_page_shows_provenance_pathway_and_history(client, published):
    html = client.get(reverse("eligibility:country", args=["ZZA"])).content.decode()
    assert "Pathway to eligibility" in html
    assert "Executive&#x27;s Budget Proposal: published late (PL)" in html
    assert "Open Budget Survey 2019" in html and "file line 4" in html
    assert "<svg" in html and "Results per published cycle" in html
    html = client.get(reverse("eligibility:country", args=["NAM"])).content.decode()
    assert "meets the Core Eligibility criteria" in html


def test_country_without_result(client, rulesets, namibia):
    html = client.get(reverse("eligibility:country", args=["NAM"])).content.decode()
    assert "not in any published eligibility cycle" in html
    assert client.get(reverse("eligibility:country", args=["XXX"])).status_code == 404


def _more_countries(n):
    for _i in range(n):
        CountryFactory(region="europe")


def test_scoresheet_query_count_is_constant(
    client, imported, django_assert_max_num_queries, django_assert_num_queries
):
    cycle = services.cycle_open(acting_user=None, year=2022)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    url = reverse("eligibility:scoresheet", args=[2022])
    client.get(url)  # fills the page cache for visitors without cookies
    with django_assert_num_queries(1):  # publication token only
        client.get(url)
    client.cookies["seen"] = "1"  # a visitor with cookies gets the page built (body cached)
    with django_assert_num_queries(2):  # cycle + other cycles list (rows cached)
        client.get(url)
    _more_countries(15)
    cycle = services.cycle_open(acting_user=None, year=2023)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    url = reverse("eligibility:scoresheet", args=[2023])
    with django_assert_num_queries(3):  # cold cache: + the rows
        client.get(url)
    with django_assert_num_queries(2):
        client.get(url)


def test_country_page_query_count_is_constant(
    client, imported, django_assert_num_queries, settings
):
    settings.OGP_LEAN_CACHE_SECONDS = 300  # the body is a stored fragment, as in production

    def publish(year):
        cycle = services.cycle_open(acting_user=None, year=year)
        services.cycle_publish(
            acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
        )

    publish(2022)
    url = reverse("eligibility:country", args=["NAM"])
    client.cookies["seen"] = "1"
    # country, open cycle + results, latest in full and the releases it cites (cold)
    with django_assert_num_queries(5):
        client.get(url)
    with django_assert_num_queries(0):  # the whole page is stored for this kind of reader
        client.get(url)
    _more_countries(15)
    publish(2023)
    publish(2024)
    with django_assert_num_queries(5):  # the publications made the stored body stale
        html = client.get(url).content.decode()
    assert "2024" in html
    with django_assert_num_queries(0):
        client.get(url)


def test_signed_in_readers_see_a_new_publication_on_the_country_page(
    client_for, user, imported, settings
):
    settings.OGP_LEAN_CACHE_SECONDS = 300
    client = client_for(user)
    cycle = services.cycle_open(acting_user=None, year=2022)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    url = reverse("eligibility:country", args=["NAM"])
    before = client.get(url).content.decode().split("<main", 1)[1]
    assert client.get(url).content.decode().split("<main", 1)[1] == before  # stored
    cycle = services.cycle_open(acting_user=None, year=2023)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    after = client.get(url).content.decode().split("<main", 1)[1]
    assert after != before and "2023" in after and "2023" not in before
    # another cycle chosen in the address is its own stored body
    assert client.get(url + "?cycle=2022").status_code == 200


# ---------------------------------------------------------------- permissions grid

STAFF_URLS = [
    ("eligibility:staff", []),
    ("eligibility:release-import", []),
    ("eligibility:research-list", []),
    ("eligibility:research-create", []),
]


@pytest.mark.parametrize(
    "who", ["visitor", "public", "government", "civil_society", "researcher", "staff"]
)
def test_staff_pages_permission_grid(client_for, published, who, request):
    user = (
        None
        if who == "visitor"
        else request.getfixturevalue(
            {
                "public": "user",
                "government": "government_user",
                "civil_society": "civil_society_user",
                "researcher": "researcher_user",
                "staff": "staff_user",
            }[who]
        )
    )
    c = client_for(user)
    rs = RuleSetVersion.objects.get(code="ogp-2023")
    release = published.releases.first()
    urls = [reverse(name, args=args) for name, args in STAFF_URLS] + [
        reverse("eligibility:cycle-manage", args=[2023]),
        reverse("eligibility:ruleset-create", args=[rs.pk]),
        reverse("eligibility:release-detail", args=[release.pk]),
    ]
    expected = {"visitor": 302, "staff": 200}.get(who, 403)
    for url in urls:
        assert c.get(url).status_code == expected, url


@pytest.mark.parametrize(
    ("who", "iso3", "expected"),
    [
        ("visitor", "ZZA", 302),
        ("public", "ZZA", 403),
        ("government", "ZZA", 200),
        ("government", "ZYB", 403),  # another country's page, by direct URL
        ("civil_society", "ZYB", 200),
        ("researcher", "ZZA", 403),
        ("staff", "ZZA", 403),
    ],
)
def test_evidence_submit_permission_grid(
    client_for, open_cycle, other_country, request, who, iso3, expected
):
    user = (
        None
        if who == "visitor"
        else request.getfixturevalue(
            {
                "public": "user",
                "government": "government_user",
                "civil_society": "civil_society_user",
                "researcher": "researcher_user",
                "staff": "staff_user",
            }[who]
        )
    )
    response = client_for(user).get(reverse("eligibility:evidence-submit", args=[iso3]))
    assert response.status_code == expected


def test_evidence_flow_through_the_pages(
    client_for, open_cycle, government_user, staff_user, country
):
    c = client_for(government_user)
    url = reverse("eligibility:evidence-submit", args=["ZZA"])
    assert "Submit evidence" in c.get(reverse("eligibility:country", args=["ZZA"])).content.decode()
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0"
        b" R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\n"
        b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
        b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n147\n%%EOF\n"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = c.post(
        url,
        {
            "criterion": "fiscal_transparency",
            "summary": "The audit report is online.",
            "source_url": "https://example.org/audit",
            "document": SimpleUploadedFile("a.pdf", pdf, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    sub = EvidenceSubmission.objects.get()
    assert (
        "The audit report is online." in c.get(reverse("eligibility:my-evidence")).content.decode()
    )
    doc_url = reverse("eligibility:evidence-document", args=[sub.pk])
    assert c.get(doc_url).status_code == 200
    assert client_for(None).get(doc_url).status_code == 302
    s = client_for(staff_user)
    manage = reverse("eligibility:cycle-manage", args=[2024])
    assert "The audit report is online." in s.get(manage).content.decode()
    response = s.post(
        reverse("eligibility:evidence-decide", args=[sub.pk]),
        {"decision": "accept", "points": "4", "reason": "Checked online"},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.state == EvidenceState.ACCEPTED and sub.points == 4
    response = s.post(manage, {"action": "publish"})
    assert Cycle.objects.get(year=2024).is_published


def test_evidence_decision_needs_points(
    client_for, open_cycle, government_user, staff_user, country
):
    sub = services.evidence_submit(
        acting_user=government_user,
        cycle=open_cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="x",
        source_url="https://e.org",
    )
    s = client_for(staff_user)
    s.post(
        reverse("eligibility:evidence-decide", args=[sub.pk]),
        {"decision": "accept", "reason": "ok"},
    )
    sub.refresh_from_db()
    assert sub.state == EvidenceState.SUBMITTED
    assert (
        client_for(government_user)
        .post(
            reverse("eligibility:evidence-decide", args=[sub.pk]),
            {"decision": "reject", "reason": "x"},
        )
        .status_code
        == 403
    )


def test_staff_cycle_journey_through_pages(client_for, imported, staff_user):
    s = client_for(staff_user)
    response = s.post(reverse("eligibility:cycle-open"), {"year": "2023"})
    assert response.status_code == 302
    manage = reverse("eligibility:cycle-manage", args=[2023])
    s.post(manage, {"action": "compute"})
    html = s.get(manage).content.decode()
    assert "Computed, under review" in html
    assert "recompute and compare" in html
    assert "recomputed: identical" in s.get(manage + "?verify=1").content.decode()
    s.post(manage, {"action": "publish"})
    assert Cycle.objects.get(year=2023).is_published
    response = s.post(manage, {"action": "compute"})
    assert Cycle.objects.get(year=2023).is_published


def test_staff_import_page_shows_precise_error(client_for, imported, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    s = client_for(staff_user)
    data = (FIX / "eiu_small.csv").read_bytes().replace(b",7.94\n", b",12\n")
    response = s.post(
        reverse("eligibility:release-import"),
        {"file": SimpleUploadedFile("eiu.csv", data, "text/csv")},
    )
    assert response.status_code == 200
    assert "eiu.csv, line 2, column civlib_eiu: 12 is outside the range 0 to 10." in (
        response.content.decode()
    )
    data = (FIX / "eiu_small.csv").read_bytes()
    response = s.post(
        reverse("eligibility:release-import"),
        {"file": SimpleUploadedFile("eiu.csv", data, "text/csv")},
    )
    assert response.status_code == 302  # same bytes: shows the existing release


def test_ruleset_form_creates_new_version(client_for, rulesets, staff_user, client):
    base = RuleSetVersion.objects.get(code="ogp-2023")
    s = client_for(staff_user)
    url = reverse("eligibility:ruleset-create", args=[base.pk])
    from ogp.eligibility.forms import RuleSetForm

    data = {k: v for k, v in RuleSetForm.initial_from(base.definition).items() if v is not None}
    data.update(
        {"valid_from": 2026, "ce_band_4": 8.0, "vc_model": 1.0, "ft_documents": ["ebp", "ar"]}
    )
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    response = s.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    new = RuleSetVersion.objects.get(code="ogp-2023", version=2)
    assert new.rules.criterion("citizen_engagement").bands[0].above == 8.0
    assert new.rules.values_check.thresholds["model"] == 1.0
    html = client.get(new.get_absolute_url()).content.decode()
    assert "above 8" in html
    data["pass_share"] = "abc"
    response = s.post(url, data)
    assert response.status_code == 200 and "pass_share" in response.content.decode()


def test_research_entry_form_and_correction(client_for, rulesets, staff_user, namibia):
    s = client_for(staff_user)
    response = s.post(
        reverse("eligibility:research-create"),
        {
            "country": "NAM",
            "criterion": "access_to_information",
            "year": 2023,
            "provision": "draft",
            "name": "ATI Bill",
            "adopted_on": "2023",
            "source_url": "https://example.org/bill",
        },
    )
    assert response.status_code == 302
    from ogp.eligibility.models import ResearchEntry

    first = ResearchEntry.objects.get()
    url = reverse("eligibility:research-create") + f"?corrects={first.pk}"
    assert "ATI Bill" in s.get(url).content.decode()
    s.post(
        url,
        {
            "country": "NAM",
            "criterion": "access_to_information",
            "year": 2023,
            "provision": "law",
            "name": "ATI Act",
            "adopted_on": "2023-05",
            "source_url": "https://example.org/act",
        },
    )
    second = ResearchEntry.objects.exclude(pk=first.pk).get()
    assert second.corrects == first
    from ogp.eligibility.compute import current_research_entries

    assert current_research_entries(2023) == [second]


def test_country_hub_links_to_eligibility(client, published):
    html = client.get(reverse("countries:detail", args=["NAM"])).content.decode()
    assert reverse("eligibility:country", args=["NAM"]) in html


def test_visitor_page_cache_follows_publication(client, imported):
    def publish(year):
        cycle = services.cycle_open(acting_user=None, year=year)
        services.cycle_publish(
            acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
        )

    publish(2022)
    url = reverse("eligibility:index")
    link = reverse("eligibility:scoresheet", args=[2023])
    assert link not in client.get(url).content.decode()
    publish(2023)
    assert reverse("eligibility:scoresheet", args=[2023]) in client.get(url).content.decode()
