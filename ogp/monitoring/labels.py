"""Translated titles of the self-assessment's sections and of the publication refusals."""

from django.utils.translation import gettext_lazy as _

SECTION_LABELS = {
    "introduction": _("Introduction"),
    "process": _("Co-creation and implementation process"),
    "lessons": _("Lessons learned and next steps"),
}
