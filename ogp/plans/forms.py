from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.accounts.models import Role, User
from ogp.organisations.models import Organisation

from .labels import CODING_LABELS, COMPLETION_ORDER, VALUE_LABELS, completion_label
from .models import InstitutionRole, IRMReportKind, MilestoneStatus, ReviewVerdict


class ExplorerForm(forms.Form):
    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    plan = forms.RegexField(
        label=_("Action plan identifier"),
        regex=r"^AP_[A-Z]{3,4}\d{2,3}$",
        required=False,
        max_length=20,
        help_text=_("As OGP writes it, for example AP_ALB02."),
    )
    policy_area = forms.ChoiceField(label=_("Policy area"), required=False)
    value = forms.ChoiceField(label=_("OGP value"), required=False)
    coding = forms.ChoiceField(label=_("IRM coding"), required=False)
    status = forms.ChoiceField(label=_("Completion"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args: Any, facets: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self._choice("country").choices = anything + [(c.iso3, c.name) for c in facets["countries"]]
        self._choice("policy_area").choices = anything + [
            (a.code, a.name) for a in facets["policy_areas"]
        ]
        self._choice("value").choices = anything + list(VALUE_LABELS.items())
        self._choice("coding").choices = anything + list(CODING_LABELS.items())
        self._choice("status").choices = anything + [
            (code, completion_label(code)) for code in COMPLETION_ORDER
        ]
        self._choice("sort").choices = [
            ("identifier", _("Identifier")),
            ("-identifier", _("Identifier, descending")),
            ("country", _("Country")),
            ("year", _("Oldest plans first")),
            ("-year", _("Newest plans first")),
            ("title", _("Title")),
        ]

    def _choice(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field


class PlanDatesForm(forms.Form):
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=500)
    expected_output = forms.CharField(
        label=_("Expected output"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    responsible = forms.CharField(label=_("Who is responsible"), max_length=300, required=False)
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    due_date = forms.DateField(
        label=_("Expected completion date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    weight = forms.DecimalField(
        label=_("Weight in the commitment's progress"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        help_text=_("Leave empty for 1. Milestones weigh the same unless you give weights."),
    )


class CommitmentTemplateForm(forms.Form):
    problem = forms.CharField(
        label=_("Problem addressed"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    status_quo = forms.CharField(
        label=_("Status quo"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    objective = forms.CharField(
        label=_("What the commitment is"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    how_it_helps = forms.CharField(
        label=_("How it will contribute to solving the problem"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    relevance_transparency = forms.CharField(
        label=_("Relevance to transparency"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    relevance_participation = forms.CharField(
        label=_("Relevance to civic participation"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    relevance_accountability = forms.CharField(
        label=_("Relevance to public accountability"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class InstitutionForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=InstitutionRole.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation in the directory"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("A civil-society organisation chosen here becomes a co-owner."),
    )
    name = forms.CharField(
        label=_("Name (if not in the directory)"), max_length=500, required=False
    )

    def __init__(self, *args: Any, country_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(country_id=country_id).order_by("name")


class ProgressUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=MilestoneStatus.choices, widget=forms.RadioSelect
    )
    narrative = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000
    )
    evidence_file = forms.FileField(
        label=_("Evidence document (PDF)"),
        required=False,
        help_text=_("A PDF document, checked by its content and size."),
    )
    evidence_link = forms.URLField(
        label=_("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )
    no_evidence_reason = forms.CharField(
        label=_("If there is no evidence, say why (shown publicly)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )


class ProgressReviewForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Your view"), choices=ReviewVerdict.choices, widget=forms.RadioSelect
    )
    status = forms.ChoiceField(
        label=_("If you dispute it: the status you see"),
        choices=[("", _("(choose when disputing)")), *MilestoneStatus.choices],
        required=False,
    )
    reasoning = forms.CharField(
        label=_("Your reasoning"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    link = forms.URLField(
        label=_("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )
    file = forms.FileField(label=_("Evidence document (PDF)"), required=False)


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("OGP commitments and IRM data sheet (CSV)"),
        help_text=_("The sheet's own format: 171 columns, dates month/day/year."),
    )


class IRMReportCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=IRMReportKind.choices)
    researchers = forms.ModelMultipleChoiceField(
        label=_("Assigned researchers"),
        queryset=User.objects.filter(role=Role.RESEARCHER, is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )


ASSESSMENT_CHOICES = [
    ("not_assessed", _("Not assessed")),
    ("met", _("Met")),
    ("not_met", _("Not met")),
]


class IRMReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    analysis = forms.CharField(
        label=_("Analysis and recommendations"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    comment_opens = forms.DateField(
        label=_("Comments open on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    comment_closes = forms.DateField(
        label=_("Comments close on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(
        self, *args: Any, requirements: list[dict[str, Any]], language: str, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.requirement_codes = []
        for requirement in requirements:
            name = "req_" + requirement["code"].replace(".", "_")
            self.requirement_codes.append((name, requirement["code"]))
            label = requirement["labels"].get(language) or requirement["labels"]["en"]
            self.fields[name] = forms.ChoiceField(
                label=f"{requirement['code']} {label}", choices=ASSESSMENT_CHOICES
            )

    def assessments(self) -> dict[str, str]:
        return {code: self.cleaned_data[name] for name, code in self.requirement_codes}


class IRMCodingForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, indicators: list[tuple[str, Any]], language: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.keys = []
        for key, indicator in indicators:
            name = key.replace(".", "__")
            self.keys.append((name, key))
            choices = [("", _("Not coded yet")), ("nr", _("Not reviewed"))] + [
                (lv.code, lv.labels.get(language) or lv.labels["en"]) for lv in indicator.levels
            ]
            label = indicator.labels.get(language) or indicator.labels["en"]
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)
        self.order_fields([name for name, _key in self.keys] + ["notes"])

    def values(self) -> dict[str, str]:
        return {key: self.cleaned_data[name] for name, key in self.keys}
