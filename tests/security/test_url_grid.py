"""One crawl over urls.py: every URL pattern, requested by every role, filled with the ids of
objects that belong to another party. Nothing private of that party may show up in a page, no
request may give a 500, and no POST may change that party's objects.

"Another party" is a second country (ZYB) with its government, a forum coordinated by someone
else and a member of the public who signed up, asked for a role, wrote a directory entry with
private fields, asked to join the forum, registered for an event and reported content. Each
private text carries a marker; a marker in a response is a leak.
"""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from ogp.accounts.services import role_request_create
from ogp.accounts.tests.factories import GovernmentUserFactory, UserFactory
from ogp.audit.models import AuditEvent
from ogp.engagement.services.moderation import content_report
from ogp.membership import services as membership
from ogp.membership.tests.factories import COMPLETE_LETTER, pdf_bytes
from ogp.participation.services.directory import person_save
from ogp.participation.services.events import registration_create
from ogp.participation.services.forums import meeting_document_add, membership_request_create
from ogp.participation.services.lists import subscription_request
from ogp.participation.tests.factories import (
    CoordinatorFactory,
    EventFactory,
    ForumFactory,
    MeetingFactory,
    civil_society_list,
)

from .urlmap import Route, all_routes

pytestmark = pytest.mark.django_db

MARK = "SECRET-OF-B"
ROLES = ["anonymous", "public", "civil_society", "government", "researcher", "staff"]


@pytest.fixture
def other_party(other_country, cochairs):
    """Everything of party B, with a marker in every private text."""
    government = GovernmentUserFactory(country=other_country, email=f"gov.{MARK.lower()}@b.org")
    letter = membership.letter_create(
        acting_user=government, country=other_country,
        **(COMPLETE_LETTER | {"past_reforms": f"{MARK} letter draft"}),
    )  # fmt: skip
    membership.letter_upload_signed(
        acting_user=government, letter=letter, upload=SimpleUploadedFile("s.pdf", pdf_bytes())
    )
    inquiry = membership.inquiry_create(
        acting_user=government, country=other_country, subject=f"{MARK} subject",
        body=f"{MARK} question",
    )  # fmt: skip
    person_user = UserFactory(email=f"person.{MARK.lower()}@b.org")
    role_request = role_request_create(
        acting_user=person_user, role="researcher", justification=f"{MARK} justification"
    )
    person = person_save(
        acting_user=person_user, consent=True, full_name="Bea Public", email=f"{MARK}@b.org",
        phone=f"{MARK}-phone", bio=f"{MARK} bio", public_fields=[],
    )  # fmt: skip
    forum = ForumFactory(country=other_country)
    coordinator = CoordinatorFactory(forum=forum).user
    forum_request = membership_request_create(
        acting_user=person_user, forum=forum, motivation=f"{MARK} motivation"
    )
    meeting = MeetingFactory(forum=forum, date=date(2025, 1, 1))
    document = meeting_document_add(
        acting_user=coordinator, meeting=meeting, title="Minutes",
        file=SimpleUploadedFile("m.pdf", pdf_bytes(), content_type="application/pdf"),
    )  # fmt: skip
    event = EventFactory(capacity=None)
    registration = registration_create(
        acting_user=person_user, event=event, accessibility_needs=f"{MARK} needs"
    )
    subscription_request(
        acting_user=None, email=f"list.{MARK.lower()}@b.org",
        mailing_lists=[civil_society_list()], language="en",
    )  # fmt: skip
    report = content_report(acting_user=person_user, obj=person, reason=f"{MARK} report")
    return {
        "country": other_country, "government": government, "letter": letter,
        "inquiry": inquiry, "person_user": person_user, "role_request": role_request,
        "person": person, "forum": forum, "forum_request": forum_request, "meeting": meeting,
        "document": document, "event": event, "registration": registration, "report": report,
    }  # fmt: skip


def _value(route: Route, param: str, party: dict) -> str:  # type: ignore[type-arg]
    """The id of party B's object that this parameter of this route designates."""
    t = route.template
    pk_by_path = [
        ("/letters/", "letter"), ("/questions/", "inquiry"), ("/role-requests/", "role_request"),
        ("/users/", "person_user"), ("/directory/people/", "person"),
        ("/requests/", "forum_request"), ("/members/", "forum_request"),
        ("/meetings/", "meeting"), ("/registrations/", "registration"),
        ("/moderation/", "person"), ("/report/", "person"),
    ]  # fmt: skip
    if param == "iso3":
        return party["country"].iso3
    if param == "slug":
        if "/events/" in t:
            return party["event"].slug
        if "/mailing-lists/" in t:
            return "civil-society"
        return party["forum"].slug
    if param == "pk":
        for fragment, key in pk_by_path:
            if fragment in t:
                return str(party[key].pk)
        return str(party["letter"].pk)
    if param == "doc":
        return str(party["document"].pk)
    if param == "kind":
        return "participation.person" if ("/report/" in t or "/moderation/" in t) else "country"
    if param == "key":
        return party["country"].iso3
    if param == "content_type_id":
        return str(ContentType.objects.get_for_model(party["letter"]).pk)
    if param == "object_id":
        return str(party["letter"].pk)
    if param in ("year", "version"):
        return "2024" if param == "year" else "1"
    if param == "fmt":
        return "csv"
    if param == "code":
        return "core"
    if param == "app_label":
        return "membership"
    return "x"


def _private_objects(party: dict) -> set[tuple[int, str]]:  # type: ignore[type-arg]
    keys = ["letter", "inquiry", "role_request", "person", "forum_request", "registration",
            "report", "document"]  # fmt: skip
    return {(ContentType.objects.get_for_model(party[k]).pk, str(party[k].pk)) for k in keys}


def _viewer(role, request):  # type: ignore[no-untyped-def]
    fixture = {
        "public": "user", "civil_society": "civil_society_user", "government": "government_user",
        "researcher": "researcher_user", "staff": "staff_user",
    }.get(role)  # fmt: skip
    return request.getfixturevalue(fixture) if fixture else None


POST_DATA = {
    "reason": "x", "body": "x", "status": "closed", "action": "hide", "subject": "x",
    "motivation": "x", "decision": "approve", "title": "x", "email": "a@example.org",
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_every_url_with_another_partys_ids(client_for, request, other_party, role):
    routes = all_routes()
    client = client_for(_viewer(role, request))
    private = _private_objects(other_party)
    leaks, checked = [], 0
    for route in routes:
        if route.template.startswith("/en/accounts/") and "logout" in route.template:
            continue  # keep the session for the rest of the crawl
        url = route.fill({p: _value(route, p, other_party) for p in route.params})
        response = client.get(url)
        checked += 1
        if role != "staff" and MARK.encode() in _body(response):
            leaks.append(f"GET {url} ({response.status_code})")
        if role != "staff":
            client.post(url, POST_DATA)
            checked += 1
    assert checked > 300
    assert not leaks, "\n".join(leaks)
    if role != "staff":
        changed = [
            f"{e.action} by {e.actor_label}"
            for e in AuditEvent.objects.exclude(actor=other_party["government"])
            if (e.content_type_id, e.object_id) in private
            and e.actor is not None
            and e.actor_id not in (other_party["person_user"].pk,)
        ]
        assert not changed, changed


def _body(response) -> bytes:  # type: ignore[no-untyped-def]
    if getattr(response, "streaming", False):
        # reading it to the end closes it (the test client's wrapper); response.close() here
        # would signal request_finished and drop the test's database connection
        return b"".join(response.streaming_content)
    return response.content
