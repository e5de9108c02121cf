"""The country hub page (countries app) shows the latest published eligibility result."""

import pytest

from ogp.eligibility import services

pytestmark = pytest.mark.django_db


def test_country_hub_shows_the_latest_published_result(client, imported, namibia):
    cycle = services.cycle_open(acting_user=None, year=2023)
    services.cycle_publish(
        acting_user=None, cycle=services.cycle_compute(acting_user=None, cycle=cycle)
    )
    html = client.get("/en/countries/NAM/").content.decode()
    assert "Eligibility in the 2023 cycle" in html
    assert "Meets the Core Eligibility criteria" in html
    assert "15 of 16 points available" in html
    assert 'href="/en/eligibility/country/NAM/"' in html
    html = client.get("/es/countries/NAM/").content.decode()
    assert "/es/eligibility/country/NAM/" in html
