"""/api/v1/self-assessments/: only reports open for comment or published; the detail has the
sections, per-commitment entries and the comments with their answers; labels in the requested
language; ETag and 304; query counts that do not grow with the page or the report."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ogp.accounts.tests.factories import UserFactory
from ogp.monitoring.services import (
    self_assessment_comment_answer,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_open_for_comment,
    self_assessment_publish,
)
from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = timedelta(days=1)


def _report(government_user, plan, *, kind="midterm", comments=1, publish=False):
    report = self_assessment_create(acting_user=government_user, plan=plan, kind=kind)
    report = self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=TODAY, closes=TODAY + 9 * DAY,
        today=TODAY,
    )  # fmt: skip
    commitment = plan.commitments.order_by("identifier").first()
    for n in range(comments):
        comment = self_assessment_comment_create(
            acting_user=UserFactory(), report=report,
            target=f"commitment:{commitment.identifier}" if n % 2 else "section:introduction",
            body=f"Comment {n}", today=TODAY,
        )  # fmt: skip
        self_assessment_comment_answer(
            acting_user=government_user, comment=comment, disposition="not_adopted",
            reason=f"Reason {n}",
        )  # fmt: skip
    if publish:
        self_assessment_publish(acting_user=government_user, report=report, today=TODAY + 10 * DAY)
    return report


@pytest.fixture
def reports(country, government_user):
    plan = ActionPlanFactory(country=country, ogp_id="AP_ZZA01", submitted_year=2024)
    CommitmentFactory(plan=plan, identifier="ZZ0001", title="Open budgets")
    CommitmentFactory(plan=plan, identifier="ZZ0002", title="Open contracts")
    draft_plan = ActionPlanFactory(country=country, ogp_id="AP_ZZA02", submitted_year=2026)
    return {
        "published": _report(government_user, plan, comments=2, publish=True),
        "open": _report(government_user, plan, kind="end_of_term", comments=0),
        "draft": self_assessment_create(
            acting_user=government_user, plan=draft_plan, kind="midterm"
        ),
    }


def test_only_public_reports_are_listed(api, reports):
    rows = api.get("/api/v1/self-assessments/", {"lang": "fr"}).json()["results"]
    assert [r["id"] for r in rows] == [reports["published"].pk, reports["open"].pk]
    published = rows[0]
    assert published["state"] == {"code": "published", "label": "Version finale publiée"}
    assert published["plan"]["ogp_id"] == "AP_ZZA01" and published["country"]["iso3"] == "ZZA"
    assert (published["comment_count"], published["unanswered_count"]) == (2, 0)
    assert published["web_url"].endswith(f"/self-assessment/{reports['published'].pk}/")
    assert api.get(f"/api/v1/self-assessments/{reports['draft'].pk}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "in_comment"}, ["open"]),
        ({"kind": "midterm"}, ["published"]),
        ({"country": "zza", "plan": "AP_ZZA01"}, ["published", "open"]),
        ({"plan": "AP_ZZA02"}, []),
    ],
)
def test_filters(api, reports, query, expected):
    rows = api.get("/api/v1/self-assessments/", query).json()["results"]
    assert [r["id"] for r in rows] == [reports[name].pk for name in expected]


def test_bad_filter_is_a_clear_error(api, reports):
    response = api.get("/api/v1/self-assessments/", {"state": "draft"})
    assert response.status_code == 400
    assert "state" in response.json()["error"]["fields"]


def test_detail_has_sections_entries_and_answered_comments(api, reports):
    body = api.get(f"/api/v1/self-assessments/{reports['published'].pk}/", {"lang": "es"}).json()
    assert [s["key"] for s in body["sections"]] == ["introduction", "process", "lessons"]
    assert body["sections"][0]["title"] == "Introducción"
    assert [e["commitment"] for e in body["entries"]] == ["ZZ0001", "ZZ0002"]
    assert body["entries"][0]["title"] == "Open budgets"
    first, second = body["comments"]
    assert first["target"] == {"kind": "section", "key": "introduction"}
    assert second["target"] == {"kind": "commitment", "key": "ZZ0001"}
    assert first["disposition"]["code"] == "not_adopted" and first["reason"] == "Reason 0"
    assert first["answered_at"] and "author" not in first


def test_etag_gives_304(api, reports):
    url = f"/api/v1/self-assessments/{reports['open'].pk}/"
    response = api.get(url)
    assert response["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.fixture
def many(reports, country, government_user):
    for n in range(5):
        plan = ActionPlanFactory(country=country, ogp_id=f"AP_ZZB{n:02d}", submitted_year=2020)
        CommitmentFactory(plan=plan, identifier=f"ZZ9{n}01")
        CommitmentFactory(plan=plan, identifier=f"ZZ9{n}02")
        _report(government_user, plan, comments=4, publish=n % 2 == 0)


def test_list_query_count_does_not_grow(api, many, django_assert_max_num_queries):
    api.get("/api/v1/self-assessments/", {"page_size": 1})
    with django_assert_max_num_queries(4):
        response = api.get("/api/v1/self-assessments/", {"page_size": 100})
    assert len(response.json()["results"]) == 7


def test_detail_query_count_does_not_grow(
    api, reports, country, government_user, django_assert_num_queries,
    django_assert_max_num_queries,
):  # fmt: skip
    with django_assert_max_num_queries(6) as small:
        api.get(f"/api/v1/self-assessments/{reports['open'].pk}/")
    plan = ActionPlanFactory(country=country, ogp_id="AP_ZZC01", submitted_year=2020)
    for n in range(8):
        CommitmentFactory(plan=plan, identifier=f"ZZ80{n:02d}")
    big = _report(government_user, plan, comments=12)
    with django_assert_num_queries(len(small.captured_queries)):
        response = api.get(f"/api/v1/self-assessments/{big.pk}/")
    assert len(response.json()["comments"]) == 12
