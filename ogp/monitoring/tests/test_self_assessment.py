"""Self-assessment flow: drafted from recorded progress, edited, opened for comment over a
stated period, every comment answered with a reason, then the final published with a diff."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.tests.factories import UserFactory
from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.monitoring.models import SelfAssessmentState, SelfAssessmentVersion
from ogp.monitoring.services import (
    self_assessment_comment_answer,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_entry_update,
    self_assessment_open_for_comment,
    self_assessment_publish,
    self_assessment_sections_update,
)

from .conftest import TODAY

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


@pytest.fixture
def report(plan, government_user):
    return self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")


def test_draft_is_prefilled_from_recorded_progress(report):
    entries = {e.commitment.identifier: e for e in report.entries.select_related("commitment")}
    assert set(entries) == {"ZZ0001", "ZZ0002"}
    first = entries["ZZ0001"]
    assert first.status == "substantial"
    assert first.progress == 75
    assert "Publish the budget data: Substantial" in first.narrative
    assert "Budget data for 2025 published as open data." in first.narrative
    assert "2026-06-30" in first.narrative
    assert "No milestone" in entries["ZZ0002"].narrative
    assert [s.key for s in report.sections.all()] == ["introduction", "process", "lessons"]
    assert AuditEvent.objects.filter(action="self_assessment.create").count() == 1


def test_one_report_per_plan_and_kind(report, plan, government_user):
    with pytest.raises(ServiceError):
        self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")
    other = self_assessment_create(acting_user=government_user, plan=plan, kind="end_of_term")
    assert other.pk != report.pk


def test_other_government_cannot_create_or_edit(report, plan, other_government_user):
    with pytest.raises(ServiceError):
        self_assessment_create(acting_user=other_government_user, plan=plan, kind="end_of_term")
    with pytest.raises(ServiceError):
        self_assessment_sections_update(
            acting_user=other_government_user, report=report, bodies={"introduction": "x"}
        )


def _open(report, government_user, opens=TODAY, closes=TODAY + 14 * DAY):
    return self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=opens, closes=closes, today=TODAY
    )


def test_period_must_be_stated_and_sensible(report, government_user):
    for opens, closes in ((None, TODAY), (TODAY, TODAY - DAY), (TODAY - 9 * DAY, TODAY - DAY)):
        with pytest.raises(ServiceError):
            _open(report, government_user, opens, closes)
    report.refresh_from_db()
    assert report.state == SelfAssessmentState.DRAFT


def test_comments_only_within_the_period(report, government_user):
    citizen = UserFactory()
    section = "section:introduction"
    with pytest.raises(ServiceError):  # still a draft: not public
        self_assessment_comment_create(
            acting_user=citizen, report=report, target=section, body="x", today=TODAY
        )
    report = _open(report, government_user, TODAY + DAY, TODAY + 3 * DAY)
    for day, accepted in ((TODAY, False), (TODAY + DAY, True), (TODAY + 3 * DAY, True),
                          (TODAY + 4 * DAY, False)):  # fmt: skip
        if accepted:
            self_assessment_comment_create(
                acting_user=citizen, report=report, target=section, body="ok", today=day
            )
        else:
            with pytest.raises(ServiceError):
                self_assessment_comment_create(
                    acting_user=citizen, report=report, target=section, body="x", today=day
                )
    assert report.comments.count() == 2


def test_comment_targets(report, government_user):
    report = _open(report, government_user)
    citizen = UserFactory()
    on_commitment = self_assessment_comment_create(
        acting_user=citizen, report=report, target="commitment:ZZ0002", body="Late", today=TODAY
    )
    assert on_commitment.commitment.identifier == "ZZ0002"
    for bad in ("commitment:NOPE", "section:nope", "", "nonsense"):
        with pytest.raises(ServiceError):
            self_assessment_comment_create(
                acting_user=citizen, report=report, target=bad, body="x", today=TODAY
            )


def test_full_flow_with_diff(report, government_user, client_for):
    self_assessment_sections_update(
        acting_user=government_user, report=report,
        bodies={"introduction": "The plan had two commitments."},
    )  # fmt: skip
    report = _open(report, government_user)
    assert SelfAssessmentVersion.objects.filter(report=report, kind="draft").count() == 1
    citizen = UserFactory(full_name="Awa Citizen")
    comment = self_assessment_comment_create(
        acting_user=citizen, report=report, target="section:introduction",
        body="Say which commitment was late.", today=TODAY,
    )  # fmt: skip
    after = TODAY + 15 * DAY
    with pytest.raises(ServiceError) as refused:
        self_assessment_publish(acting_user=government_user, report=report, today=after)
    assert "answer every comment" in str(refused.value)
    with pytest.raises(ServiceError):  # a reason is required
        self_assessment_comment_answer(
            acting_user=government_user, comment=comment, disposition="adopted", reason=" "
        )
    self_assessment_comment_answer(
        acting_user=government_user, comment=comment, disposition="adopted",
        reason="We named the late commitment.",
    )  # fmt: skip
    with pytest.raises(ServiceError) as early:  # the period still runs
        self_assessment_publish(acting_user=government_user, report=report, today=TODAY)
    assert "not over" in str(early.value)
    self_assessment_sections_update(
        acting_user=government_user, report=report,
        bodies={"introduction": "The plan had two commitments; Open contracts was late."},
    )  # fmt: skip
    version = self_assessment_publish(acting_user=government_user, report=report, today=after)
    assert version.kind == "final" and version.number == 2
    report.refresh_from_db()
    assert report.state == SelfAssessmentState.PUBLISHED
    with pytest.raises(ServiceError):  # locked once published
        self_assessment_sections_update(
            acting_user=government_user, report=report, bodies={"introduction": "x"}
        )
    page = client_for(None).get(reverse("monitoring:self-assessment-changes", args=[report.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<ins>" in html and "Open contracts was late." in html
    detail = client_for(None).get(report.get_absolute_url()).content.decode()
    assert "We named the late commitment." in detail and "Awa Citizen" in detail
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"self_assessment.open_for_comment", "self_assessment_comment.create",
            "self_assessment_comment.answer", "self_assessment.publish"} <= actions  # fmt: skip


def test_merged_answer_needs_another_comment(report, government_user):
    report = _open(report, government_user)
    citizen = UserFactory()
    first, second = (
        self_assessment_comment_create(
            acting_user=citizen, report=report, target="section:process", body=b, today=TODAY
        )
        for b in ("One", "Two")
    )
    with pytest.raises(ServiceError):
        self_assessment_comment_answer(
            acting_user=government_user, comment=second, disposition="merged", reason="Same"
        )
    answered = self_assessment_comment_answer(
        acting_user=government_user, comment=second, disposition="merged", reason="Same",
        merged_into=first,
    )  # fmt: skip
    assert answered.merged_into_id == first.pk


def test_entry_update(report, government_user):
    entry = report.entries.get(commitment__identifier="ZZ0002")
    self_assessment_entry_update(
        acting_user=government_user, entry=entry, status="limited", narrative="Started late."
    )
    entry.refresh_from_db()
    assert (entry.status, entry.narrative) == ("limited", "Started late.")
    with pytest.raises(ServiceError):
        self_assessment_entry_update(
            acting_user=government_user, entry=entry, status="bogus", narrative=""
        )


def test_pages_through_forms(plan, government_user, client_for, settings):
    client = client_for(government_user)
    url = reverse("monitoring:self-assessment-create", args=[plan.ogp_id])
    response = client.post(url, {"kind": "end_of_term"})
    report = plan.self_assessments.get()
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    edit = reverse("monitoring:self-assessment-edit", args=[report.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, {"introduction": "Hello", "process": "", "lessons": ""})
    assert report.sections.get(key="introduction").body == "Hello"
    entry_url = reverse("monitoring:self-assessment-entry", args=[report.pk, "ZZ0001"])
    assert client.get(entry_url).status_code == 200
    client.post(entry_url, {"status": "complete", "narrative": "Done."})
    assert report.entries.get(commitment__identifier="ZZ0001").status == "complete"
    today = timezone.localdate()
    client.post(
        reverse("monitoring:self-assessment-open", args=[report.pk]),
        {"comment_opens": today.isoformat(), "comment_closes": (today + 7 * DAY).isoformat()},
    )
    report.refresh_from_db()
    assert report.state == SelfAssessmentState.IN_COMMENT
    citizen = client_for(UserFactory())
    citizen.post(
        reverse("monitoring:self-assessment-comment", args=[report.pk]),
        {"target": "commitment:ZZ0001", "body": "Which data?"},
    )
    comment = report.comments.get()
    government = client_for(government_user)
    answer = reverse("monitoring:self-assessment-answer", args=[comment.pk])
    assert government.get(answer).status_code == 200
    bad = government.post(answer, {"disposition": "not_adopted", "reason": ""})
    assert bad.status_code == 200
    government.post(answer, {"disposition": "not_adopted", "reason": "Out of this plan."})
    comment.refresh_from_db()
    assert comment.reason == "Out of this plan."
    # the period still runs: publishing is refused with a message
    response = government.post(
        reverse("monitoring:self-assessment-publish", args=[report.pk]), follow=True
    )
    assert "not over" in response.content.decode()
    report.refresh_from_db()
    assert report.state == SelfAssessmentState.IN_COMMENT


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_pages_in_three_languages(report, government_user, client_for, language):
    _open(report, government_user)
    client = client_for(None)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    for url in (report.get_absolute_url(),
                reverse("monitoring:country", args=[report.plan.country.iso3])):  # fmt: skip
        response = client.get(url, **headers)
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


def test_comment_list_paginated_and_filtered(report, government_user, client_for,
                                             django_assert_max_num_queries):  # fmt: skip
    report = _open(report, government_user)
    citizen = UserFactory()
    comments = [
        self_assessment_comment_create(
            acting_user=citizen,
            report=report,
            target="section:lessons",
            body=f"Point {n}",
            today=TODAY,
        )  # fmt: skip
        for n in range(3)
    ]
    self_assessment_comment_answer(
        acting_user=government_user, comment=comments[0], disposition="out_of_scope",
        reason="About the next plan.",
    )  # fmt: skip
    client = client_for(None)
    url = reverse("monitoring:self-assessment-comments", args=[report.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert "About the next plan." in html and "Point 2" in html
    unanswered = client.get(url, {"show": "unanswered"}).content.decode()
    assert "Point 0" not in unanswered and "Point 1" in unanswered
    first = client.get(url, {"per_page": 2}).content.decode()
    assert "Point 2" not in first and 'rel="next"' in first
    assert client.get(url, {"page": "nonsense"}).status_code == 200
