"""Public comment on IRM drafts: within the period only, per section or commitment; assigned
researchers answer with a reason; published versions compared word by word."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.tests.factories import ResearcherUserFactory, UserFactory
from ogp.core.errors import ServiceError
from ogp.monitoring.services import irm_comment_answer, irm_comment_create
from ogp.plans.services import irm_report_create, irm_report_publish, irm_report_update

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)
OPENS = date(2026, 4, 1)


@pytest.fixture
def assigned():
    return ResearcherUserFactory()


@pytest.fixture
def irm(plan, staff_user, assigned):
    report = irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[assigned]
    )
    return irm_report_update(
        acting_user=assigned, report=report, summary="Both commitments advanced.",
        analysis="Budgets opened.", minimum_requirements={}, comment_opens=OPENS,
        comment_closes=OPENS + 13 * DAY,
    )  # fmt: skip


def test_comments_within_the_period_only(irm, government_user):
    for day, accepted in ((OPENS - DAY, False), (OPENS, True), (OPENS + 13 * DAY, True),
                          (OPENS + 14 * DAY, False)):  # fmt: skip
        if accepted:
            irm_comment_create(
                acting_user=government_user, report=irm, target="commitment:ZZ0001",
                body="The data was published in March.", today=day,
            )  # fmt: skip
        else:
            with pytest.raises(ServiceError):
                irm_comment_create(
                    acting_user=government_user, report=irm, target="section:summary",
                    body="x", today=day,
                )  # fmt: skip
    assert irm.public_comments.count() == 2


def test_researcher_answers_with_a_reason(irm, assigned, settings):
    comment = irm_comment_create(
        acting_user=UserFactory(), report=irm, target="section:analysis", body="Too short",
        today=OPENS,
    )  # fmt: skip
    with pytest.raises(ServiceError):
        irm_comment_answer(acting_user=assigned, comment=comment, disposition="adopted", reason="")
    with pytest.raises(ServiceError):  # another researcher, not assigned
        irm_comment_answer(
            acting_user=ResearcherUserFactory(), comment=comment, disposition="adopted",
            reason="Expanded.",
        )  # fmt: skip
    answered = irm_comment_answer(
        acting_user=assigned, comment=comment, disposition="partly_adopted",
        reason="Expanded the analysis of the budget commitment.",
    )  # fmt: skip
    assert answered.answered_by == assigned


def test_versions_compared(irm, assigned, client_for):
    irm_report_publish(acting_user=assigned, report=irm)
    irm.refresh_from_db()
    irm_report_update(
        acting_user=assigned, report=irm, summary="Both commitments advanced substantially.",
        analysis="Budgets opened.", minimum_requirements={}, comment_opens=OPENS,
        comment_closes=OPENS + 13 * DAY,
    )  # fmt: skip
    irm_report_publish(acting_user=assigned, report=irm)
    response = client_for(None).get(reverse("monitoring:irm-compare", args=[irm.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<ins>" in html and "substantially." in html
    bad = client_for(None).get(reverse("monitoring:irm-compare", args=[irm.pk]) + "?old=x")
    assert bad.status_code == 404
    missing = client_for(None).get(reverse("monitoring:irm-compare", args=[irm.pk]) + "?old=9")
    assert missing.status_code == 404


def test_comment_page_through_forms(irm, assigned, client_for, plan):
    today = timezone.localdate()
    irm.comment_opens, irm.comment_closes = today, today + 5 * DAY
    irm.save()
    citizen = client_for(UserFactory())
    url = reverse("monitoring:irm-comments", args=[irm.pk])
    page = citizen.get(url)
    assert page.status_code == 200 and "Both commitments advanced." in page.content.decode()
    citizen.post(
        reverse("monitoring:irm-comment", args=[irm.pk]),
        {"target": "commitment:ZZ0002", "body": "Contracts portal is live."},
    )
    comment = irm.public_comments.get()
    assert comment.commitment.identifier == "ZZ0002"
    researcher = client_for(assigned)
    answer_url = reverse("monitoring:irm-answer", args=[comment.pk])
    assert researcher.get(answer_url).status_code == 200
    researcher.post(answer_url, {"disposition": "adopted", "reason": "Coding updated."})
    html = client_for(None).get(url).content.decode()
    assert "Coding updated." in html and "Contracts portal is live." in html


def test_unpublished_draft_outside_its_period_is_private(irm, client_for):
    response = client_for(UserFactory()).get(reverse("monitoring:irm-comments", args=[irm.pk]))
    assert response.status_code == 403


def test_publication_waits_for_every_answer(irm, assigned, client_for):
    comment = irm_comment_create(
        acting_user=UserFactory(), report=irm, target="section:summary", body="Which data?",
        today=OPENS,
    )  # fmt: skip
    with pytest.raises(ServiceError) as refused:
        irm_report_publish(acting_user=assigned, report=irm)
    assert "no answer with a reason" in str(refused.value)
    response = client_for(assigned).post(
        reverse("plans:irm-report-publish", args=[irm.pk]), follow=True
    )
    assert "no answer with a reason" in response.content.decode()
    irm.refresh_from_db()
    assert irm.version == 0
    irm_comment_answer(
        acting_user=assigned, comment=comment, disposition="not_adopted",
        reason="The summary names the datasets already.",
    )  # fmt: skip
    assert irm_report_publish(acting_user=assigned, report=irm).number == 1
