import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ogp.countries.models import MembershipStatus

from .factories import COMPLETE_LETTER, CoChairsFactory, pdf_bytes


@pytest.fixture
def cochairs(db):
    return CoChairsFactory()


@pytest.fixture
def eligible_country(country):
    country.membership_status = MembershipStatus.ELIGIBLE
    country.un_member = True
    country.save()
    return country


@pytest.fixture
def signed_pdf():
    def make(name="signed.pdf"):
        return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")

    return make


@pytest.fixture
def complete_letter(government_user, eligible_country, cochairs, signed_pdf):
    """A complete draft with a signed PDF, ready to submit."""
    from ogp.membership import services

    letter = services.letter_create(
        acting_user=government_user, country=eligible_country, **COMPLETE_LETTER
    )
    return services.letter_upload_signed(
        acting_user=government_user, letter=letter, upload=signed_pdf()
    )


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request to /fr/ leaves French active in the thread; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
