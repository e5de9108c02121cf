"""The guidance page with the eligibility app's real published summary (its small fixtures)."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from ogp.eligibility import services

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "eligibility" / "tests" / "fixtures"
FILES = ["crosswalk_small.csv", "research_small.csv", "obs_small.csv", "eiu_small.csv",
         "vdem_small.csv"]  # fmt: skip


@pytest.fixture
def published(country):
    from ogp.countries.tests.factories import CountryFactory

    CountryFactory(iso2="NA", iso3="NAM", name_en="Namibia", name_fr="Namibie",
                   name_es="Namibia", region="africa")  # fmt: skip
    services.ruleset_seed_shipped()
    for name in FILES:
        services.release_import(
            acting_user=None, data=(FIXTURES / name).read_bytes(), file_name=name,
            published_on=datetime.date(2023, 3, 1),
        )  # fmt: skip
    cycle = services.cycle_open(acting_user=None, year=2023)
    cycle = services.cycle_compute(acting_user=None, cycle=cycle)
    services.cycle_publish(acting_user=None, cycle=cycle)


def test_not_eligible_country_sees_real_shortfalls(client, country, published):
    country.membership_status = "not_eligible"
    country.save()
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    now = page[page.index("What you can do now") : page.index("The other phases")]
    assert "Criteria that fall short, and who measures them" in now
    assert "Latest published eligibility scores (2023)" in now
    assert "What would improve the score" in now
    assert reverse("eligibility:country", args=[country.iso3]) in now
