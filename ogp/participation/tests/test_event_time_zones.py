"""Event times show the event's own time zone and the reader's (their account's, else UTC)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from ogp.participation.forms import EventForm

from .factories import EventFactory

pytestmark = pytest.mark.django_db
MONTEVIDEO = ZoneInfo("America/Montevideo")


def test_event_page_shows_both_times(client_for, user):
    start = datetime.datetime(2026, 12, 1, 14, 0, tzinfo=MONTEVIDEO)  # 17:00 UTC
    event = EventFactory(
        starts_at=start, ends_at=start + datetime.timedelta(hours=2),
        time_zone="America/Montevideo",
    )  # fmt: skip
    url = reverse("participation:event-detail", args=[event.slug])
    anonymous = client_for(None).get(url).content.decode()
    assert "2 p.m." in anonymous and "America/Montevideo" in anonymous
    assert "In UTC:" in anonymous and "5 p.m." in anonymous
    user.time_zone = "Europe/Paris"
    user.save()
    french = client_for(user).get(url.replace("/en/", "/fr/")).content.decode()
    assert "1er décembre 2026 14:00" in french
    assert "Europe/Paris" in french and "18:00" in french


def test_event_form_reads_times_in_the_event_time_zone():
    form = EventForm(
        data={
            "kind": "national", "title": "Day", "description": "x",
            "time_zone": "Africa/Dakar", "starts_at": "2026-12-01T09:00",
            "ends_at": "2026-12-01T11:00", "registration_open": "on",
        }
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_at"] == datetime.datetime(
        2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Africa/Dakar")
    )
