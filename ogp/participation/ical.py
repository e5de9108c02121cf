"""iCalendar files: one per event and a feed of upcoming events (RFC 5545, ``icalendar``)."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from .models import Event


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"


def event_calendar(events: Iterable[Event], *, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Open Government Partnership//ogp-platform//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    now = timezone.now()
    for event in events:
        entry = ICalEvent()
        entry.add("uid", f"event-{event.pk}@{_host()}")
        entry.add("dtstamp", now)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("summary", event.title)
        description = event.description
        if event.online_url:
            description = f"{description}\n\n{event.online_url}"
        entry.add("description", description)
        location = event.location or event.online_url
        if location:
            entry.add("location", location)
        entry.add(
            "url", f"{settings.SITE_URL}{reverse('participation:event-detail', args=[event.slug])}"
        )
        entry.add("last-modified", event.updated_at)
        calendar.add_component(entry)
    return calendar.to_ical()
