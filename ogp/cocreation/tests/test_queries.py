"""The plan page, the proposals list and the ledger page run a constant number of queries."""

import pytest
from django.urls import reverse

from ogp.participation.tests.factories import ForumFactory, MeetingFactory

from .factories import (
    CommitmentFactory,
    OpportunityFactory,
    PlanFactory,
    ProposalFactory,
    StepFactory,
    VersionFactory,
)

pytestmark = pytest.mark.django_db


def _grow(plan, n):
    for _ in range(n):
        StepFactory(plan=plan)
        OpportunityFactory(plan=plan)
        MeetingFactory(forum=plan.forum)
        ProposalFactory(plan=plan)
    version = VersionFactory(plan=plan)
    for _ in range(n):
        CommitmentFactory(version=version)


def _count(client, url, django_assert_max_num_queries=None):  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.cookies["bench"] = "1"  # a cookie bypasses the visitors' page cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["plan-detail", "proposal-list", "ledger"])
def test_constant_queries(client, country, name):
    plan = PlanFactory(country=country, forum=ForumFactory(country=country))
    _grow(plan, 2)
    url = reverse(f"cocreation:{name}", args=[plan.slug])
    small = _count(client, url)
    _grow(plan, 10)
    assert _count(client, url) == small


def test_plan_page_query_budget(client, country, django_assert_max_num_queries):
    plan = PlanFactory(country=country, forum=ForumFactory(country=country))
    _grow(plan, 5)
    client.cookies["bench"] = "1"
    with django_assert_max_num_queries(20):
        client.get(reverse("cocreation:plan-detail", args=[plan.slug]))


def test_visitor_cache_follows_the_plan_revision(client, country, government_user):
    from ogp.cocreation.services.timeline import step_save

    country.membership_status = "active"
    country.save()
    plan = PlanFactory(country=country)
    url = reverse("cocreation:plan-detail", args=[plan.slug])
    assert b"Hearings" not in client.get(url).content
    from django.utils import timezone

    step_save(
        acting_user=government_user,
        plan=plan,
        kind="engagement",
        title="Hearings",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    assert b"Hearings" in client.get(url).content


@pytest.fixture
def lean(settings):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300


def test_visitors_get_the_plan_page_from_the_lean_path(lean, country, government_user):  # type: ignore[no-untyped-def]
    """A cookie-less visitor is answered before the middleware runs (no query), and a change
    made through a service shows on the next visit."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from ogp.cocreation.services.timeline import step_save

    country.membership_status = "active"
    country.save()
    plan = PlanFactory(country=country)
    url = reverse("cocreation:plan-detail", args=[plan.slug])
    first = Client().get(url)
    assert first.status_code == 200 and first["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(url)
    assert again.content == first.content
    assert [q["sql"] for q in queries.captured_queries if "ogp_cache" not in q["sql"]] == []
    step_save(
        acting_user=government_user,
        plan=plan,
        kind="engagement",
        title="Hearings",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    assert b"Hearings" in Client().get(url).content
