"""The plan page and the ledger page store their published parts (cached fragments, as in
production) and still show each reader their own links, and every change on the next request."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ogp.cocreation.models import LedgerEntry
from ogp.cocreation.services import inputs
from ogp.participation.tests.factories import ForumFactory

from .factories import PlanFactory, ProposalFactory, StepFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lean(settings):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300


@pytest.fixture
def plan(country):  # type: ignore[no-untyped-def]
    country.membership_status = "active"
    country.save()
    plan = PlanFactory(country=country, forum=ForumFactory(country=country), state="co_creation")
    StepFactory(plan=plan, title="Hearings")
    for _ in range(3):
        ProposalFactory(plan=plan)
    return plan


def _main(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html.split("<main", 1)[1])


def _queries(client, url) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["plan-detail", "ledger"])
def test_stored_parts_show_what_a_fresh_page_shows(
    client_for, user, government_user, plan, settings, name
):
    url = reverse(f"cocreation:{name}", args=[plan.slug])
    for reader in (user, government_user):
        settings.OGP_LEAN_CACHE_SECONDS = 0
        fresh = _main(client_for(reader).get(url))
        settings.OGP_LEAN_CACHE_SECONDS = 300
        assert _main(client_for(reader).get(url)) == fresh  # rendered and stored
        assert _main(client_for(reader).get(url)) == fresh  # from the stored fragments


def test_ledger_links_follow_the_reader_and_answers_show_at_once(
    lean, client_for, user, government_user, plan
):
    url = reverse("cocreation:ledger", args=[plan.slug])
    entry = LedgerEntry.objects.filter(plan=plan).order_by("pk").first()
    assert "Answer input" in client_for(government_user).get(url).content.decode()
    page = client_for(user).get(url).content.decode()
    assert "Answer input" not in page and "0 of 3 inputs answered" in page
    inputs.ledger_respond(
        acting_user=government_user, entry=entry, disposition="not_adopted", reason="Not now."
    )
    page = client_for(user).get(url).content.decode()
    assert "1 of 3 inputs answered" in page and "Not now." in page
    entry.proposal.is_hidden = True  # as moderation does it (another app)
    entry.proposal.save()
    page = client_for(user).get(url).content.decode()
    assert "0 of 2 inputs answered" in page and entry.proposal.title not in page


def test_plan_page_links_follow_the_reader(lean, client_for, user, government_user, plan):
    url = reverse("cocreation:plan-detail", args=[plan.slug])
    own = client_for(government_user).get(url).content.decode()
    assert "Manage the plan" in own and "Change “Hearings”" in own
    other = client_for(user).get(url).content.decode()
    assert "Manage the plan" not in other and "Change “Hearings”" not in other
    assert "Hearings" in other and "0 of 3 inputs answered" in other


@pytest.mark.parametrize("name", ["plan-detail", "ledger"])
def test_stored_pages_run_few_queries_whatever_the_inputs(client_for, user, plan, lean, name):
    client = client_for(user)
    url = reverse(f"cocreation:{name}", args=[plan.slug])
    client.get(url)
    stored = _queries(client, url)
    for _ in range(20):
        ProposalFactory(plan=plan)
    cold = _queries(client, url)  # the new inputs made the stored parts stale
    assert cold > stored
    assert _queries(client, url) == stored
