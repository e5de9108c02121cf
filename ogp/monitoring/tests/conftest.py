from datetime import date

import pytest

from ogp.plans.services import progress_update_create
from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory

TODAY = date(2026, 3, 10)


@pytest.fixture
def plan(country, government_user):
    plan = ActionPlanFactory(country=country, ogp_id="AP_ZZA01", submitted_year=2024)
    first = CommitmentFactory(plan=plan, identifier="ZZ0001", title="Open budgets")
    CommitmentFactory(plan=plan, identifier="ZZ0002", title="Open contracts")
    milestone = MilestoneFactory(
        commitment=first, title="Publish the budget data", due_date=date(2026, 6, 30)
    )
    progress_update_create(
        acting_user=government_user, milestone=milestone, status="substantial",
        narrative="Budget data for 2025 published as open data.",
        no_evidence_reason="The portal is being moved.",
    )  # fmt: skip
    return plan
