import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen import canvas

from ogp.core.forms import HoneypotFormMixin
from ogp.core.ratelimit import check_rate
from ogp.core.text import clean_html
from ogp.core.uploads import validate_pdf


def make_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Signed letter")
    pdf.save()
    return buffer.getvalue()


def test_validate_pdf_accepts_a_real_pdf():
    validate_pdf(SimpleUploadedFile("letter.pdf", make_pdf()))


def test_validate_pdf_refuses_a_renamed_file():
    with pytest.raises(ValidationError) as error:
        validate_pdf(SimpleUploadedFile("letter.pdf", b"PK\x03\x04 this is a zip file"))
    assert "letter.pdf is not a PDF document" in error.value.messages[0]


def test_validate_pdf_refuses_an_empty_file():
    with pytest.raises(ValidationError) as error:
        validate_pdf(SimpleUploadedFile("empty.pdf", b""))
    assert error.value.messages == ["empty.pdf is empty."]


def test_validate_pdf_refuses_an_oversized_file(settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_pdf(SimpleUploadedFile("big.pdf", make_pdf()))
    assert "the limit is 100" in error.value.messages[0]


def test_validate_pdf_refuses_a_damaged_pdf():
    with pytest.raises(ValidationError) as error:
        validate_pdf(SimpleUploadedFile("broken.pdf", b"%PDF-1.4\n garbage without objects"))
    assert "could not be read as a PDF" in error.value.messages[0]


def test_clean_html_removes_scripts_and_handlers():
    cleaned = clean_html(
        '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">l</a></p>'
    )
    assert "script" not in cleaned and "onclick" not in cleaned and "javascript" not in cleaned
    assert cleaned.startswith("<p>Hi")


class DemoForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField()


def test_honeypot_refuses_a_filled_trap():
    assert DemoForm({"name": "Ana"}).is_valid()
    form = DemoForm({"name": "Bot", "website_url": "http://spam.example"})
    assert not form.is_valid()
    assert "website_url" in form.errors


def test_rate_limit_refuses_after_the_limit(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9")
    results = [check_rate(request, "test-scope", limit=3, period=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    other = rf.get("/", REMOTE_ADDR="203.0.113.10")
    assert check_rate(other, "test-scope", limit=3, period=60)
