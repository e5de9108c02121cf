"""Every long list is paginated: page size respected (and capped), last page reachable,
filters kept in the page links. One case per list."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

ROWS = 5  # with ?per_page=2: pages of 2, 2 and 1


@dataclass
class Case:
    name: str
    url: str
    make: Callable[[int, dict[str, Any]], str]  # (index, context) -> the row's marker text
    viewer: str = "anonymous"  # anonymous, user or staff
    filters: str = ""  # query string kept by the page links
    param: str = "page"


def _forum(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.participation.tests.factories import ForumFactory

    ForumFactory(country=ctx["country"], name=f"Listed forum {i:02}")
    return f"Listed forum {i:02}"


def _event(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.participation.tests.factories import EventFactory

    EventFactory(title=f"Listed event {i:02}", starts_at=timezone.now() + timedelta(days=i + 1))
    return f"Listed event {i:02}"


def _organisation(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.organisations.tests.factories import OrganisationFactory

    OrganisationFactory(name=f"Listed organisation {i:02}")
    return f"Listed organisation {i:02}"


def _person(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.participation.models import Person

    Person.objects.create(full_name=f"Listed person {i:02}", country=ctx["country"])
    return f"Listed person {i:02}"


def _audit(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.audit.services import audit_record

    audit_record(
        actor=None,
        action="country.membership_status_set",
        target=ctx["country"],
        note=f"Listed change {i:02}",
    )
    return f"Listed change {i:02}"


def _user(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.accounts.tests.factories import UserFactory

    UserFactory(email=f"listed-{i:02}@example.org", role="researcher")
    return f"listed-{i:02}@example.org"


def _registrant(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.participation.models import Registration

    Registration.objects.create(
        event=ctx["event"],
        user=ctx["users"][i],
        name=f"Listed registrant {i:02}",
        email=f"r{i}@example.org",
        state="confirmed",
        registered_at=timezone.now() + timedelta(minutes=i),
    )
    return f"Listed registrant {i:02}"


def _my_registration(i, ctx):  # type: ignore[no-untyped-def]
    from ogp.participation.models import Registration
    from ogp.participation.tests.factories import EventFactory

    event = EventFactory(
        title=f"My listed event {i:02}", starts_at=timezone.now() + timedelta(days=20 - i)
    )
    Registration.objects.create(
        event=event, user=ctx["user"], name="Me", email="me@example.org", state="confirmed",
        registered_at=timezone.now(),
    )  # fmt: skip
    return f"My listed event {i:02}"


CASES = [
    Case("forum list", "participation:forum-list", _forum, filters="country=ZZA"),
    Case("staff forum compliance", "participation:staff-forums", _forum, viewer="staff"),
    Case("event list", "participation:event-list", _event, filters="kind=national"),
    Case(
        "directory organisations",
        "participation:directory",
        _organisation,
        filters="kind=civil_society",
    ),  # fmt: skip
    Case(
        "directory people",
        "participation:directory",
        _person,
        filters="q=Listed",
        param="people_page",
    ),  # fmt: skip
    Case(
        "audit log",
        "audit:event-list",
        _audit,
        viewer="staff",
        filters="action=country.membership_status_set",
    ),
    Case(
        "staff user list",
        "accounts:staff-user-list",
        _user,
        viewer="staff",
        filters="role=researcher",
    ),  # fmt: skip
    Case("event registrants", "registrants", _registrant, viewer="staff"),
    Case("my registrations", "participation:my-registrations", _my_registration, viewer="user"),
]


def _rows_on(body: str, markers: list[str]) -> list[str]:
    return [m for m in markers if m in body]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_list_is_paginated(case: Case, client_for, country, user, staff_user) -> None:  # type: ignore[no-untyped-def]
    from ogp.accounts.tests.factories import UserFactory
    from ogp.participation.tests.factories import EventFactory

    ctx: dict[str, Any] = {"country": country, "user": user}
    url = reverse(case.url) if case.url != "registrants" else None
    if case.url == "registrants":
        ctx["event"] = EventFactory(capacity=None)
        ctx["users"] = [UserFactory() for _ in range(ROWS)]
        url = reverse("participation:event-registrants", args=[ctx["event"].slug])
    markers = [case.make(i, ctx) for i in range(ROWS)]
    viewer = {"anonymous": None, "user": user, "staff": staff_user}[case.viewer]
    client = client_for(viewer)
    query = "&".join(q for q in (case.filters, "per_page=2") if q)

    first = client.get(f"{url}?{query}").content.decode()
    assert len(_rows_on(first, markers)) == 2, "page size respected"
    links = re.findall(r'href="(\?[^"]*)"', first)
    following = [h for h in links if f"{case.param}=2" in h]
    assert following, "a link to the next page"
    for key_value in query.split("&"):
        assert key_value in following[0].replace("&amp;", "&"), "filters and page size kept"

    last = client.get(f"{url}?{query}&{case.param}=3").content.decode()
    assert len(_rows_on(last, markers)) == 1, "last page reachable"
    beyond = client.get(f"{url}?{query}&{case.param}=99").content.decode()
    assert _rows_on(beyond, markers) == _rows_on(last, markers), "past the end: the last page"
    every = set()
    for number in (1, 2, 3):
        page = client.get(f"{url}?{query}&{case.param}={number}").content.decode()
        every |= set(_rows_on(page, markers))
    assert every == set(markers), "stable order: every row on exactly one page"


def test_page_size_has_a_maximum(rf) -> None:  # type: ignore[no-untyped-def]
    from ogp.core.pagination import MAX_PAGE_SIZE, page_size

    assert page_size(rf.get("/?per_page=100000")) == MAX_PAGE_SIZE
    assert page_size(rf.get("/?per_page=0")) == 1
    assert page_size(rf.get("/?per_page=abc")) == 50


def test_paginate_a_list_and_keep_the_query(rf) -> None:  # type: ignore[no-untyped-def]
    from ogp.core.pagination import paginate

    page = paginate(rf.get("/?q=x&page=2&per_page=3"), list(range(10)))
    assert page.object_list == [3, 4, 5]
    assert page.num_pages == 4 and page.count == 10 and page.has_next
    assert page.next_url == "?q=x&page=3&per_page=3"
    assert page.first_url == "?q=x&per_page=3"


@pytest.mark.django_db
def test_count_stops_at_the_cap(rf, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ogp.core import pagination
    from ogp.organisations.tests.factories import OrganisationFactory

    OrganisationFactory.create_batch(6)
    monkeypatch.setattr(pagination, "COUNT_CAP", 4)
    from ogp.organisations.models import Organisation

    page = pagination.paginate(rf.get("/?per_page=2"), Organisation.objects.filter(is_demo=True))
    assert page.count_is_estimate and page.count >= 5
    last = pagination.paginate(
        rf.get("/?per_page=2&page=50"), Organisation.objects.filter(is_demo=True)
    )
    assert last.number == 3 and len(last) == 2 and not last.count_is_estimate


@pytest.mark.parametrize("case", [CASES[0], CASES[5]], ids=lambda c: c.name)
def test_largest_page_stays_under_200_kb(case: Case, client_for, country, staff_user) -> None:  # type: ignore[no-untyped-def]
    from ogp.core.pagination import MAX_PAGE_SIZE

    ctx: dict[str, Any] = {"country": country}
    for i in range(MAX_PAGE_SIZE + 1):
        case.make(i, ctx)
    client = client_for(staff_user if case.viewer == "staff" else None)
    response = client.get(f"{reverse(case.url)}?per_page=100000")
    assert response.status_code == 200
    assert len(response.content) < 200 * 1024
    assert response.content.decode().count("Listed") >= MAX_PAGE_SIZE
