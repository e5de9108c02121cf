"""Every list filter and sort can be read from an index on PostgreSQL (skipped on SQLite).

The test tables are tiny, so the planner would rightly scan them; sequential scans are switched
off for the query so that EXPLAIN shows whether an index *can* serve it (with none it still
falls back to a scan, which fails the test)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN index checks run on PostgreSQL")


def plan(queryset: QuerySet[Any], *, search: bool = False) -> str:
    """EXPLAIN without sequential scans (and, for a search, without plain index scans: the
    alphabetical index would otherwise be walked with the search as a filter)."""
    switches = ["enable_seqscan", "enable_sort", "enable_incremental_sort"]
    switches += ["enable_indexscan"] if search else []
    with connection.cursor() as cursor:
        for switch in switches:
            cursor.execute(f"SET LOCAL {switch} = off")
        text = queryset.explain()
        for switch in switches:
            cursor.execute(f"RESET {switch}")
    return text


def _directory(**filters: Any) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.participation.selectors import organisation_directory

        if filters.get("query"):  # the search filter alone: the order is checked above
            from django.db.models import Q

            from ogp.organisations.models import Organisation

            q = filters["query"]
            return Organisation.objects.filter(Q(name__icontains=q) | Q(description__icontains=q))
        return organisation_directory(**filters)[:50]

    return build


def _people(**filters: Any) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.participation.selectors import people_list

        if filters.get("query"):  # the name half of the search (organisation names: above)
            from ogp.participation.models import Person

            return Person.objects.filter(full_name__icontains=filters["query"])
        return people_list(**filters)[:50]

    return build


def _forums(country: bool) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.countries.models import Country
        from ogp.participation.models import Forum

        # the list's order and filter, without the per-row annotations
        if country:
            from ogp.core.collation import natural

            return Forum.objects.filter(country=Country.objects.first()).order_by(
                natural("name"), "pk"
            )[:50]
        return Forum.objects.filter(name__icontains="x")[:50]

    return build


def _events(**filters: Any) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.participation.selectors import event_list

        return event_list(**filters)[:50]

    return build


def _audit(**filters: Any) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.audit.selectors import audit_event_list

        if filters.get("action"):
            return audit_event_list(**filters).order_by()
        return audit_event_list(**filters)[:50]

    return build


def _users(**filters: Any) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.accounts.selectors import user_list

        if filters.get("query"):  # the search alone (its order is the role filter's below)
            return user_list(**filters).order_by()
        return user_list(**filters)[:50]

    return build


def _hidden(label: str) -> Callable[[], QuerySet[Any]]:
    def build() -> QuerySet[Any]:
        from ogp.engagement.selectors import moderated_models

        model = moderated_models()[label]
        return model._default_manager.filter(is_hidden=True).order_by("-hidden_at")[:100]

    return build


def _members() -> QuerySet[Any]:
    from ogp.countries.models import Country

    return Country.objects.filter(region="africa", membership_status="active")


CASES: list[tuple[str, Callable[[], QuerySet[Any]], str]] = [
    ("directory, alphabetical", _directory(), "organisation_name_natural"),
    ("directory, by type", _directory(kind="academia"), "organisation_kind_name_natural"),
    ("directory, search", _directory(query="budget"), "organisation_name_trgm"),
    ("directory people, alphabetical", _people(), "person_name_natural"),
    ("directory people, search", _people(query="ana"), "person_name_trgm"),
    ("forums of a country", _forums(country=True), "forum_country_name_natural"),
    ("upcoming events", _events(), "event_"),
    ("upcoming events by type", _events(kind="summit"), "event_kind_starts"),
    ("past events", _events(past=True), "event_"),
    ("audit log", _audit(), "audit_at_id"),
    ("audit log, action filter", _audit(action="forum."), "audit_auditevent_action"),
    # (region, status), or the status's own index with the region checked on its few rows:
    # which one the planner picks for the tests' tiny table depends on its statistics
    ("member list by region", _members, "country_region|countries_country_membership_status"),
    ("staff user list by role", _users(role="researcher"), "user_role_email"),
    ("staff user list, search", _users(query="ana"), "user_email_trgm"),
    ("hidden organisations", _hidden("organisations.organisation"), "organisation_hidden"),
    ("hidden people", _hidden("participation.person"), "person_hidden"),
    ("hidden proposals", _hidden("cocreation.proposal"), "proposal_hidden"),
    ("hidden comments", _hidden("cocreation.comment"), "comment_hidden"),
]


@pytest.mark.parametrize("label,build,index", CASES, ids=[c[0] for c in CASES])
def test_list_query_uses_an_index(
    label: str, build: Callable[[], QuerySet[Any]], index: str
) -> None:
    from ogp.countries.tests.factories import CountryFactory

    CountryFactory()
    text = plan(build(), search="trgm" in index or "action" in index)
    assert any(name in text for name in index.split("|")), f"{label}: no {index} in\n{text}"
    assert "Seq Scan on" not in text.split("\n")[0], text
