"""The commitments list filtered by a policy area is ordered by the identifier the area's links
keep (read from their index): every page in identifier order, none lost or repeated, in both
directions, with another filter, from stored rows and from the full stack alike."""

import pytest
from django.test import Client

from ogp.plans.models import PolicyArea
from ogp.plans.tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_commitments():
    area = PolicyArea.objects.create(code="open-data", name_en="Open data")
    other = PolicyArea.objects.create(code="audits", name_en="Audits")
    inside = []
    for n in (7, 3, 11, 1, 9, 5, 2, 10, 4, 8, 6):
        commitment = CommitmentFactory(
            identifier=f"QB{n:04d}", value_civic_participation=n % 2 == 0
        )
        commitment.policy_areas.set([area] if n != 4 else [other])
        if n != 4:
            inside.append(commitment.identifier)
    return sorted(inside)


def _walk(url):
    client, seen, pages = Client(), [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        seen += [row["identifier"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    return seen, pages


@pytest.mark.parametrize("seconds", [0, 300])
def test_pages_of_an_area_in_identifier_order(settings, area_commitments, seconds):
    settings.OGP_LEAN_CACHE_SECONDS = seconds  # the full stack; rows stored and read back
    url = "/api/v1/commitments/?policy_area=open-data&page_size=3"
    assert _walk(url) == (area_commitments, 4)
    assert _walk(url + "&ordering=-identifier") == (area_commitments[::-1], 4)
    even = [i for i in area_commitments if int(i[2:]) % 2 == 0]
    assert _walk(url + "&value=civic_participation")[0] == even
    titles = _walk(url + "&ordering=title")[0]
    assert sorted(titles) == area_commitments and len(set(titles)) == len(titles)


def test_a_previous_page_of_an_area(area_commitments):
    client = Client()
    first = client.get("/api/v1/commitments/?policy_area=open-data&page_size=4").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [r["identifier"] for r in back["results"]] == area_commitments[:4]
    assert [r["identifier"] for r in second["results"]] == area_commitments[4:8]
