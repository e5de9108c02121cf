"""Permission grid: role x action, and another country's objects by direct URL."""

import re

import pytest
from django.urls import reverse

from ogp.membership import services
from ogp.membership.models import Inquiry

from .factories import COMPLETE_LETTER

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "public",
    "government",
    "other_government",
    "civil_society",
    "researcher",
    "staff",
]


@pytest.fixture
def actors(
    user, government_user, other_government_user, civil_society_user, researcher_user, staff_user
):
    return {
        "anonymous": None,
        "public": user,
        "government": government_user,
        "other_government": other_government_user,
        "civil_society": civil_society_user,
        "researcher": researcher_user,
        "staff": staff_user,
    }


# Permission -> roles that hold it, for objects of the government user's country.
COUNTRY_GRID = {
    "membership.view_workspace": {"government", "staff"},
    "membership.add_letter": {"government"},
    "membership.change_leadagency": {"government", "staff"},
    "membership.change_onboarding": {"government", "staff"},
    "membership.assign_contact": {"staff"},
    "membership.change_status": {"staff"},
    "membership.add_inquiry": {"government", "staff"},
    "membership.invite_colleague": {"staff"},  # the government user is not the point of contact
}


@pytest.mark.parametrize("perm", sorted(COUNTRY_GRID))
@pytest.mark.parametrize("role", ROLES)
def test_country_permission_grid(actors, country, perm, role):
    user = actors[role]
    from django.contrib.auth.models import AnonymousUser

    assert (user or AnonymousUser()).has_perm(perm, country) is (role in COUNTRY_GRID[perm])


LETTER_GRID = {
    # (perm, letter state) -> roles
    ("membership.view_letter", "draft"): {"government", "staff"},
    ("membership.view_letter", "accepted"): set(ROLES),
    ("membership.view_letter_file", "draft"): {"government", "staff"},
    ("membership.view_letter_file", "accepted"): set(ROLES),
    ("membership.change_letter", "draft"): {"government"},
    ("membership.change_letter", "returned"): {"government"},
    ("membership.change_letter", "submitted"): set(),
    ("membership.change_letter", "accepted"): set(),
    ("membership.submit_letter", "draft"): {"government"},
    ("membership.submit_letter", "submitted"): set(),
    ("membership.review_letter", "submitted"): {"staff"},
}


@pytest.mark.parametrize(("perm", "state"), sorted(LETTER_GRID))
@pytest.mark.parametrize("role", ROLES)
def test_letter_permission_grid(actors, country, perm, state, role):
    from django.contrib.auth.models import AnonymousUser

    from .factories import LetterFactory

    letter = LetterFactory(country=country, state=state)
    user = actors[role] or AnonymousUser()
    assert user.has_perm(perm, letter) is (role in LETTER_GRID[(perm, state)])


def test_point_of_contact_can_invite(government_user, country, other_country):
    services.lead_agency_set(
        acting_user=government_user,
        country=country,
        name="Ministry of Public Service",
        contact_name="Awa Diallo",
        contact_title="Director",
        contact_email="awa@example.org",
        point_of_contact=government_user,
    )
    assert government_user.has_perm("membership.invite_colleague", country)
    assert not government_user.has_perm("membership.invite_colleague", other_country)


@pytest.fixture
def other_objects(other_government_user, other_country, cochairs):
    """A draft letter with a signed PDF, and an inquiry, of the OTHER country."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import pdf_bytes

    letter = services.letter_create(
        acting_user=other_government_user, country=other_country, **COMPLETE_LETTER
    )
    services.letter_upload_signed(
        acting_user=other_government_user,
        letter=letter,
        upload=SimpleUploadedFile("s.pdf", pdf_bytes()),
    )
    inquiry = services.inquiry_create(
        acting_user=other_government_user, country=other_country, subject="Secret", body="Hi"
    )
    return letter, inquiry


def _urls(letter, inquiry):
    iso3 = letter.country.iso3
    return {
        "get": [
            reverse("membership:workspace", args=[iso3]),
            reverse("membership:letter-detail", args=[iso3, letter.pk]),
            reverse("membership:letter-edit", args=[iso3, letter.pk]),
            reverse("membership:letter-pdf", args=[iso3, letter.pk]),
            reverse("membership:letter-signed", args=[iso3, letter.pk]),
            reverse("membership:lead-agency-edit", args=[iso3]),
            reverse("membership:inquiry-create", args=[iso3]),
            reverse("membership:inquiry-detail", args=[iso3, inquiry.pk]),
            reverse("membership:letter-create", args=[iso3]),
            reverse("membership:status-change", args=[iso3]),
        ],
        "post": [
            reverse("membership:letter-upload", args=[iso3, letter.pk]),
            reverse("membership:letter-submit", args=[iso3, letter.pk]),
            reverse("membership:letter-edit", args=[iso3, letter.pk]),
            reverse("membership:inquiry-detail", args=[iso3, inquiry.pk]),
            reverse("membership:inquiry-status", args=[iso3, inquiry.pk]),
            reverse("membership:invitation-create", args=[iso3]),
            reverse("membership:step-mark", args=[iso3]),
            reverse("membership:contact-assign", args=[iso3]),
            reverse("membership:letter-accept", args=[iso3, letter.pk]),
            reverse("membership:letter-return", args=[iso3, letter.pk]),
        ],
    }


def test_other_country_objects_forbidden_by_direct_url(client_for, government_user, other_objects):
    letter, inquiry = other_objects
    client = client_for(government_user)
    urls = _urls(letter, inquiry)
    # another country's letters and questions answer as if they did not exist (no existence
    # oracle): exactly as an id that was never used
    private = re.compile(r"/(letters|questions)/\d+/")
    for url in urls["get"]:
        expected = 404 if private.search(url) else 403
        assert client.get(url).status_code == expected, url
    for url in urls["post"]:
        response = client.post(url, {"body": "x", "status": "closed", "email": "a@b.org"})
        assert response.status_code == (404 if private.search(url) else 403), url
    missing = reverse("membership:inquiry-detail", args=[letter.country.iso3, inquiry.pk + 999])
    existing = reverse("membership:inquiry-detail", args=[letter.country.iso3, inquiry.pk])

    def page(url: str, pk: int) -> bytes:  # the main part, but for the id in its own links
        content = client.get(url).content
        main = content[content.index(b"<main") : content.index(b"</main>")]
        return main.replace(f"/{pk}/".encode(), b"/ID/")

    assert page(missing, inquiry.pk + 999) == page(existing, inquiry.pk)
    letter.refresh_from_db()
    inquiry.refresh_from_db()
    assert letter.state == "draft"
    assert inquiry.status == "open"
    assert inquiry.messages.count() == 1


def test_anonymous_redirected_to_login(client_for, other_objects):
    letter, inquiry = other_objects
    client = client_for(None)
    for url in _urls(letter, inquiry)["get"]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_letter_of_one_country_not_reachable_through_another_iso3(
    client_for, other_government_user, other_objects, country
):
    letter, inquiry = other_objects
    client = client_for(other_government_user)
    wrong = reverse("membership:letter-detail", args=[country.iso3, letter.pk])
    assert client.get(wrong).status_code == 404
    wrong = reverse("membership:inquiry-detail", args=[country.iso3, inquiry.pk])
    assert client.get(wrong).status_code == 404


def test_staff_sees_everything(client_for, staff_user, other_objects):
    letter, inquiry = other_objects
    client = client_for(staff_user)
    iso3 = letter.country.iso3
    for url in [
        reverse("membership:workspace", args=[iso3]),
        reverse("membership:letter-detail", args=[iso3, letter.pk]),
        reverse("membership:letter-signed", args=[iso3, letter.pk]),
        reverse("membership:inquiry-detail", args=[iso3, inquiry.pk]),
        reverse("membership:review-queue"),
        reverse("membership:inquiry-staff-list"),
        reverse("membership:cochairs"),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["public", "government", "civil_society", "researcher"])
def test_staff_pages_forbidden_to_others(client_for, actors, role):
    client = client_for(actors[role])
    for name in ["membership:review-queue", "membership:inquiry-staff-list", "membership:cochairs"]:
        assert client.get(reverse(name)).status_code == 403


def test_inquiries_listed_only_for_own_country(government_user, other_objects):
    _letter, inquiry = other_objects
    assert not government_user.has_perm("membership.view_inquiry", inquiry)
    assert Inquiry.objects.filter(country=government_user.country).count() == 0
