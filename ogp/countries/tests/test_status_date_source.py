"""A status recorded from the 2016 list shows the list as its source, not "since" that date."""

import datetime

import pytest
from django.urls import reverse

from ogp.countries.models import MembershipStatus

pytestmark = pytest.mark.django_db


def test_2016_list_date_is_shown_as_its_source(client, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.membership_status_since = datetime.date(2016, 12, 7)
    country.save()
    html = client.get(reverse("membership:country", args=[country.iso3])).content.decode()
    assert "recorded from OGP’s 2016 list" in html
    assert "since 7 December 2016" not in html
    listing = client.get(reverse("membership:member-list")).content.decode()
    assert "recorded from OGP’s 2016 list" in listing


def test_a_known_date_is_shown_as_since(client, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.membership_status_since = datetime.date(2021, 3, 4)
    country.save()
    html = client.get(reverse("countries:detail", args=[country.iso3])).content.decode()
    assert "since March 4, 2021" in html
