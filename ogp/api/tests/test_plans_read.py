"""Read endpoints of plans, implementation tracking and co-creation: the public parts only,
codes with translated labels, the explorer's filters, long cache lifetimes for what never
changes, and query counts that do not grow with the page."""

import pytest

pytestmark = pytest.mark.django_db


def identifiers(response):
    return [row["identifier"] for row in response.json()["results"]]


def test_commitment_detail_has_codes_labels_milestones_and_irm(api, plans_data):
    body = api.get("/api/v1/commitments/ZZ0001/", {"lang": "fr"}).json()
    assert body["plan"] == "AP_ZZA01" and body["country"]["name"] == "Zédie"
    assert body["policy_areas"] == [{"code": "open-contracting", "label": "Contrats ouverts"}]
    assert body["values"]["access_to_information"] is True
    assert body["irm"]["completion"]["code"] == "complete"
    assert body["irm"]["coding"][0]["key"] == "end_of_term.completion"
    milestone = body["milestones"][0]
    assert milestone["status"] == {"code": "complete", "label": "Achevé"}
    assert milestone["civil_society_status"]["code"] == "limited"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["ZY0001", "ZZ0001", "ZZ0002"]),
        ({"country": "zza"}, ["ZZ0001", "ZZ0002"]),
        ({"plan": "AP_ZYB01"}, ["ZY0001"]),
        ({"policy_area": "open-contracting"}, ["ZZ0001"]),
        ({"value": "access_to_information"}, ["ZZ0001"]),
        ({"coding": "starred"}, ["ZZ0002"]),
        ({"coding": "high_completion"}, ["ZY0001", "ZZ0001"]),
        ({"status": "limited"}, ["ZZ0002"]),
        ({"year": 2023}, ["ZY0001"]),
        ({"q": "contrats"}, ["ZZ0001"]),
        ({"ordering": "-identifier"}, ["ZZ0002", "ZZ0001", "ZY0001"]),
    ],
)
def test_commitment_filters_are_the_explorers(api, plans_data, query, expected):
    response = api.get("/api/v1/commitments/", query)
    assert response.status_code == 200
    assert identifiers(response) == expected


def test_bad_filter_values_are_clear_errors(api, plans_data):
    response = api.get("/api/v1/commitments/", {"coding": "golden"})
    assert response.status_code == 400
    assert "coding" in response.json()["error"]["fields"]


def test_progress_updates_show_official_and_civil_society_status(api, plans_data):
    body = api.get("/api/v1/progress-updates/", {"commitment": "ZZ0001"}).json()
    (update,) = body["results"]
    assert update["status"]["code"] == "complete"
    assert update["evidence"][0]["link"] == "https://example.org/portal"
    (review,) = update["civil_society_reviews"]
    assert review["verdict"]["code"] == "dispute" and review["status"]["code"] == "limited"
    milestones = api.get("/api/v1/milestones/", {"civil_society_status": "limited"}).json()
    assert [m["title"] for m in milestones["results"]] == ["Portal online"]


def test_only_published_irm_reports_with_their_coding(api, plans_data):
    listed = api.get("/api/v1/irm-reports/").json()["results"]
    assert [r["id"] for r in listed] == [plans_data["report"].pk]
    draft = plans_data["draft_report"].pk
    assert api.get(f"/api/v1/irm-reports/{draft}/").status_code == 404
    body = api.get(f"/api/v1/irm-reports/{plans_data['report'].pk}/", {"lang": "es"}).json()
    assert body["kind"]["code"] == "results_report"
    (row,) = body["coding"]
    assert row["commitment"] == "ZZ0001"
    assert row["coding"][0]["level"]["code"] == "complete"


def test_a_published_version_is_cached_for_long(api, plans_data, cocreation_data):
    report = plans_data["report"].pk
    for url in (
        f"/api/v1/irm-reports/{report}/versions/1/",
        "/api/v1/cocreation-plans/zedland-2026/versions/1/",
    ):
        response = api.get(url)
        assert response.status_code == 200
        assert "immutable" in response["Cache-Control"] and response["Last-Modified"]
        again = api.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
    assert api.get(f"/api/v1/irm-reports/{report}/versions/2/").status_code == 404
    listed = api.get("/api/v1/irm-reports/")
    assert "immutable" not in listed["Cache-Control"]


def test_cocreation_public_parts_only(api, cocreation_data):
    slugs = [p["slug"] for p in api.get("/api/v1/cocreation-plans/").json()["results"]]
    assert "zedland-2026" in slugs and "zedland-next" not in slugs
    assert api.get("/api/v1/cocreation-plans/zedland-next/").status_code == 404
    assert api.get("/api/v1/cocreation-plans/zedland-next/proposals/").status_code == 404
    detail = api.get("/api/v1/cocreation-plans/zedland-2026/", {"lang": "fr"}).json()
    assert detail["state"] == {"code": "co_creation", "label": "Co-création ouverte"}
    assert detail["steps"][0]["kind"]["code"] == "engagement"


def test_proposals_and_the_ledger_with_dispositions_and_reasons(api, cocreation_data):
    base = "/api/v1/cocreation-plans/zedland-2026"
    titles = [p["title"] for p in api.get(f"{base}/proposals/").json()["results"]]
    assert "Hidden proposal" not in titles and "Open budgets" in titles
    adopted = api.get(f"{base}/proposals/", {"disposition": "adopted"}).json()["results"]
    assert [p["title"] for p in adopted] == ["Publier les marchés publics"]
    assert adopted[0]["response"]["reason"] == "It became commitment 1."
    assert adopted[0]["language"]["code"] == "fr"
    hidden = cocreation_data["hidden"].pk
    assert api.get(f"{base}/proposals/{hidden}/").status_code == 404
    inputs = api.get(f"{base}/inputs/", {"disposition": "adopted"}).json()["results"]
    (entry,) = inputs
    assert entry["disposition"]["code"] == "adopted" and entry["linked_commitment"]["key"]
    unanswered = api.get(f"{base}/inputs/", {"disposition": "unanswered"}).json()["results"]
    assert [e["kind"]["code"] for e in unanswered] == ["proposal"]


def test_draft_versions_list_only_published(api, cocreation_data):
    from ogp.cocreation.tests.factories import VersionFactory

    VersionFactory(plan=cocreation_data["plan"], number=None, published_at=None)
    body = api.get("/api/v1/cocreation-plans/zedland-2026/versions/").json()
    assert [v["number"] for v in body] == [1]
    assert api.get("/api/v1/cocreation-plans/zedland-2026/versions/7/").status_code == 404


@pytest.fixture
def many(plans_data, cocreation_data, government_user, civil_society_user):
    """Enough rows that a per-row query would show."""
    from ogp.cocreation.tests.factories import ProposalFactory
    from ogp.plans import services as plan_services
    from ogp.plans.tests.factories import CommitmentFactory, MilestoneFactory

    for n in range(6):
        commitment = CommitmentFactory(plan=plans_data["plan"], identifier=f"ZZ01{n:02d}")
        commitment.policy_areas.add(plans_data["area"])
        milestone = MilestoneFactory(commitment=commitment)
        update = plan_services.progress_update_create(
            acting_user=government_user, milestone=milestone, status="limited",
            narrative="Started.", links=[f"https://example.org/{n}"],
        )  # fmt: skip
        plan_services.progress_review_create(
            acting_user=civil_society_user, update=update, verdict="confirm", reasoning="Yes."
        )
        ProposalFactory(plan=cocreation_data["plan"])


PLAN_LISTS = [
    "/api/v1/action-plans/",
    "/api/v1/commitments/",
    "/api/v1/milestones/",
    "/api/v1/progress-updates/",
    "/api/v1/irm-reports/",
    "/api/v1/cocreation-plans/",
    "/api/v1/cocreation-plans/zedland-2026/proposals/",
    "/api/v1/cocreation-plans/zedland-2026/inputs/",
    "/api/v1/cocreation-plans/zedland-2026/versions/",
]


@pytest.mark.parametrize("url", PLAN_LISTS)
def test_plan_lists_query_count_does_not_grow(api, many, url, django_assert_max_num_queries):
    api.get(url, {"page_size": 1})
    with django_assert_max_num_queries(6):
        response = api.get(url, {"page_size": 100})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/commitments/ZZ0100/",
        "/api/v1/cocreation-plans/zedland-2026/",
        "/api/v1/cocreation-plans/zedland-2026/versions/1/",
    ],
)
def test_plan_details_query_count(api, many, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = api.get(url)
    assert response.status_code == 200
