"""Report pages read a constant number of queries, whatever the number of commitments and
comments."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ogp.accounts.tests.factories import ResearcherUserFactory, UserFactory
from ogp.monitoring.services import (
    irm_comment_create,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_open_for_comment,
)
from ogp.plans.services import irm_report_create, irm_report_update
from ogp.plans.tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def _world(plan, government_user, staff_user, extra):
    today = timezone.localdate()
    for n in range(extra):
        CommitmentFactory(plan=plan, identifier=f"ZZ1{n:03d}")
    report = self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")
    report = self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=today, closes=today + timedelta(3)
    )
    assigned = ResearcherUserFactory()
    irm = irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[assigned]
    )
    irm_report_update(
        acting_user=assigned, report=irm, summary="s", analysis="a", minimum_requirements={},
        comment_opens=today, comment_closes=today + timedelta(3),
    )  # fmt: skip
    for commitment in plan.commitments.all():
        for _n in range(2):
            target = f"commitment:{commitment.identifier}"
            self_assessment_comment_create(
                acting_user=UserFactory(), report=report, target=target, body="c"
            )
            irm_comment_create(acting_user=UserFactory(), report=irm, target=target, body="c")
    return report, irm


@pytest.mark.parametrize("extra", [0, 12])
def test_report_pages_constant(plan, government_user, staff_user, client_for, extra,
                               django_assert_max_num_queries):  # fmt: skip
    report, irm = _world(plan, government_user, staff_user, extra)
    client = client_for(government_user)
    urls = [
        report.get_absolute_url(),
        reverse("monitoring:irm-comments", args=[irm.pk]),
        reverse("monitoring:country", args=[plan.country.iso3]),
    ]
    for url in urls:
        client.get(url)  # warm caches (navigation, session)
        with django_assert_max_num_queries(22):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("extra", [0, 12])
def test_diff_pages_constant(plan, government_user, staff_user, client_for, extra,
                             django_assert_max_num_queries):  # fmt: skip
    from ogp.monitoring.services import self_assessment_comment_answer, self_assessment_publish
    from ogp.plans.services import irm_report_publish

    report, irm = _world(plan, government_user, staff_user, extra)
    for comment in report.comments.all():
        self_assessment_comment_answer(
            acting_user=government_user, comment=comment, disposition="not_adopted", reason="r"
        )
    self_assessment_publish(
        acting_user=government_user, report=report, today=timezone.localdate() + timedelta(9)
    )
    assigned = irm.researchers.get()
    for comment in irm.public_comments.all():
        comment.reason, comment.disposition = "r", "not_adopted"
        comment.save()
    irm_report_publish(acting_user=assigned, report=irm)
    irm.refresh_from_db()
    irm_report_publish(acting_user=assigned, report=irm)
    client = client_for(None)
    for url in (reverse("monitoring:self-assessment-changes", args=[report.pk]),
                reverse("monitoring:irm-compare", args=[irm.pk])):  # fmt: skip
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
