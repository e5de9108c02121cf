"""Signed letter uploads: PDF by content, size limit, private storage, safe headers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ogp.core.errors import ServiceError
from ogp.membership import services

from .factories import COMPLETE_LETTER, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(government_user, eligible_country, cochairs):
    return services.letter_create(
        acting_user=government_user, country=eligible_country, **COMPLETE_LETTER
    )


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload_url(letter):
    return reverse("membership:letter-upload", args=[letter.country.iso3, letter.pk])


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("letter.pdf", b"PK\x03\x04 this is a zip file", "application/pdf"),
            "is not a PDF document",
        ),
        (SimpleUploadedFile("letter.pdf", b"", "application/pdf"), "is empty"),
        (
            SimpleUploadedFile(
                "letter.pdf", b"%PDF-1.4 garbage that is not a pdf", "application/pdf"
            ),
            "could not be read as a PDF",
        ),
    ],
    ids=["renamed-non-pdf", "empty", "damaged"],
)
def test_bad_uploads_refused_with_clear_error_and_nothing_stored(
    client_for, government_user, draft, settings, upload, message
):
    client = client_for(government_user)
    response = client.post(upload_url(draft), {"signed_pdf": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert not draft.signed_pdf
    assert stored_files(settings) == []


def test_oversized_upload_refused(client_for, government_user, draft, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.pdf", pdf_bytes("x" * 50) + b" " * 2000, "application/pdf")
    response = client_for(government_user).post(upload_url(draft), {"signed_pdf": big})
    assert response.status_code == 400
    assert "the limit is" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.signed_pdf
    assert stored_files(settings) == []


def test_service_refuses_bad_upload(government_user, draft, settings):
    with pytest.raises(ServiceError, match="not a PDF"):
        services.letter_upload_signed(
            acting_user=government_user,
            letter=draft,
            upload=SimpleUploadedFile("x.pdf", b"<html>hello</html>"),
        )
    assert stored_files(settings) == []


def test_good_upload_stored_privately_and_served_with_safe_headers(
    client_for, government_user, draft, settings
):
    upload = SimpleUploadedFile("signed letter.pdf", pdf_bytes(), "application/pdf")
    response = client_for(government_user).post(upload_url(draft), {"signed_pdf": upload})
    assert response.status_code == 302
    draft.refresh_from_db()
    files = stored_files(settings)
    assert len(files) == 1
    assert str(files[0]).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(files[0]).startswith(str(settings.STATIC_ROOT))
    assert draft.signed_pdf_name == "signed letter.pdf"
    response = client_for(government_user).get(
        reverse("membership:letter-signed", args=[draft.country.iso3, draft.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("attachment")


def test_replacing_upload_removes_old_file(
    government_user, draft, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_upload_signed(
            acting_user=government_user,
            letter=draft,
            upload=SimpleUploadedFile("a.pdf", pdf_bytes("a")),
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_upload_signed(
            acting_user=government_user,
            letter=draft,
            upload=SimpleUploadedFile("b.pdf", pdf_bytes("b")),
        )
    assert len(stored_files(settings)) == 1


def test_upload_address_opened_with_get_goes_back_to_the_letter(
    client_for, government_user, complete_letter
):
    """A refused upload shows the letter at .../upload/; the language switcher links there."""
    url = reverse(
        "membership:letter-upload", args=[complete_letter.country.iso3, complete_letter.pk]
    )
    response = client_for(government_user).get(url.replace("/en/", "/fr/"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/letters/{complete_letter.pk}/")
