import io

import pytest

from ogp.cocreation.models import CoCreationPlan
from ogp.cocreation.seed import seed
from ogp.countries.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db


def test_demo_seed_creates_one_plan_per_language_and_is_idempotent(client):
    for iso3, iso2 in (("GHA", "GH"), ("CIV", "CI"), ("URY", "UY")):
        CountryFactory(iso3=iso3, iso2=iso2, membership_status="participating")
    seed(demo=True, stdout=io.StringIO())
    seed(demo=True, stdout=io.StringIO())
    plans = CoCreationPlan.objects.filter(is_demo=True)
    assert plans.count() == 3
    assert {p.proposals.first().language for p in plans} == {"en", "fr", "es"}
    # Seeding never moves a country's status.
    assert {p.country.membership_status for p in plans} == {"participating"}
    for plan in plans:
        assert client.get(plan.get_absolute_url()).status_code == 200
        assert client.get(f"{plan.get_absolute_url()}drafts/2/").status_code == 200
