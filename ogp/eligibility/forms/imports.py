"""Dataset import form (file or address, size limit)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import URL_MAX_LENGTH

from ..models import (
    DatasetKind,
)

MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Publisher file (CSV in UTF-8, or the Open Budget Survey workbook .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        # an empty file goes to the import service, which names it in the same words as the
        # eligibility_import command ("x.csv: the file is empty.")
        allow_empty_file=True,
    )
    kind = forms.ChoiceField(
        label=_("Dataset"),
        required=False,
        choices=[("", _("Detect from the columns"))] + list(DatasetKind.choices),
    )
    edition = forms.CharField(
        label=_("Edition"),
        max_length=100,
        required=False,
        help_text=_(
            "For example v14, or 2006-2019. Left empty: the "
            "version or the range of years in the file."
        ),
    )
    published_on = forms.DateField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "When the publisher released this edition. Left empty: 1 January of the "
            "year after the newest data year, marked as estimated."
        ),
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    source_url = forms.URLField(
        label=_("Where the file comes from"),
        required=False,
        assume_scheme="https",
        max_length=URL_MAX_LENGTH,
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise ValidationError(_("The file is larger than 20 MB."))
        return f
