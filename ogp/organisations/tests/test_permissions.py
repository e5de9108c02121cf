"""Permission grid: role x action for organisations, and the views applying it."""

import pytest

from conftest import ROLES
from ogp.organisations.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(civil_society_user, country):
    organisation = Organisation.objects.create(
        name="Zedland Open Budget Network",
        slug="zobn",
        kind=OrganisationKind.values[0],
        country=country,
    )
    civil_society_user.organisation = organisation
    civil_society_user.save()
    return organisation


GRID = {
    ("organisations.view_organisation", True): set(ROLES),
    ("organisations.add_organisation", False): set(ROLES) - {"anonymous"},
    # the civil society user is a member of the organisation
    ("organisations.change_organisation", True): {"staff", "civil_society"},
}


@pytest.mark.parametrize(("perm", "on_object"), sorted(GRID))
@pytest.mark.parametrize("role", ROLES)
def test_organisation_permission_grid(actors, organisation, perm, on_object, role):
    obj = organisation if on_object else None
    assert actors[role].has_perm(perm, obj) is (role in GRID[(perm, on_object)])


@pytest.mark.parametrize("role", ROLES)
def test_the_edit_page_follows_the_grid(actors, organisation, client_for, role):
    user = None if role == "anonymous" else actors[role]
    response = client_for(user).get(f"/en/organisations/{organisation.slug}/edit/")
    if role in GRID[("organisations.change_organisation", True)]:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
    else:
        assert response.status_code == 403
