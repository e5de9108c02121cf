"""The role x permission grid for the foundation's permissions (every role, and visitors)."""

import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "public", "government", "civil_society", "researcher", "support_unit"]

GRID = {
    "accounts.view_profile": {
        "public",
        "government",
        "civil_society",
        "researcher",
        "support_unit",
    },
    "accounts.request_role": {"public", "government", "civil_society", "researcher"},
    "accounts.view_staff_home": {"support_unit"},
    "accounts.decide_rolerequest": {"support_unit"},
    "accounts.change_user_role": {"support_unit"},
    "audit.view_auditevent": {"support_unit"},
}


@pytest.fixture
def users(user, government_user, civil_society_user, researcher_user, staff_user):
    return {
        "visitor": AnonymousUser(),
        "public": user,
        "government": government_user,
        "civil_society": civil_society_user,
        "researcher": researcher_user,
        "support_unit": staff_user,
    }


@pytest.mark.parametrize("permission", sorted(GRID))
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(users, role, permission):
    assert users[role].has_perm(permission) is (role in GRID[permission])


def test_inactive_staff_loses_every_permission(staff_user):
    staff_user.is_active = False
    staff_user.save()
    assert not any(staff_user.has_perm(p) for p in GRID)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),
        ("public", 403),
        ("government", 403),
        ("civil_society", 403),
        ("researcher", 403),
        ("support_unit", 200),
    ],
)
def test_staff_pages_by_direct_url(client_for, users, role, expected):
    client = client_for(None if role == "visitor" else users[role])
    for url in ["/en/account/staff/", "/en/account/staff/users/", "/en/audit/"]:
        assert client.get(url).status_code == expected, url


def test_government_predicate_is_tied_to_the_object_country(
    government_user, country, other_country
):
    from ogp.accounts.predicates import is_government_of_object_country

    assert is_government_of_object_country(government_user, country)
    assert not is_government_of_object_country(government_user, other_country)
