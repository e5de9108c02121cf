"""Permission grid: forum coordinators, members, staff, visitors and the other roles."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ogp.accounts.tests.factories import UserFactory
from ogp.participation.services.forums import membership_request_create

from .factories import CoordinatorFactory, EventFactory, ForumFactory, MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor", "public", "civil_society", "researcher", "government", "other_government",
    "staff", "coordinator", "member", "other_coordinator",
]  # fmt: skip


@pytest.fixture
def world(country, other_country, staff_user, government_user, other_government_user,
          civil_society_user, researcher_user):  # fmt: skip
    forum = ForumFactory(country=country)
    other_forum = ForumFactory(country=other_country)
    coordinator, member, other_coordinator = UserFactory(), UserFactory(), UserFactory()
    CoordinatorFactory(forum=forum, user=coordinator)
    MembershipFactory(forum=forum, user=member)
    CoordinatorFactory(forum=other_forum, user=other_coordinator)
    users = {
        "visitor": AnonymousUser(), "public": UserFactory(), "civil_society": civil_society_user,
        "researcher": researcher_user, "government": government_user,
        "other_government": other_government_user, "staff": staff_user,
        "coordinator": coordinator, "member": member, "other_coordinator": other_coordinator,
    }  # fmt: skip
    return {"forum": forum, "country": country, "users": users}


Y, N = True, False

# perm, object key, expected per role in ROLES order
GRID = [
    ("participation.view_forum", "forum",                  [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("participation.add_forum", None,                      [N, N, N, N, Y, Y, Y, N, N, N]),
    ("participation.add_forum_for_country", "country",     [N, N, N, N, Y, N, Y, N, N, N]),
    ("participation.change_forum", "forum",                [N, N, N, N, N, N, Y, Y, N, N]),
    ("participation.request_forum_membership", "forum",    [N, Y, Y, Y, Y, Y, Y, N, N, Y]),
    ("participation.decide_forum_request", "forum",        [N, N, N, N, N, N, Y, Y, N, N]),
    ("participation.manage_forum_members", "forum",        [N, N, N, N, N, N, Y, Y, N, N]),
    ("participation.add_meeting", "forum",                 [N, N, N, N, N, N, Y, Y, N, N]),
    ("participation.change_meeting", "forum",              [N, N, N, N, N, N, Y, Y, N, N]),
    ("participation.view_forum_compliance", None,          [N, N, N, N, N, N, Y, N, N, N]),
    ("participation.subscribe", None,                      [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("participation.manage_mailing_lists", None,           [N, N, N, N, N, N, Y, N, N, N]),
    ("participation.manage_events", None,                  [N, N, N, N, N, N, Y, N, N, N]),
    ("participation.register_event", None,                 [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
]  # fmt: skip


@pytest.mark.parametrize(("perm", "obj_key", "expected"), GRID, ids=[g[0] for g in GRID])
def test_grid(world, perm, obj_key, expected):
    obj = world[obj_key] if obj_key else None
    got = [world["users"][role].has_perm(perm, obj) for role in ROLES]
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, expected, strict=True))


def _pending_request(world):
    return membership_request_create(
        acting_user=world["users"]["public"], forum=world["forum"], motivation="Please"
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("public", 403), ("member", 403), ("other_coordinator", 403),
     ("government", 403), ("coordinator", 302), ("staff", 302)],
)  # fmt: skip
def test_decide_by_direct_url(client_for, world, role, status):
    request = _pending_request(world)
    user = world["users"][role]
    client = client_for(None if role == "visitor" else user)
    url = reverse("participation:forum-decide", args=[world["forum"].slug, request.pk])
    response = client.post(url, {f"r{request.pk}-decision": "approve"})
    assert response.status_code == status
    request.refresh_from_db()
    assert request.state == ("approved" if role in {"coordinator", "staff"} else "pending")


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("member", 403), ("other_coordinator", 403), ("coordinator", 200),
     ("staff", 200)],
)  # fmt: skip
@pytest.mark.parametrize(
    "name", ["forum-requests", "forum-edit", "meeting-create", "forum-member-add"]
)
def test_coordination_pages_by_direct_url(client_for, world, role, status, name):
    client = client_for(None if role == "visitor" else world["users"][role])
    response = client.get(reverse(f"participation:{name}", args=[world["forum"].slug]))
    assert response.status_code == status


def test_other_country_government_cannot_create_forum_there(client_for, world, other_country):
    client = client_for(world["users"]["other_government"])
    response = client.post(
        reverse("participation:forum-create"),
        {"country": world["country"].pk, "name": "Not yours", "rules_of_participation": "r",
         "established_on": "2025-01-01"},
    )  # fmt: skip
    # The country is not even offered to them, so the form refuses it.
    assert response.status_code == 200
    assert not world["forum"].country.forums.filter(name="Not yours").exists()


@pytest.mark.parametrize(("role", "status"), [("staff", 302), ("public", 403), ("owner", 302)])
def test_cancel_registration_by_direct_url(client_for, world, role, status):
    from ogp.participation.services.events import registration_create

    event = EventFactory()
    owner = UserFactory()
    registration = registration_create(acting_user=owner, event=event)
    user = owner if role == "owner" else world["users"][role]
    response = client_for(user).post(
        reverse("participation:event-cancel", args=[event.slug, registration.pk])
    )
    assert response.status_code == status
    registration.refresh_from_db()
    assert (registration.state == "cancelled") is (status == 302)


@pytest.mark.parametrize(("role", "status"), [("visitor", 302), ("public", 403), ("staff", 200)])
def test_staff_pages(client_for, world, role, status):
    client = client_for(None if role == "visitor" else world["users"][role])
    for name in [
        "participation:staff-forums", "participation:staff-lists",
        "engagement:moderation-queue", "participation:event-create",
    ]:  # fmt: skip
        assert client.get(reverse(name)).status_code == status, name
