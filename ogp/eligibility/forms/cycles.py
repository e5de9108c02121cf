"""Cycle forms: open, configure, evidence and its decision."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import URL_MAX_LENGTH
from ogp.core.uploads import validate_pdf

from ..models import (
    CriterionChoice,
    Cycle,
    DatasetKind,
    DatasetRelease,
    RuleSetVersion,
)


class CycleOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2011, max_value=2100)
    review_date = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Left empty: 30 June of the year (scores are updated in the first half of each year)."
        ),
    )


class CycleConfigureForm(forms.Form):
    ruleset = forms.ModelChoiceField(label=_("Rule set"), queryset=RuleSetVersion.objects.none())
    releases = forms.ModelMultipleChoiceField(
        label=_("Dataset releases"),
        queryset=DatasetRelease.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, cycle: Cycle, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        ruleset_field: Any = self.fields["ruleset"]
        ruleset_field.queryset = RuleSetVersion.objects.filter(valid_from__lte=cycle.year).exclude(
            valid_to__lt=cycle.year
        )
        # the title in the reader's language, then the code and version ("… (ogp-2023 v2)")
        ruleset_field.label_from_instance = lambda rs: f"{rs.display_title} ({rs})"
        releases_field: Any = self.fields["releases"]
        releases_field.queryset = DatasetRelease.objects.exclude(
            kind__in=[DatasetKind.CROSSWALK, DatasetKind.RESEARCH]
        ).order_by("kind", "-published_on")


class EvidenceForm(forms.Form):
    criterion = forms.ChoiceField(label=_("Criterion"), choices=CriterionChoice.choices)
    summary = forms.CharField(
        label=_("What has changed"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "For example: the access to information law adopted on a date, or the audit "
            "report now published online."
        ),
    )
    source_url = forms.URLField(
        label=_("Address of the evidence"),
        required=False,
        assume_scheme="https",
        max_length=URL_MAX_LENGTH,
    )
    document = forms.FileField(label=_("Supporting document (PDF)"), required=False)

    def clean_document(self):  # type: ignore[no-untyped-def]
        doc = self.cleaned_data.get("document")
        if doc:
            validate_pdf(doc)
        return doc


class EvidenceDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept: override the criterion in this cycle")),
            ("reject", _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    points = forms.IntegerField(
        label=_("Points awarded (when accepting)"), min_value=0, max_value=10, required=False
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        if data.get("decision") == "accept" and data.get("points") is None:
            self.add_error("points", _("Give the points awarded."))
        return data
