"""Finding 10: uploads are PDFs from byte 0, without active content, stored under generated
names and always served as downloads."""

import io
from datetime import date

import pytest
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ogp.core.uploads import PrivateFileSystemStorage, validate_pdf
from ogp.membership.tests.factories import pdf_bytes


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _with_javascript() -> bytes:
    """A document-level script in the catalogue's name tree (what Acrobat runs on opening)."""
    writer = _writer()
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x()")}
    )
    names = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("run"), writer._add_object(action)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(names)}
    )
    return _bytes(writer)


def _with_open_action(action: str) -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject(action), NameObject("/F"): TextStringObject("calc.exe")}
    )
    return _bytes(writer)


def _with_open_destination() -> bytes:
    """LibreOffice and others open at page 1 this way: a destination, not an action."""
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/XYZ"), NumberObject(0)]
    )
    return _bytes(writer)


def _with_launch_link() -> bytes:
    writer = _writer()
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): DictionaryObject(
                {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("x")}
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _bytes(writer)


def _escaped_name() -> bytes:
    """`/J#61vaScript` is `/JavaScript` written with a hex escape."""
    return _with_javascript().replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS", b"/J#53")


def _upload(data: bytes, name: str = "letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html><script>alert(1)</script></html>\n" + pdf_bytes(), "not_pdf"),
        (b"\n" + pdf_bytes(), "not_pdf"),
        (_with_javascript(), "active_pdf"),
        (_with_open_action("/JavaScript"), "active_pdf"),
        (_with_open_action("/Launch"), "active_pdf"),
        (_with_launch_link(), "active_pdf"),
        (_escaped_name(), "active_pdf"),
    ],
    ids=[
        "html-polyglot",
        "leading-byte",
        "javascript",
        "open-action-js",
        "open-action-launch",
        "launch-link",
        "hex-escaped-name",
    ],  # fmt: skip
)
def test_dangerous_pdfs_are_refused(data, code):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(_upload(data))
    assert refused.value.code == code


@pytest.mark.parametrize("data", [pdf_bytes(), _bytes(_writer()), _with_open_destination()])
def test_plain_pdfs_are_accepted(data):
    validate_pdf(_upload(data))


def test_active_content_message_says_what_to_do():
    with pytest.raises(ValidationError) as refused:
        validate_pdf(_upload(_with_javascript(), "minutes.pdf"))
    assert "minutes.pdf contains active content" in refused.value.messages[0]


@pytest.mark.parametrize(
    "name", [".htaccess", "shell.php", "tool.exe", "a\\b.html", "x.pdf", "page.html%00.pdf"]
)
def test_stored_names_are_generated_with_a_pdf_extension(name):
    stored = PrivateFileSystemStorage().generate_filename(f"participation/meetings/7/{name}")
    folder, _, filename = stored.rpartition("/")
    assert folder.startswith("participation/meetings/7")
    assert filename.endswith(".pdf") and len(filename) == 36
    assert name not in filename


def test_a_path_out_of_the_storage_is_refused():
    with pytest.raises(SuspiciousFileOperation):
        PrivateFileSystemStorage().generate_filename("participation/../../etc/passwd")


@pytest.mark.django_db
def test_forum_document_is_stored_under_a_generated_name_and_downloaded(client, settings):
    from ogp.participation.services.forums import meeting_document_add
    from ogp.participation.tests.factories import CoordinatorFactory, ForumFactory, MeetingFactory

    forum = ForumFactory()
    coordinator = CoordinatorFactory(forum=forum).user
    meeting = MeetingFactory(forum=forum, date=date(2025, 1, 1))
    document = meeting_document_add(
        acting_user=coordinator, meeting=meeting, title="Minutes",
        file=_upload(pdf_bytes(), ".htaccess"),
    )  # fmt: skip
    assert document.file.name.endswith(".pdf")
    assert ".htaccess" not in document.file.name
    response = client.get(
        reverse("participation:document-download", args=[forum.slug, meeting.pk, document.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
