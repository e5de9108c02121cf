"""The submitted plan rendered as a PDF in the chosen language (reportlab, as the letters)."""

import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ogp.membership.letter_text import _font_names

from .models import COMMITMENT_TEXT_FIELDS, CoCreationPlan, DraftVersion, commitment_field_label


def plan_pdf(plan: CoCreationPlan, version: DraftVersion, *, language: str) -> bytes:
    regular, bold = _font_names()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14)
    label = ParagraphStyle("label", parent=body, fontName=bold)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=16, leading=20)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=17)
    buffer = io.BytesIO()

    def p(value: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(value).replace("\n", "<br/>"), style)

    with translation.override(language):
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=plan.title,
            author=plan.country.name,
            lang=language,
        )
        story: list = [p(plan.title, h1), p(plan.country.name), Spacer(1, 4 * mm)]
        story.append(p(_("Version %(number)s") % {"number": version.number}))
        for paragraph in version.introduction_paragraphs():
            story += [Spacer(1, 3 * mm), p(paragraph)]
        for index, commitment in enumerate(version.commitments.all(), start=1):
            story += [Spacer(1, 6 * mm), p(f"{index}. {commitment.title}", h2)]
            for name in COMMITMENT_TEXT_FIELDS[1:]:
                value = getattr(commitment, name)
                if value:
                    verbose = commitment_field_label(name)
                    story += [
                        Spacer(1, 2 * mm),
                        p(verbose[:1].upper() + verbose[1:], label),
                        p(value),
                    ]
            milestones = list(commitment.milestones.all())
            if milestones:
                story += [Spacer(1, 2 * mm), p(_("Milestones"), label)]
                story += [
                    p(
                        "• "
                        + " — ".join(
                            (m.title, m.expected_output, m.due_on.isoformat() if m.due_on else "")
                        )
                    )
                    for m in milestones
                ]
        doc.build(story)
    return buffer.getvalue()
