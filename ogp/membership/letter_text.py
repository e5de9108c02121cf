"""The text of a letter of intent, in the letter's own language, and its PDF for signature.

The same paragraphs feed the HTML page and the PDF, so what is published matches what was
signed.
"""

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ogp.core.text import break_long_words

from .models import LetterOfIntent
from .selectors import letter_eligibility_sentence

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class LetterText:
    language: str
    title: str
    addressees: tuple[str, ...]
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature_lines: tuple[str, ...]
    place_and_date: str
    reference: str


def letter_text(letter: LetterOfIntent) -> LetterText:
    """The letter in its language (not the reader's)."""
    with translation.override(letter.language or "en"):
        country = letter.country.name
        values = {
            "country": country,
            "name": letter.responsible_name,
            "title": letter.responsible_title,
            "ministry": letter.responsible_ministry,
            "email": letter.responsible_email,
            "agency": letter.signatory_agency,
            "authority": letter.authorised_by,
        }
        paragraphs = [
            _(
                "On behalf of the Government of %(country)s, I am writing to express formally "
                "our intention to participate in the Open Government Partnership and our "
                "commitment to the principles of open and transparent government."
            )
            % values,
        ]
        if letter.eligibility_confirmed:
            # The basis is a whole sentence in the letter's language (see
            # selectors.letter_eligibility_sentence): the cycle, or the assessment and its date.
            paragraphs.append(
                letter.eligibility_basis or letter_eligibility_sentence(letter.country)
            )
        if letter.endorses_declaration:
            paragraphs.append(
                _(
                    "The Government of %(country)s endorses the Open Government Declaration and "
                    "commits to upholding its principles: increasing the availability of "
                    "information about governmental activities, supporting civic participation, "
                    "implementing the highest standards of professional integrity throughout "
                    "administrations, and increasing access to new technologies for openness "
                    "and accountability."
                )
                % values
            )
        if letter.past_reforms.strip():
            paragraphs.append(_("Our past open government reforms include:"))
            paragraphs.extend(p.strip() for p in letter.past_reforms.split("\n\n") if p.strip())
        if letter.responsible_name:
            paragraphs.append(
                _(
                    "%(name)s, %(title)s, %(ministry)s (%(email)s), will be responsible for "
                    "OGP within the Government of %(country)s and will be our point of contact "
                    "with the OGP Support Unit."
                )
                % values
            )
        if letter.head_of_government_authorisation:
            paragraphs.append(
                _(
                    "%(agency)s has been authorised by %(authority)s to join the Open "
                    "Government Partnership on behalf of the Government of %(country)s."
                )
                % values
            )
        paragraphs.append(
            _(
                "We look forward to working with the Steering Committee, the Support Unit and "
                "civil society to develop our first action plan."
            )
        )
        return LetterText(
            language=letter.language,
            title=_("Letter of intent to join the Open Government Partnership"),
            addressees=tuple(
                line.strip() for line in letter.addressees.splitlines() if line.strip()
            ),
            salutation=_("Dear Co-Chairs of the Open Government Partnership,"),
            paragraphs=tuple(paragraphs),
            closing=_("Yours sincerely,"),
            signature_lines=tuple(
                x
                for x in (letter.signatory_name, letter.signatory_title, letter.signatory_agency)
                if x
            ),
            place_and_date=_("Place and date:"),
            reference=_("Reference: %(reference)s") % {"reference": letter.reference},
        )


def _font_names() -> tuple[str, str]:
    """DejaVu (covers most Latin, Cyrillic and Greek names) when installed, else Helvetica."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "OGPSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("OGPSans", str(regular)))
            pdfmetrics.registerFont(TTFont("OGPSans-Bold", str(bold)))
        return "OGPSans", "OGPSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def letter_pdf(letter: LetterOfIntent) -> bytes:
    """The letter as an A4 PDF, ready to print and sign."""
    text = letter_text(letter)
    regular, bold = _font_names()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=15, alignment=TA_LEFT)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=13, leading=17)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=20 * mm,
        title=text.title,
        author=letter.signatory_agency or letter.country.name_en,
        lang=text.language,
    )

    def p(value: str, style: ParagraphStyle = body) -> Paragraph:
        # long unbreakable words are split: their layout time grows faster than their length
        return Paragraph(escape(break_long_words(value)).replace("\n", "<br/>"), style)

    story: list = [p(text.reference, small), Spacer(1, 6 * mm)]
    story += [p(line) for line in text.addressees]
    story += [Spacer(1, 8 * mm), p(text.title, heading), Spacer(1, 6 * mm), p(text.salutation)]
    for paragraph in text.paragraphs:
        story += [Spacer(1, 3 * mm), p(paragraph)]
    # The closing, signature and "Place and date" never split across pages.
    signature = [Spacer(1, 6 * mm), p(text.closing), Spacer(1, 22 * mm)]
    signature += [p("_" * 40)] + [p(line) for line in text.signature_lines]
    signature += [Spacer(1, 8 * mm), p(text.place_and_date + " " + "_" * 30)]
    story.append(KeepTogether(signature))
    doc.build(story)
    return buffer.getvalue()
