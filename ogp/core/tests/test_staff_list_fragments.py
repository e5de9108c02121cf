"""The staff lists (audit log, users, moderation queue) serve stored bodies and rows: the same
HTML as a fresh render, every change shown on the next request, staff only, forms carrying the
reader's own CSRF token, and a number of queries that does not grow with the rows."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ogp.audit.services import audit_record
from ogp.core.csrf_placeholder import csrf_placeholder

pytestmark = pytest.mark.django_db

AUDIT = reverse("audit:event-list")
USERS = reverse("accounts:staff-user-list")
QUEUE = reverse("engagement:moderation-queue")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def lean(settings, each_copy_tier):  # type: ignore[no-untyped-def]
    settings.OGP_LEAN_CACHE_SECONDS = 300


def _audit(country, note: str) -> None:
    audit_record(actor=None, action="country.membership_status_set", target=country, note=note)


def _reported(user, reporter, name: str):  # type: ignore[no-untyped-def]
    from ogp.engagement.services.moderation import content_report
    from ogp.participation.services.directory import person_save

    person = person_save(
        acting_user=user, consent=True, full_name=name, job_title="", email="",
        phone="", bio="", public_fields=[],
    )  # fmt: skip
    content_report(acting_user=reporter, obj=person, reason=f"Report on {name}")
    return person


def _body(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    html = response.content.decode()
    assert csrf_placeholder() not in html
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


@pytest.mark.parametrize("url", [AUDIT, f"{AUDIT}?page=2&per_page=2", USERS, QUEUE])
def test_stored_page_equals_a_fresh_render(  # type: ignore[no-untyped-def]
    url, lean, settings, client_for, staff_user, country, user, researcher_user
):
    for n in range(5):
        _audit(country, f"Stored change {n}")
    _reported(user, researcher_user, "Reported person")
    client = client_for(staff_user)
    client.get(url)
    stored = _body(client.get(url))
    settings.OGP_LEAN_CACHE_SECONDS = 0
    assert stored == _body(client.get(url))


def test_a_new_audit_event_is_on_the_first_page_at_once(lean, client_for, staff_user, country):  # type: ignore[no-untyped-def]
    client = client_for(staff_user)
    _audit(country, "Older change")
    assert "Older change" in client.get(AUDIT).content.decode()
    _audit(country, "Newest change")
    page = client.get(AUDIT).content.decode()
    assert page.index("Newest change") < page.index("Older change")
    history = reverse("audit:object-history", args=[_content_type(country), country.pk])
    assert "Newest change" in client.get(history).content.decode()


def _content_type(obj) -> int:  # type: ignore[no-untyped-def]
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_stored_audit_rows_follow_the_reader_language(lean, client_for, staff_user, country):  # type: ignore[no-untyped-def]
    audit_record(actor=None, action="country.membership_status_set", target=country)
    client = client_for(staff_user)
    english = client.get(AUDIT).content.decode()
    with translation.override("fr"):
        french_url = reverse("audit:event-list")
    french = client.get(french_url).content.decode()
    assert "The platform" in english
    assert "The platform" not in french and "plateforme" in french


def test_audit_queries_do_not_grow_with_the_rows(lean, client_for, staff_user, country):  # type: ignore[no-untyped-def]
    client = client_for(staff_user)
    counts = []
    for total in (3, 30):
        while _events() < total:
            _audit(country, f"Change {_events()}")
        client.get(AUDIT)  # stores the body and rows
        _audit(country, "One more")  # the body is stale, the older rows are still stored
        with CaptureQueriesContext(connection) as queries:
            assert "One more" in client.get(AUDIT).content.decode()
        counts.append(len(queries))
        sql = [q["sql"] for q in queries.captured_queries if "audit_auditevent" in q["sql"]]
        full_rows = [s for s in sql if '"note"' in s]
        assert len(full_rows) == 1 and " IN (" in full_rows[0], "only the new row is read"
    assert counts[0] == counts[1]


def _events() -> int:
    from ogp.audit.models import AuditEvent

    return AuditEvent.objects.count()


@pytest.mark.parametrize(
    ("url", "listing"),
    [(USERS, 'ORDER BY "accounts_user"."email"'), (QUEUE, '"engagement_contentreport"')],
)
def test_stored_staff_lists_run_no_list_query(
    url, listing, lean, client_for, staff_user, user, researcher_user
):  # type: ignore[no-untyped-def]
    _reported(user, researcher_user, "Queued person")
    client = client_for(staff_user)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    assert any(listing in q["sql"] for q in first.captured_queries)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert not [q for q in again.captured_queries if listing in q["sql"] or "COUNT(" in q["sql"]]


def test_a_role_change_shows_in_the_stored_user_list(lean, client_for, staff_user, user):  # type: ignore[no-untyped-def]
    from ogp.accounts.models import Role
    from ogp.accounts.services import user_role_set

    client = client_for(staff_user)
    url = f"{USERS}?q={user.email}"
    label = str(Role.RESEARCHER.label)
    assert label not in _row_of(client.get(url).content.decode(), user.email)
    user_role_set(
        acting_user=staff_user, user=user, role="researcher", country=None, organisation=None
    )
    assert label in _row_of(client.get(url).content.decode(), user.email)


def _row_of(html: str, email: str) -> str:
    return next(row for row in html.split("<tr>")[1:] if email in row)


def test_a_sign_in_does_not_make_the_user_list_stale(lean, client_for, staff_user, user):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import update_last_login

    client = client_for(staff_user)
    client.get(USERS)
    update_last_login(None, user)
    with CaptureQueriesContext(connection) as queries:
        client.get(USERS)
    assert not any("COUNT" in q["sql"] for q in queries.captured_queries)


def test_a_moderation_decision_removes_the_item(
    lean, client_for, staff_user, user, researcher_user
):  # type: ignore[no-untyped-def]
    person = _reported(user, researcher_user, "Decided person")
    client = client_for(staff_user)
    assert "Report on Decided person" in client.get(QUEUE).content.decode()
    client.post(
        reverse("engagement:moderation-act", args=["participation.person", person.pk]),
        {"action": "dismiss"},
    )
    assert "Report on Decided person" not in client.get(QUEUE).content.decode()


def test_forms_of_a_stored_queue_carry_the_readers_own_token(
    lean, staff_user, user, researcher_user
):  # type: ignore[no-untyped-def]
    from ogp.accounts.tests.factories import StaffUserFactory

    person = _reported(user, researcher_user, "Token person")
    first = Client(enforce_csrf_checks=True)
    first.force_login(StaffUserFactory())
    first.get(QUEUE)  # stores the body
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(staff_user)
    html = reader.get(QUEUE).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token
    act = reverse("engagement:moderation-act", args=["participation.person", person.pk])
    answer = reader.post(act, {"action": "dismiss", "csrfmiddlewaretoken": token.group(1)})
    assert answer.status_code == 302  # accepted: not a CSRF refusal (403)


@pytest.mark.parametrize("url", [AUDIT, USERS, QUEUE])
def test_stored_staff_pages_stay_staff_only(url, lean, client_for, staff_user, user, country):  # type: ignore[no-untyped-def]
    _audit(country, "Secret change")
    client_for(staff_user).get(url)  # a stored copy exists
    for reader in (user, None):
        answer = client_for(reader).get(url)
        assert answer.status_code in (302, 403)
        assert "Secret change" not in answer.content.decode()
