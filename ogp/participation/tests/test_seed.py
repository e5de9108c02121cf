"""The demo seed: fictional, flagged, and plausible (events in office hours)."""

import io

import pytest

from ogp.countries.tests.factories import CountryFactory
from ogp.participation.models import Event, Forum
from ogp.participation.seed import DEMO_COUNTRY_ISO3, seed

pytestmark = pytest.mark.django_db


def test_demo_seed_is_flagged_and_events_start_in_office_hours():
    CountryFactory(iso3=DEMO_COUNTRY_ISO3, iso2="UY", name_en="Uruguay")
    seed(demo=True, stdout=io.StringIO())
    assert Forum.objects.filter(is_demo=True).exists()
    events = list(Event.objects.all())
    assert events and all(e.is_demo for e in events)
    assert {e.starts_at.hour for e in events} == {14}
    seed(demo=True, stdout=io.StringIO())  # a second run adds nothing
    assert Event.objects.count() == len(events)
