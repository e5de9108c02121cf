import datetime
import io

import factory
from reportlab.pdfgen import canvas

from ogp.countries.tests.factories import CountryFactory
from ogp.membership.models import CoChairs, LetterOfIntent


def pdf_bytes(text: str = "Signed letter") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class CoChairsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoChairs

    government_co_chair = "Minister A. Example, Government of Examplia (fictional)"
    civil_society_co_chair = "B. Sample, Sample Foundation (fictional)"
    effective_from = datetime.date(2026, 1, 1)


COMPLETE_LETTER = {
    "language": "en",
    "eligibility_confirmed": True,
    "endorses_declaration": True,
    "past_reforms": "An access to information law (fictional example).",
    "responsible_name": "Awa Diallo",
    "responsible_title": "Director of Public Service Reform",
    "responsible_ministry": "Ministry of Public Service",
    "responsible_email": "awa.diallo@example.org",
    "signatory_name": "Jean Martin",
    "signatory_title": "Minister of Public Service",
    "signatory_agency": "Ministry of Public Service",
    "signatory_is_ministerial": True,
    "head_of_government_authorisation": True,
    "authorised_by": "the Prime Minister",
}


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterOfIntent

    country = factory.SubFactory(CountryFactory)
    addressees = "Government co-chair\nCivil society co-chair"
    language = "en"
