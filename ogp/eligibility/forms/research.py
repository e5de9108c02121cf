"""Research entries recorded by the Support Unit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import TEXT_MAX_LENGTH, URL_MAX_LENGTH
from ogp.countries.models import Country

from ..labels import alphabetical
from ..models import (
    CriterionChoice,
    Provision,
)


class ResearchEntryForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.filter(un_member=True).order_by("name_en"),
        to_field_name="iso3",
    )
    criterion = forms.ChoiceField(
        label=_("Criterion"),
        choices=[
            (
                CriterionChoice.ACCESS_TO_INFORMATION.value,
                CriterionChoice.ACCESS_TO_INFORMATION.label,
            ),
            (CriterionChoice.ASSET_DISCLOSURE.value, CriterionChoice.ASSET_DISCLOSURE.label),
        ],
    )
    year = forms.IntegerField(label=_("Assessment year"), min_value=2000, max_value=2100)
    provision = forms.ChoiceField(label=_("Legal provision"), choices=Provision.choices)
    public_access = forms.BooleanField(label=_("The law gives the public access"), required=False)
    name = forms.CharField(label=_("Name of the law or provision"), max_length=300, required=False)
    adopted_on = forms.CharField(
        label=_("Date adopted (YYYY-MM-DD or YYYY)"), max_length=10, required=False
    )
    source_url = forms.URLField(
        label=_("Address of the evidence"), assume_scheme="https", max_length=URL_MAX_LENGTH
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT_MAX_LENGTH,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # countries in the reader's alphabetical order (Alemania under A, Émirats under E)
        countries = sorted(
            Country.objects.filter(un_member=True), key=lambda c: alphabetical(str(c.name))
        )
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            ("", "---------"),
            *[(c.iso3, c.name) for c in countries],
        ]

    def clean_adopted_on(self):  # type: ignore[no-untyped-def]
        from ..domain.parsers import ImportFileError
        from ..domain.parsers.common import parse_partial_date

        value = self.cleaned_data["adopted_on"].strip()
        try:  # the research CSV's rule: a date that exists on the calendar
            return parse_partial_date(value, "", 0, "adopted_on")
        except ImportFileError:
            raise ValidationError(
                _("Use YYYY, YYYY-MM or YYYY-MM-DD, with a month and day that exist.")
            ) from None
