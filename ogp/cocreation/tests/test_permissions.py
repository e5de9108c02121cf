"""Permission grid for every co-creation action and role, and direct-URL attempts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from ogp.accounts.tests.factories import CivilSocietyUserFactory, UserFactory
from ogp.participation.tests.factories import CoordinatorFactory, ForumFactory

from .factories import CommitmentFactory, PlanFactory, ProposalFactory, VersionFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "public", "civil_society", "researcher", "government", "other_government",
         "staff", "coordinator", "author", "editor"]  # fmt: skip
Y, N = True, False


@pytest.fixture
def world(country, other_country, staff_user, government_user, other_government_user,
          civil_society_user, researcher_user):  # fmt: skip
    from ogp.cocreation.models import ShadowPlan

    country.membership_status = "active"
    country.save()
    forum = ForumFactory(country=country)
    coordinator, author, editor = UserFactory(), UserFactory(), CivilSocietyUserFactory()
    CoordinatorFactory(forum=forum, user=coordinator)
    plan = PlanFactory(country=country, forum=forum, state="co_creation")
    preparing = PlanFactory(country=country, state="preparing")
    anonymous = PlanFactory(country=country, anonymous_proposals=True)
    version = VersionFactory(plan=plan, number=1)
    working = VersionFactory(plan=plan, number=None, published_at=None)
    CommitmentFactory(version=version)
    proposal = ProposalFactory(plan=plan, author=author)
    shadow = ShadowPlan.objects.create(country=country, title="S", slug="s")
    shadow.editors.add(editor)
    published_shadow = ShadowPlan.objects.create(country=country, title="P", slug="p",
                                                 published_at=plan.created_at)  # fmt: skip
    users = {
        "visitor": AnonymousUser(), "public": UserFactory(), "civil_society": civil_society_user,
        "researcher": researcher_user, "government": government_user,
        "other_government": other_government_user, "staff": staff_user,
        "coordinator": coordinator, "author": author, "editor": editor,
    }  # fmt: skip
    return {
        "users": users, "country": country, "plan": plan, "preparing": preparing,
        "version": version, "working": working, "proposal": proposal,
        "entry": proposal.ledger_entry, "anonymous": anonymous, "shadow": shadow,
        "published_shadow": published_shadow,
    }  # fmt: skip


GRID = [
    ("cocreation.add_plan", "country",                   [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.view_plan", "plan",                     [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.view_plan", "preparing",                [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.change_plan", "plan",                   [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.open_plan", "preparing",                [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.submit_plan", "plan",                   [N, N, N, N, Y, N, N, N, N, N]),
    ("cocreation.review_plan", "plan",                   [N, N, N, N, N, N, Y, N, N, N]),
    ("cocreation.view_queue", None,                      [N, N, N, N, N, N, Y, N, N, N]),
    ("cocreation.assess_standards", "plan",              [N, N, N, N, N, N, Y, N, N, N]),
    ("cocreation.download_evidence", "plan",             [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.download_evidence", "preparing",        [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.view_version", "version",               [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.view_version", "working",               [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.edit_draft", "plan",                    [N, N, N, N, Y, N, N, N, N, N]),
    ("cocreation.publish_version", "plan",               [N, N, N, N, Y, N, N, N, N, N]),
    ("cocreation.comment_version", "version",            [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.comment_version", "working",            [N, N, N, N, N, N, N, N, N, N]),
    ("cocreation.add_proposal", "plan",                  [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.add_proposal", "preparing",             [N, N, N, N, N, N, N, N, N, N]),
    ("cocreation.add_anonymous_proposal", "plan",        [N, N, N, N, N, N, N, N, N, N]),
    ("cocreation.add_anonymous_proposal", "anonymous",   [Y, N, N, N, N, N, N, N, N, N]),
    ("cocreation.support_proposal", "proposal",          [N, Y, Y, Y, Y, Y, Y, Y, N, Y]),
    ("cocreation.comment_proposal", "proposal",          [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.add_offline_input", "plan",             [N, N, N, N, Y, N, N, N, N, N]),
    ("cocreation.respond_input", "entry",                [N, N, N, N, Y, N, N, Y, N, N]),
    ("cocreation.view_ledger", "plan",                   [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.view_ledger", "preparing",              [N, N, N, N, Y, N, Y, N, N, N]),
    ("cocreation.add_shadow_plan", None,                 [N, N, Y, N, N, N, N, N, N, Y]),
    ("cocreation.view_shadow_plan", "shadow",            [N, N, N, N, N, N, Y, N, N, Y]),
    ("cocreation.view_shadow_plan", "published_shadow",  [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
    ("cocreation.edit_shadow_plan", "shadow",            [N, N, N, N, N, N, N, N, N, Y]),
    ("cocreation.propose_shadow_commitments", "shadow",  [N, N, N, N, N, N, N, N, N, Y]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("perm", "obj_key", "expected"), GRID, ids=[f"{g[0]}-{g[1]}" for g in GRID]
)
def test_grid(world, perm, obj_key, expected):
    obj = world[obj_key] if obj_key else None
    got = [world["users"][role].has_perm(perm, obj) for role in ROLES]
    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, expected, strict=True))


def _client(client_for, world, role):
    return client_for(None if role == "visitor" else world["users"][role])


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 404), ("public", 404), ("other_government", 404), ("researcher", 404),
     ("government", 200), ("staff", 200)],
)  # fmt: skip
@pytest.mark.parametrize(
    "name", ["plan-detail", "proposal-list", "version-list", "ledger", "standards", "ledger-csv"]
)
def test_unpublished_plan_is_invisible_by_direct_url(client_for, world, role, status, name):
    url = reverse(f"cocreation:{name}", args=[world["preparing"].slug])
    assert _client(client_for, world, role).get(url).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("public", 403), ("other_government", 403), ("coordinator", 403),
     ("staff", 403), ("government", 200)],
)  # fmt: skip
@pytest.mark.parametrize(
    "name", ["draft-working", "commitment-create", "plan-submit", "offline-create"]
)
def test_draft_editing_pages_by_direct_url(client_for, world, role, status, name):
    url = reverse(f"cocreation:{name}", args=[world["plan"].slug])
    assert _client(client_for, world, role).get(url).status_code == status


@pytest.mark.parametrize("role", ["visitor", "public", "other_government", "government", "staff"])
def test_unpublished_version_number_is_not_found(client_for, world, role):
    # The working copy has no number: no URL reaches it but the editor; a guessed number 404s.
    url = reverse("cocreation:version-detail", args=[world["plan"].slug, 99])
    assert _client(client_for, world, role).get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("other_government", False), ("public", False), ("government", True), ("coordinator", True)],
)
def test_respond_by_direct_url(client_for, world, role, allowed):
    entry = world["entry"]
    url = reverse("cocreation:ledger-respond", args=[world["plan"].slug, entry.pk])
    response = _client(client_for, world, role).post(
        url, {"disposition": "not_adopted", "reason": "Too costly"}
    )
    entry.refresh_from_db()
    assert (entry.disposition == "not_adopted") is allowed
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 404), ("civil_society", 404), ("editor", 200), ("staff", 200)],
)
def test_unpublished_shadow_plan_by_direct_url(client_for, world, role, status):
    url = reverse("cocreation:shadow-detail", args=[world["shadow"].slug])
    assert _client(client_for, world, role).get(url).status_code == status


def test_other_country_government_cannot_open_or_publish(client_for, world):
    client = _client(client_for, world, "other_government")
    assert (
        client.post(reverse("cocreation:plan-open", args=[world["preparing"].slug])).status_code
        == 404
    )
    assert (
        client.post(reverse("cocreation:draft-publish", args=[world["plan"].slug])).status_code
        == 403
    )
    assert (
        client.post(reverse("cocreation:staff-publish", args=[world["plan"].slug])).status_code
        == 403
    )
    world["preparing"].refresh_from_db()
    assert world["preparing"].state == "preparing"
