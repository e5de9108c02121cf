"""Events: capacity, waiting list, promotion on cancellation, e-mails, iCal, staff export."""

from datetime import UTC

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from ogp.accounts.tests.factories import UserFactory
from ogp.core.errors import ServiceError
from ogp.participation.models import Registration
from ogp.participation.services.events import event_save, registration_cancel, registration_create

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _register(event, user=None, **kwargs):
    return registration_create(acting_user=user or UserFactory(), event=event, **kwargs)


def test_full_event_puts_people_on_the_waiting_list():
    event = EventFactory(capacity=2)
    first, second, third, fourth = (_register(event) for _ in range(4))
    assert [r.state for r in (first, second, third, fourth)] == [
        "confirmed", "confirmed", "waiting", "waiting",
    ]  # fmt: skip
    assert "waiting list" in mail.outbox[2].body


def test_cancellation_promotes_the_first_waiting_person_and_emails_them():
    event = EventFactory(capacity=1)
    holder = _register(event)
    early = _register(event)
    late = _register(event)
    mail.outbox.clear()
    promoted = registration_cancel(acting_user=holder.user, registration=holder)
    assert [r.pk for r in promoted] == [early.pk]
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.state, late.state) == ("confirmed", "waiting")
    assert early.promoted_at is not None
    assert [m.to for m in mail.outbox] == [[early.email]]
    assert "moved from the waiting list" in mail.outbox[0].body


def test_cancelling_a_waiting_registration_promotes_nobody():
    event = EventFactory(capacity=1)
    _register(event)
    waiting = _register(event)
    assert registration_cancel(acting_user=waiting.user, registration=waiting) == []


def test_raising_capacity_promotes_in_order(staff_user):
    event = EventFactory(capacity=1)
    _register(event)
    waiting = [_register(event) for _ in range(3)]
    event_save(acting_user=staff_user, event=event, capacity=3)
    states = [Registration.objects.get(pk=r.pk).state for r in waiting]
    assert states == ["confirmed", "confirmed", "waiting"]


def test_lowering_capacity_removes_nobody(staff_user):
    event = EventFactory(capacity=3)
    regs = [_register(event) for _ in range(3)]
    event_save(acting_user=staff_user, event=event, capacity=1)
    assert all(Registration.objects.get(pk=r.pk).state == "confirmed" for r in regs)
    assert _register(event).state == "waiting"


def test_one_active_registration_per_person_but_can_come_back():
    event = EventFactory(capacity=5)
    user = UserFactory()
    registration = _register(event, user)
    with pytest.raises(ServiceError):
        _register(event, user)
    registration_cancel(acting_user=user, registration=registration)
    assert _register(event, user).state == "confirmed"


def test_cancel_twice_is_refused():
    event = EventFactory()
    registration = _register(event)
    registration_cancel(acting_user=registration.user, registration=registration)
    with pytest.raises(ServiceError):
        registration_cancel(acting_user=registration.user, registration=registration)


def test_closed_registration_refused():
    with pytest.raises(ServiceError):
        _register(EventFactory(registration_open=False))


def test_unlimited_capacity():
    event = EventFactory(capacity=None)
    assert {_register(event).state for _ in range(5)} == {"confirmed"}


def test_confirmation_email_has_ics_link_and_accessibility_needs():
    event = EventFactory()
    _register(event, accessibility_needs="Sign language interpretation")
    body = mail.outbox[-1].body
    assert "Sign language interpretation" in body
    assert reverse("participation:event-ics", args=[event.slug]) in body
    (filename, content, mimetype) = mail.outbox[-1].attachments[0]
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["summary"]) == event.title


def test_event_must_end_after_start_and_have_a_place(staff_user):
    event = EventFactory()
    with pytest.raises(ServiceError):
        event_save(acting_user=staff_user, event=event, ends_at=event.starts_at.replace(year=2000))
    with pytest.raises(ServiceError):
        event_save(acting_user=staff_user, event=event, location="", online_url="")


def test_ics_file(client):
    event = EventFactory(title="Demo summit", location="Demo hall")
    response = client.get(reverse("participation:event-ics", args=[event.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Demo summit"
    assert str(vevent["location"]) == "Demo hall"
    assert vevent.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert str(vevent["uid"]).startswith(f"event-{event.pk}@")


def test_calendar_feed_lists_upcoming_events_only(client):
    from datetime import timedelta

    from django.utils import timezone

    upcoming = EventFactory(title="Upcoming one")
    EventFactory(
        title="Past one",
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=9),
    )
    response = client.get(reverse("participation:event-feed"))
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [upcoming.title]


def test_staff_registrant_export(client_for, staff_user):
    event = EventFactory(capacity=1)
    _register(event, accessibility_needs="Step-free access")
    _register(event)
    response = client_for(staff_user).get(
        reverse("participation:event-registrants", args=[event.slug]) + "?format=csv"
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == (
        "name,email,organisation,state,registered_at,accessibility_needs,language"
    )
    assert "confirmed" in text and "waiting" in text and "Step-free access" in text


def test_register_and_cancel_through_the_pages(client_for, civil_society_user):
    event = EventFactory(capacity=1)
    holder = _register(event)
    client = client_for(civil_society_user)
    response = client.post(
        reverse("participation:event-register", args=[event.slug]),
        {"accessibility_needs": "Captions"},
    )
    assert response.status_code == 302
    page = client.get(event.get_absolute_url()).content.decode()
    assert "in position 1" in page
    registration_cancel(acting_user=holder.user, registration=holder)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered for this event." in page


def test_event_form_refuses_end_before_start_with_a_clear_message(client_for, staff_user):
    response = client_for(staff_user).post(
        reverse("participation:event-create"),
        {"kind": "national", "title": "Demo", "description": "d", "location": "Hall",
         "starts_at": "2030-05-02T10:00", "ends_at": "2030-05-01T10:00", "registration_open": "on"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.content.decode()


def test_staff_creates_event_through_the_form(client_for, staff_user):
    response = client_for(staff_user).post(
        reverse("participation:event-create"),
        {"kind": "summit", "title": "Demo summit", "description": "d", "online_url": "https://example.org/live",
         "starts_at": "2030-05-01T10:00", "ends_at": "2030-05-01T12:00", "capacity": "3"},
    )  # fmt: skip
    assert response.status_code == 302
    from ogp.participation.models import Event

    event = Event.objects.get(title="Demo summit")
    assert event.capacity == 3 and event.slug == "demo-summit-2030"


def test_same_day_event_shows_the_date_once(client):
    from datetime import datetime

    from .factories import EventFactory

    start = datetime(2027, 6, 10, 9, 0, tzinfo=UTC)
    event = EventFactory(starts_at=start, ends_at=start.replace(hour=12))
    body = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    when = body.split('datetime="2027-06-10T09:00:00+00:00">', 1)[1].split("(UTC)", 1)[0]
    import re

    assert re.sub(r"<[^>]+>", "", when).count("2027") == 1, when
