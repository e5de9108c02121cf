"""Membership history recorded by form and by CSV import."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ogp.countries.models import Country

from .imports import (
    MAX_UPLOAD,
)


def default_review_date(year: int) -> datetime.date:
    return datetime.date(year, 6, 30)


class MembershipHistoryForm(forms.Form):
    """One dated OGP status of the past, with its source (Support Unit)."""

    country = forms.ChoiceField(label=_("Country"))
    status = forms.ChoiceField(label=_("Status from that date"))
    effective_date = forms.DateField(
        label=_("Date"), help_text=_("For example 2011-09-20 (YYYY-MM-DD).")
    )
    source = forms.CharField(
        label=_("Source of the date"),
        max_length=500,
        help_text=_("An address or a reference: where this date can be checked."),
    )
    reason = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from ogp.countries.models import MembershipStatus

        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            ("", "---------"),
            *[(c.iso3, c.name) for c in Country.objects.order_by("name_en")],
        ]
        self.fields["status"].choices = MembershipStatus.choices  # type: ignore[attr-defined]

    def clean_country(self):  # type: ignore[no-untyped-def]
        return Country.objects.get(iso3=self.cleaned_data["country"])


class MembershipHistoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Membership history (CSV in UTF-8: iso3, status, effective_date, source, reason)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        allow_empty_file=True,
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise ValidationError(_("The file is larger than 20 MB."))
        return f
