"""Proposals and comments are reported and hidden through the shared moderation; authors are
told why, and hidden inputs leave the ledger."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ogp.cocreation.selectors import plan_ledger_counts, plan_ledger_summary
from ogp.cocreation.tests.factories import PlanFactory, ProposalFactory
from ogp.engagement.services.moderation import content_hide

pytestmark = pytest.mark.django_db


def test_report_hide_and_tell_the_author(client_for, country, user, staff_user):
    plan = PlanFactory(country=country)
    proposal = ProposalFactory(plan=plan)
    ProposalFactory(plan=plan)
    response = client_for(user).post(
        reverse("engagement:report", args=["cocreation.proposal", proposal.pk]),
        {"reason": "Insults"},
    )
    assert response.status_code == 302
    content_hide(acting_user=staff_user, obj=proposal, reason="Personal attacks")
    assert proposal.author.email in mail.outbox[-1].to
    assert "Personal attacks" in mail.outbox[-1].body
    today = timezone.localdate()
    counts = plan_ledger_counts(plan, today=today)
    assert (counts.total, counts.hidden) == (1, 1)
    summary = plan_ledger_summary(plan, today=today)
    assert (summary.total, summary.hidden) == (1, 1)
    assert client_for(None).get(proposal.get_absolute_url()).status_code == 410
    author_page = client_for(proposal.author).get(proposal.get_absolute_url())
    assert b"Personal attacks" in author_page.content


@pytest.mark.parametrize(
    ("disposition", "reason", "linked", "merged_self"),
    [("", "", False, False), ("not_adopted", "", False, False), ("not_adopted", "r", False, False),
     ("adopted", "r", False, False), ("adopted", "r", True, False), ("merged", "r", False, True),
     ("merged", "r", False, False)],
)  # fmt: skip
def test_database_counts_agree_with_the_domain_rule(country, disposition, reason, linked,
                                                    merged_self):  # fmt: skip
    from ogp.cocreation.tests.factories import CommitmentFactory, VersionFactory

    plan = PlanFactory(country=country)
    entry = ProposalFactory(plan=plan).ledger_entry
    other = ProposalFactory(plan=plan).ledger_entry
    entry.disposition, entry.reason = disposition, reason
    if linked:
        entry.linked_commitment = CommitmentFactory(version=VersionFactory(plan=plan))
    if disposition == "merged":
        entry.merged_into = entry if merged_self else other
    entry.save()
    today = timezone.localdate()
    counts, summary = plan_ledger_counts(plan, today=today), plan_ledger_summary(plan, today=today)
    assert (counts.total, counts.answered, counts.unanswered_count) == (
        summary.total, summary.answered, len(summary.unanswered),
    )  # fmt: skip
    assert counts.by_disposition == summary.by_disposition
    assert counts.oldest_unanswered_days == summary.oldest_unanswered_days
