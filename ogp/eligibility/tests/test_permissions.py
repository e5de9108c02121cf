"""Permission grid: role x action for eligibility (objects of the government user's country),
and the same rules refusing in the services."""

import pytest

from conftest import ROLES
from ogp.eligibility import services
from ogp.eligibility.models import EvidenceSubmission

pytestmark = pytest.mark.django_db

# Permission -> roles that hold it. The object is None, the country (Zedland) or a submission
# by the civil society user about Zedland.
GRID = {
    ("eligibility.manage_eligibility", None): {"staff"},
    ("eligibility.submit_evidence", "country"): {"government", "civil_society"},
    ("eligibility.view_evidence", "submission"): {"staff", "civil_society"},
    ("eligibility.view_own_evidence", None): set(ROLES) - {"anonymous"},
}


@pytest.fixture
def objects(rulesets, country, civil_society_user):
    cycle = services.cycle_open(acting_user=None, year=2024)
    submission = EvidenceSubmission.objects.create(
        cycle=cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="The budget is published.",
        submitted_by=civil_society_user,
    )
    return {None: None, "country": country, "submission": submission}


@pytest.mark.parametrize(("perm", "obj"), sorted(GRID, key=str))
@pytest.mark.parametrize("role", ROLES)
def test_eligibility_permission_grid(actors, objects, perm, obj, role):
    assert actors[role].has_perm(perm, objects[obj]) is (role in GRID[(perm, obj)])


@pytest.mark.parametrize("role", ROLES)
def test_the_evidence_service_refuses_whom_the_rules_refuse(actors, country, role):
    from ogp.eligibility.rules import can_submit_evidence_for

    assert can_submit_evidence_for(actors[role], country) is actors[role].has_perm(
        "eligibility.submit_evidence", country
    )
