"""Every public page renders for a visitor; management pages for the plan's government."""

import pytest
from django.urls import reverse

from .factories import (
    CommitmentFactory,
    MilestoneFactory,
    OpportunityFactory,
    PlanFactory,
    ProposalFactory,
    StepFactory,
    VersionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(country):
    country.membership_status = "active"
    country.save()
    plan = PlanFactory(country=country)
    StepFactory(plan=plan)
    OpportunityFactory(plan=plan)
    v1 = VersionFactory(plan=plan, number=1)
    c = CommitmentFactory(version=v1)
    MilestoneFactory(commitment=c)
    v2 = VersionFactory(plan=plan, number=2, introduction="First paragraph changed.")
    CommitmentFactory(version=v2, key=c.key, title=c.title + " now")
    ProposalFactory(plan=plan)
    return plan


PUBLIC = [
    "plan-detail",
    "proposal-list",
    "version-list",
    "ledger",
    "ledger-unanswered",
    "standards",
    "ledger-csv",
    "ledger-json",
    "evidence-pack",
    "plan-pdf",
    "version-compare",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages(client, plan, name):
    response = client.get(reverse(f"cocreation:{name}", args=[plan.slug]))
    assert response.status_code == 200, response.content[:500]


def test_version_and_proposal_pages(client, plan):
    assert client.get(reverse("cocreation:version-detail", args=[plan.slug, 1])).status_code == 200
    assert (
        client.get(reverse("cocreation:version-detail", args=[plan.slug, 1]) + "?all=1").status_code
        == 200
    )
    proposal = plan.proposals.first()
    assert client.get(proposal.get_absolute_url()).status_code == 200
    assert client.get(reverse("cocreation:plan-list")).status_code == 200
    assert client.get(reverse("cocreation:country", args=[plan.country.iso3])).status_code == 200


GOV = [
    "plan-edit",
    "step-create",
    "opportunity-create",
    "plan-submit",
    "plan-withdraw",
    "offline-create",
    "draft-working",
    "commitment-create",
]


@pytest.mark.parametrize("name", GOV)
def test_government_pages(client_for, plan, government_user, name):
    response = client_for(government_user).get(reverse(f"cocreation:{name}", args=[plan.slug]))
    assert response.status_code == 200, response.content[:500]


def test_staff_pages(client_for, plan, staff_user):
    client = client_for(staff_user)
    assert client.get(reverse("cocreation:staff-queue")).status_code == 200
    assert client.get(reverse("cocreation:standards", args=[plan.slug])).status_code == 200
