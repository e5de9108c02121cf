"""Finding 6: directory filters only match fields the reader may see."""

import pytest
from django.urls import reverse

from ogp.accounts.tests.factories import UserFactory
from ogp.participation.services.directory import person_save
from ogp.participation.tests.factories import focus_area

pytestmark = pytest.mark.django_db


def _entry(name: str, public_fields: list[str], user=None):  # type: ignore[no-untyped-def]
    return person_save(
        acting_user=user or UserFactory(), consent=True, full_name=name,
        focus_areas=[focus_area("justice")], public_fields=public_fields,
    )  # fmt: skip


@pytest.fixture
def people():
    return {
        "public": _entry("Open Olga", ["focus_areas"]),
        "hidden": _entry("Hidden Hugo", ["job_title"]),
    }


@pytest.mark.parametrize("who", ["anonymous", "user", "researcher_user", "staff_user"])
def test_focus_area_filter_does_not_reveal_hidden_focus_areas(client_for, request, people, who):
    viewer = None if who == "anonymous" else request.getfixturevalue(who)
    page = (
        client_for(viewer)
        .get(reverse("participation:directory"), {"focus_area": "justice"})
        .content.decode()
    )
    assert "Open Olga" in page
    assert "Hidden Hugo" not in page


def test_people_still_find_their_own_entry_by_its_hidden_focus_area(client_for, people):
    owner = UserFactory()
    _entry("Private Pia", ["job_title"], user=owner)
    page = (
        client_for(owner)
        .get(reverse("participation:directory"), {"focus_area": "justice"})
        .content.decode()
    )
    assert "Private Pia" in page and "Hidden Hugo" not in page


def test_without_the_filter_everyone_is_listed_by_public_fields(client, people):
    page = client.get(reverse("participation:directory")).content.decode()
    assert "Open Olga" in page and "Hidden Hugo" in page
