"""Permission grid: who may follow, report content and moderate, per role."""

import pytest

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "public", "government", "other_government", "civil_society", "researcher",
         "staff"]  # fmt: skip
Y, N = True, False

GRID = [
    ("engagement.follow",         [N, Y, Y, Y, Y, Y, Y]),
    ("engagement.report_content", [N, Y, Y, Y, Y, Y, Y]),
    ("engagement.moderate",       [N, N, N, N, N, N, Y]),
]  # fmt: skip


@pytest.mark.parametrize(("perm", "expected"), GRID, ids=[g[0] for g in GRID])
def test_grid(actors, perm, expected):
    got = {role: actors[role].has_perm(perm) for role in ROLES}
    assert got == dict(zip(ROLES, expected, strict=True))


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("public", 403), ("government", 403), ("staff", 200)],
)
def test_moderation_queue_by_direct_url(client_for, actors, role, status):
    from django.urls import reverse

    client = client_for(None if role == "anonymous" else actors[role])
    assert client.get(reverse("engagement:moderation-queue")).status_code == status
