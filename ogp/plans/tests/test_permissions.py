"""Permission grid: role x action, per object (this country / another country), direct URLs."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ogp.accounts.tests.factories import CivilSocietyUserFactory, UserFactory
from ogp.organisations.tests.factories import OrganisationFactory
from ogp.plans.services import progress_update_create

from .factories import CommitmentFactory, InstitutionFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor", "public", "civil_society", "co_owner", "country_civil_society", "researcher",
    "government", "other_government", "staff",
]  # fmt: skip


@pytest.fixture
def world(country, other_country, staff_user, government_user, other_government_user,
          civil_society_user, researcher_user):  # fmt: skip
    commitment = CommitmentFactory(plan__country=country)
    owner_org = OrganisationFactory(kind="civil_society", country=other_country)
    InstitutionFactory(commitment=commitment, organisation=owner_org, is_civil_society=True)
    milestone = MilestoneFactory(commitment=commitment)
    update = progress_update_create(
        acting_user=government_user, milestone=milestone, status="limited",
        narrative="Started.", no_evidence_reason="Meeting notes not yet published.",
    )  # fmt: skip
    users = {
        "visitor": AnonymousUser(), "public": UserFactory(), "civil_society": civil_society_user,
        "co_owner": CivilSocietyUserFactory(organisation=owner_org),
        "country_civil_society": CivilSocietyUserFactory(
            organisation=OrganisationFactory(kind="civil_society", country=country)
        ),
        "researcher": researcher_user, "government": government_user,
        "other_government": other_government_user, "staff": staff_user,
    }  # fmt: skip
    return {"users": users, "commitment": commitment, "milestone": milestone, "update": update}


GRID = {
    # action: roles allowed
    "plans.view_commitment": set(ROLES),
    "plans.import_sheet": {"staff"},
    "plans.add_milestone": {"government", "staff"},
    "plans.change_commitment": {"government", "staff"},
    "plans.post_progress": {"government"},
    "plans.review_progress": {"co_owner", "country_civil_society"},
}
OBJECT = {
    "plans.view_commitment": "commitment",
    "plans.import_sheet": None,
    "plans.add_milestone": "commitment",
    "plans.change_commitment": "commitment",
    "plans.post_progress": "milestone",
    "plans.review_progress": "update",
}


@pytest.mark.parametrize("perm", list(GRID))
@pytest.mark.parametrize("role", ROLES)
def test_grid(world, perm, role):
    obj = world[OBJECT[perm]] if OBJECT[perm] else None
    assert world["users"][role].has_perm(perm, obj) is (role in GRID[perm])


def test_author_cannot_review_own_update(world):
    assert not world["users"]["government"].has_perm("plans.review_progress", world["update"])


@pytest.mark.parametrize("role", ROLES)
def test_direct_url_post_progress(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    url = reverse("plans:update-create", args=[world["milestone"].pk])
    response = client.post(
        url, {"status": "complete", "narrative": "Done", "evidence_link": "https://example.org/r"}
    )
    if role == "visitor":
        assert response.status_code == 302 and "login" in response["Location"]
    elif role == "government":
        assert response.status_code == 302
        world["milestone"].refresh_from_db()
        assert world["milestone"].status == "complete"
    else:
        assert response.status_code == 403
        world["milestone"].refresh_from_db()
        assert world["milestone"].status == "limited"


@pytest.mark.parametrize("role", ROLES)
def test_direct_url_review(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    url = reverse("plans:review-create", args=[world["update"].pk])
    response = client.post(url, {"verdict": "dispute", "status": "not_started", "reasoning": "No."})
    expected = {"visitor": 302, "co_owner": 302, "country_civil_society": 302}.get(role, 403)
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_direct_url_import_and_milestone(world, client_for, role):
    client = client_for(None if role == "visitor" else world["users"][role])
    page = client.get(reverse("plans:import"))
    assert page.status_code == (200 if role == "staff" else 302 if role == "visitor" else 403)
    allowed = role in ("government", "staff")
    for name in ("plans:milestone-create", "plans:commitment-edit"):
        page = client.get(reverse(name, args=[world["commitment"].identifier]))
        assert page.status_code == (200 if allowed else 302 if role == "visitor" else 403)


def test_other_country_government_cannot_post_on_this_commitment(world, other_country):
    other = CommitmentFactory(plan__country=other_country)
    milestone = MilestoneFactory(commitment=other)
    assert not world["users"]["government"].has_perm("plans.post_progress", milestone)
    assert world["users"]["other_government"].has_perm("plans.post_progress", milestone)
