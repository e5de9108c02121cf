"""The per-country civil society page: phases from status and eligibility summary."""

import pytest
from django.urls import reverse

from ogp.participation.domain.guidance import CriterionInput, EligibilityInput

pytestmark = pytest.mark.django_db


def _summary():
    return EligibilityInput(
        cycle_year=2025, status="not_eligible", total=9, maximum=16,
        criteria=(
            CriterionInput("fiscal_transparency", "Fiscal transparency", 2, 4, "OBS 2023"),
            CriterionInput("access_to_information", "Access to information", 4, 4, "ATI source"),
            CriterionInput("asset_disclosure", "Asset disclosure", None, 4, "Asset source"),
            CriterionInput("citizen_engagement", "Citizen engagement", 3, 4, "EIU"),
        ),
    )  # fmt: skip


def test_not_eligible_country_shows_shortfalls_and_who_measures(client, country, monkeypatch):
    country.membership_status = "not_eligible"
    country.save()
    monkeypatch.setattr("ogp.participation.selectors.eligibility_input", lambda c: _summary())
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    now = page[page.index("What you can do now") : page.index("The other phases")]
    assert "Becoming eligible" in now and "Implementation" not in now
    assert "OBS 2023" in now and "Asset source" in now and "EIU" in now
    assert "ATI source" not in now  # full marks: not a shortfall
    assert "no data" in now
    assert "3 more points are needed" in now


def test_works_without_eligibility_data(client, country):
    country.membership_status = "active"
    country.save()
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    now = page[page.index("What you can do now") : page.index("The other phases")]
    for phase in ("Co-creating an action plan", "Implementation", "Independent monitoring"):
        assert phase in now
    assert "Becoming eligible" not in now


def test_non_un_state(client, country):
    country.un_member = False
    country.save()
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    assert "Only UN member states can join OGP." in page


def test_country_hub_links_to_the_page(client, country):
    page = client.get(reverse("countries:detail", args=[country.iso3])).content.decode()
    assert reverse("participation:country", args=[country.iso3]) in page


def test_follow_a_country_then_see_it_labelled_in_what_i_follow(client_for, user, country):
    """French country names need an article ("l'Uruguay"), so buttons say "this country"."""
    client = client_for(user)
    page = client.get(
        reverse("participation:country", args=[country.iso3]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Follow this country" in page.content.decode()
    client.post(
        reverse("engagement:follow-toggle", args=["country", country.iso3]),
        {"next": reverse("participation:country", args=[country.iso3])},
    )
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    assert "Stop following this country" in page
    listing = client.get(reverse("engagement:follow-list")).content.decode()
    assert f'{country.name}</a> <span class="help">(country)</span>' in listing


def test_not_enough_data_is_explained(client, country, monkeypatch):
    from dataclasses import replace

    country.membership_status = "not_assessed"
    country.save()
    summary = replace(_summary(), status="not_enough_data")
    monkeypatch.setattr("ogp.participation.selectors.eligibility_input", lambda c: summary)
    page = client.get(reverse("participation:country", args=[country.iso3])).content.decode()
    assert "not enough data to decide eligibility yet" in page
    assert "more points are needed" not in page
