"""Public member pages, the workspace, the letter PDF, in three languages."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from ogp.countries.models import MembershipStatus
from ogp.countries.tests.factories import CountryFactory
from ogp.membership import services
from ogp.membership.letter_text import letter_pdf
from ogp.membership.models import LeadAgency

from .factories import COMPLETE_LETTER

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(complete_letter, government_user, staff_user):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    services.letter_accept(acting_user=staff_user, letter=complete_letter)
    complete_letter.refresh_from_db()
    return complete_letter


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_member_list_in_three_languages(client, published, language):
    CountryFactory(iso3="QEL", name_en="Eligibleland", membership_status=MembershipStatus.ELIGIBLE)
    CountryFactory(iso3="QNE", name_en="Nopeland", membership_status=MembershipStatus.NOT_ELIGIBLE)
    response = client.get(f"/{language}/members/")
    assert response.status_code == 200
    body = response.content.decode()
    assert published.country.name in body or published.country.name_en in body
    assert "Eligibleland" in body
    assert "Nopeland" not in body


def test_member_list_constant_queries(client, django_assert_max_num_queries, published):
    for i in range(5):
        country = CountryFactory(membership_status=MembershipStatus.ACTIVE)
        LeadAgency.objects.create(
            country=country,
            name=f"Agency {i}",
            contact_name="X",
            contact_title="Y",
            contact_email="x@example.org",
        )
    with django_assert_max_num_queries(6):
        assert client.get("/en/members/").status_code == 200


def test_public_country_page_shows_letter_timeline_and_public_fields_only(
    client, published, government_user, staff_user
):
    country = published.country
    services.lead_agency_set(
        acting_user=government_user,
        country=country,
        name="Ministry of Public Service",
        contact_name="Awa Diallo",
        contact_title="Director of Reform",
        contact_email="secret.awa@example.org",
        contact_phone="+000 555 0100",
        show_contact_email=False,
    )
    services.onboarding_contact_assign(acting_user=staff_user, country=country, contact=staff_user)
    response = client.get(reverse("membership:country", args=[country.iso3]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ministry of Public Service" in body
    assert "Awa Diallo" in body
    assert "secret.awa@example.org" not in body
    assert "+000 555 0100" not in body
    assert staff_user.get_full_name() in body
    assert "Letter of intent submitted." in body  # the timeline
    assert reverse("membership:letter-signed", args=[country.iso3, published.pk]) in body
    # A visitor can read the letter and download the signed PDF.
    assert (
        client.get(
            reverse("membership:letter-detail", args=[country.iso3, published.pk])
        ).status_code
        == 200
    )
    signed = client.get(reverse("membership:letter-signed", args=[country.iso3, published.pk]))
    assert signed.status_code == 200
    assert b"".join(signed.streaming_content).startswith(b"%PDF")


def test_country_page_query_count(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(reverse("membership:country", args=[published.country.iso3]))


def test_draft_is_not_public(client, complete_letter):
    url = reverse(
        "membership:letter-detail", args=[complete_letter.country.iso3, complete_letter.pk]
    )
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Letter of intent to join the Open Government Partnership"),
        ("fr", "Lettre d’intention"),
        ("es", "Carta de intención"),
    ],
)
def test_letter_pdf_in_its_language(complete_letter, language, expected):
    complete_letter.language = language
    pdf = letter_pdf(complete_letter)
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert expected.replace("’", "'") in text.replace("’", "'")
    assert "Awa Diallo" in text
    for line in complete_letter.addressees.splitlines():
        assert line in text


def test_pdf_download_view(client_for, government_user, complete_letter):
    url = reverse("membership:letter-pdf", args=[complete_letter.country.iso3, complete_letter.pk])
    response = client_for(government_user).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_workspace_and_forms_render(client_for, government_user, eligible_country, cochairs):
    client = client_for(government_user)
    iso3 = eligible_country.iso3
    assert client.get(reverse("membership:workspace", args=[iso3])).status_code == 200
    response = client.get(reverse("membership:letter-create", args=[iso3]))
    assert response.status_code == 200
    assert "checked" in response.content.decode()  # eligibility confirmation pre-filled
    data = {k: ("on" if v is True else v) for k, v in COMPLETE_LETTER.items()}
    response = client.post(reverse("membership:letter-create", args=[iso3]), data)
    assert response.status_code == 302
    letter = eligible_country.letters_of_intent.get()
    assert letter.addressees == cochairs.addressees
    detail = client.get(response["Location"])
    assert "Upload the signed letter as a PDF." in detail.content.decode()


def test_submit_view_shows_problems(client_for, government_user, eligible_country, cochairs):
    letter = services.letter_create(
        acting_user=government_user, country=eligible_country, language="en"
    )
    client = client_for(government_user)
    response = client.post(
        reverse("membership:letter-submit", args=[eligible_country.iso3, letter.pk]), follow=True
    )
    body = response.content.decode()
    assert "Endorse the Open Government Declaration." in body
    letter.refresh_from_db()
    assert letter.state == "draft"


def test_staff_review_through_views(client_for, complete_letter, government_user, staff_user):
    services.letter_submit(acting_user=government_user, letter=complete_letter)
    client = client_for(staff_user)
    queue = client.get(reverse("membership:review-queue"))
    assert complete_letter.reference in queue.content.decode()
    iso3 = complete_letter.country.iso3
    response = client.post(
        reverse("membership:letter-return", args=[iso3, complete_letter.pk]), {"reason": ""}
    )
    complete_letter.refresh_from_db()
    assert complete_letter.state == "submitted"
    client.post(
        reverse("membership:letter-return", args=[iso3, complete_letter.pk]),
        {"reason": "Please add the date."},
    )
    complete_letter.refresh_from_db()
    assert complete_letter.state == "returned"
    assert response.status_code == 302


def test_staff_status_change_view(client_for, staff_user, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    client = client_for(staff_user)
    url = reverse("membership:status-change", args=[country.iso3])
    assert client.get(url).status_code == 200
    base = {
        "effective_date": "2026-05-01",
        "consecutive_cycles_below_minimum": 0,
        "consecutive_contrary_cycles": 0,
    }
    response = client.post(url, {**base, "target": "suspended", "reason": "Response Policy"})
    assert "Steering Committee decision" in response.content.decode()
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.ACTIVE
    response = client.post(
        url,
        {**base, "target": "suspended", "reason": "Response Policy", "decision_reference": "SC-1"},
    )
    assert response.status_code == 302
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.SUSPENDED
    change = country.status_changes.get()
    assert change.reason == "Response Policy (SC-1)"
    assert change.changed_by == staff_user
    assert str(change.effective_date) == "2026-05-01"


def test_status_change_forbidden_transition_message(staff_user, country):
    from ogp.core.errors import ServiceError
    from ogp.membership.domain.status import StatusFacts

    with pytest.raises(ServiceError, match="does not allow a change from Not assessed to Active"):
        services.membership_status_change(
            acting_user=staff_user,
            country=country,
            target="active",
            facts=StatusFacts(),
            reason="x",
        )


def test_domain_statuses_match_country_model():
    from ogp.membership.domain.status import Status

    assert {s.value for s in Status} == set(MembershipStatus.values)


def _letters_for(n, staff_user):
    """n countries each with a published letter, a lead agency and a question."""
    from ogp.accounts.tests.factories import GovernmentUserFactory

    for i in range(n):
        country = CountryFactory(membership_status=MembershipStatus.ELIGIBLE)
        gov = GovernmentUserFactory(country=country)
        from django.core.files.uploadedfile import SimpleUploadedFile

        from .factories import pdf_bytes

        letter = services.letter_create(acting_user=gov, country=country, **COMPLETE_LETTER)
        services.letter_upload_signed(
            acting_user=gov, letter=letter, upload=SimpleUploadedFile("s.pdf", pdf_bytes())
        )
        services.letter_submit(acting_user=gov, letter=letter)
        if i % 2:
            services.letter_accept(acting_user=staff_user, letter=letter)
        services.inquiry_create(acting_user=gov, country=country, subject=f"Q{i}", body="?")


@pytest.mark.parametrize("name", ["review-queue", "onboarding-list", "inquiry-staff-list"])
def test_staff_lists_constant_queries(
    client_for, staff_user, cochairs, django_assert_max_num_queries, name
):
    client = client_for(staff_user)
    url = reverse(f"membership:{name}")
    _letters_for(2, staff_user)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    _letters_for(6, staff_user)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_workspace_constant_queries(
    client_for, published, government_user, staff_user, django_assert_max_num_queries
):
    import datetime

    country = published.country
    client = client_for(government_user)
    url = reverse("membership:workspace", args=[country.iso3])
    client.get(url)
    with django_assert_max_num_queries(30) as before:
        client.get(url)
    for i in range(4):
        services.inquiry_create(
            acting_user=government_user, country=country, subject=f"Q{i}", body="?"
        )
    services.onboarding_step_mark(
        acting_user=staff_user,
        country=country,
        item="first_call_held",
        done_on=datetime.date(2026, 1, 1),
    )
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(url).status_code == 200


def test_country_hub_and_navigation_link_here(client, country):
    body = client.get(reverse("countries:detail", args=[country.iso3])).content.decode()
    assert reverse("membership:country", args=[country.iso3]) in body
    assert reverse("membership:member-list") in body


def test_staff_home_links_to_membership_queues(client_for, staff_user):
    body = client_for(staff_user).get(reverse("accounts:staff-home")).content.decode()
    for name in ["review-queue", "onboarding-list", "inquiry-staff-list", "cochairs"]:
        assert reverse(f"membership:{name}") in body


def test_open_data_csv(client, published, django_assert_max_num_queries):
    import csv as csvlib

    country = published.country
    with django_assert_max_num_queries(4):
        response = client.get(reverse("membership:member-list-csv"))
    rows = list(csvlib.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "iso3"
    assert [country.iso3, country.name, country.name_en] == rows[1][:3]
    assert rows[1][6] == "participating"
    with django_assert_max_num_queries(4):
        response = client.get(reverse("membership:status-history-csv"))
    rows = list(csvlib.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r[5] for r in rows[1:]] == ["letter_submitted", "participating"]
    assert "text/csv" in response["Content-Type"]


def test_every_table_scrolls_on_its_own_on_a_narrow_screen():
    """A table wider than a 375px phone scrolls inside its wrapper, not the whole page."""
    import re
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "templates" / "membership"
    for template in folder.glob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<table", text):
            before = text[: match.start()].rstrip()
            assert before.endswith('<div class="table-scroll">'), template.name


def test_member_list_in_the_readers_alphabet_with_plain_empty_states(client, db):
    from ogp.countries.models import Country

    Country.objects.all().delete()
    for iso3, name_en, name_es in [("BEL", "Belgium", "Bélgica"), ("BGR", "Bulgaria", "Bulgaria"),
                                   ("BRA", "Brazil", "Brasil")]:  # fmt: skip
        CountryFactory(iso3=iso3, iso2=iso3[:2], name_en=name_en, name_es=name_es,
                       membership_status=MembershipStatus.ACTIVE)  # fmt: skip
    body = client.get("/es/members/").content.decode()
    assert body.index("Bélgica") < body.index("Brasil") < body.index("Bulgaria")
    assert (
        "No eligible country is waiting to join at the moment."
        in client.get("/en/members/").content.decode()
    )
    assert (
        "No eligible non-member matches this filter."
        in client.get("/en/members/?region=africa").content.decode()
    )


def test_workspace_of_a_member_that_joined_before_the_platform(client_for, staff_user, country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    url = reverse("membership:workspace", args=[country.iso3])
    body = client_for(staff_user).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "joined OGP before its letter of intent was kept on the platform" in body
    assert "it has no onboarding checklist" in body
    assert "No letter of intent has been drafted yet." not in body


def test_page_titles_are_plain_text(client, published):
    """A stray tag in the title block ends up in the browser tab and in screen readers."""
    import re

    country = published.country
    for url in ["/fr/members/", f"/fr/members/{country.iso3}/",
                f"/fr/members/{country.iso3}/letters/{published.pk}/"]:  # fmt: skip
        page = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert "<" not in title, (url, title)


def test_letter_pdf_keeps_accented_and_non_latin1_names(complete_letter):
    """Names such as Łukasz or Dubœuf need a font beyond Latin-1 (DejaVu Sans, when installed)."""
    from ogp.membership.letter_text import FONT_DIR

    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        pytest.skip("DejaVu Sans is not installed (apt-get install fonts-dejavu-core)")
    complete_letter.language = "fr"
    complete_letter.signatory_name = "Aïcha Benaïssa-Łukasz"
    complete_letter.responsible_name = "Hélène Dubœuf-Çelik"
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(letter_pdf(complete_letter))).pages
    )
    assert "Aïcha Benaïssa-Łukasz" in text
    assert "Hélène Dubœuf-Çelik" in text


def test_open_data_csv_has_the_same_rows_and_names_in_the_requested_language(client, published):
    CountryFactory(iso3="DEU", iso2="DE", name_en="Germany", name_fr="Allemagne",
                   name_es="Alemania", membership_status=MembershipStatus.ACTIVE)  # fmt: skip
    CountryFactory(iso3="DZA", iso2="DZ", name_en="Algeria", name_fr="Algérie",
                   name_es="Argelia", membership_status=MembershipStatus.ACTIVE)  # fmt: skip
    files = {
        lang: client.get(f"/{lang}/members/members.csv").content for lang in ("en", "fr", "es")
    }

    def without_name(content: bytes) -> list[list[bytes]]:
        return [line.split(b",")[:1] + line.split(b",")[2:] for line in content.splitlines()]

    assert without_name(files["en"]) == without_name(files["fr"]) == without_name(files["es"])
    iso_codes = [line.split(b",")[0] for line in files["en"].splitlines()[1:]]
    assert iso_codes == sorted(iso_codes)
    assert b"DZA,Alg\xc3\xa9rie," in files["fr"] and b"DZA,Argelia," in files["es"]
