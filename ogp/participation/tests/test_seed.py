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


def test_demo_content_exists_in_french_and_spanish():
    CountryFactory(iso3=DEMO_COUNTRY_ISO3, iso2="UY", name_en="Uruguay")
    CountryFactory(iso3="SEN", iso2="SN", name_en="Senegal")
    CountryFactory(iso3="PER", iso2="PE", name_en="Peru")
    seed(demo=True, stdout=io.StringIO())
    names = set(Forum.objects.filter(is_demo=True).values_list("name", flat=True))
    assert "Forum de démonstration pour un gouvernement ouvert" in names
    assert "Foro de demostración de gobierno abierto" in names
    assert all(e.is_demo for e in Event.objects.all())
    count = Event.objects.count()
    seed(demo=True, stdout=io.StringIO())
    assert Event.objects.count() == count
