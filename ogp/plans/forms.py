from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ogp.accounts.models import Role, User
from ogp.core.forms import TEXT_MAX_LENGTH, BoundedForm
from ogp.organisations.models import Organisation

from .labels import CODING_LABELS, COMPLETION_ORDER, VALUE_LABELS, completion_label
from .models import IAP2Level, InstitutionRole, IRMReportKind, MilestoneStatus, ReviewVerdict


def _attrs_html(attrs: dict[str, Any]) -> str:
    """As django/forms/widgets/attrs.html writes them."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    )


class ListSelect(forms.Select):
    """Django's select, written in Python rather than through a template per option (the
    explorer's hundred countries and policy areas were a third of its page's time). The HTML
    is the same as the template's (tests/test_explorer_speed.py)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', widget["name"]), _attrs_html(widget["attrs"])]
        parts.append(">")
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        mark_safe(_attrs_html(option["attrs"])),  # noqa: S308 (escaped above)
                        option["label"],
                    )
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every part escaped by format_html)


class ExplorerForm(BoundedForm):
    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=ListSelect)
    plan = forms.RegexField(
        label=_("Action plan identifier"),
        regex=r"^AP_[A-Z]{3,4}\d{2,3}$",
        required=False,
        max_length=20,
        help_text=_("As OGP writes it, for example AP_ALB02."),
    )
    policy_area = forms.ChoiceField(label=_("Policy area"), required=False, widget=ListSelect)
    value = forms.ChoiceField(label=_("OGP value"), required=False)
    coding = forms.ChoiceField(label=_("IRM coding"), required=False)
    status = forms.ChoiceField(label=_("Completion"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args: Any, facets: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        self._choice("country").choices = anything + list(facets["countries"])
        self._choice("policy_area").choices = anything + list(facets["policy_areas"])
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


class PlanDatesForm(BoundedForm):
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class MilestoneForm(BoundedForm):
    title = forms.CharField(label=_("Milestone"), max_length=500)
    expected_output = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Expected output"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
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


class CommitmentTemplateForm(BoundedForm):
    problem = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Problem addressed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    status_quo = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Status quo"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    objective = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What the commitment is"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    how_it_helps = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("How it will contribute to solving the problem"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    relevance_transparency = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to transparency"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    relevance_participation = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to civic participation"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    relevance_accountability = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to public accountability"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class InstitutionForm(BoundedForm):
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


class ProgressUpdateForm(BoundedForm):
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


class ProgressReviewForm(BoundedForm):
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


class SheetUploadForm(BoundedForm):
    file = forms.FileField(
        label=_("OGP commitments and IRM data sheet (CSV)"),
        help_text=_("The sheet's own format: 171 columns, dates month/day/year."),
    )


class IRMReportCreateForm(BoundedForm):
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


class IRMReportForm(BoundedForm):
    summary = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    analysis = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Analysis and recommendations"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    # Process facts the IRM assesses; the 2017-2021 contrary-to-process rules read them.
    iap2_development = forms.ChoiceField(
        label=_("Public influence during development (IAP2)"),
        required=False,
        choices=[("", _("Not assessed")), *IAP2Level.choices],
        help_text=_("Assessed in the Action Plan Review; the minimum was “Involve” until 2021."),
    )
    iap2_implementation = forms.ChoiceField(
        label=_("Public influence during implementation (IAP2)"),
        required=False,
        choices=[("", _("Not assessed")), *IAP2Level.choices],
        help_text=_("Assessed in the Results Report; the minimum was “Inform” until 2021."),
    )
    has_repository = forms.ChoiceField(
        label=_("A public document repository on the process and implementation exists"),
        required=False,
        choices=[("", _("Not assessed")), ("yes", _("Yes")), ("no", _("No"))],
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

    def process_facts(self) -> dict[str, Any]:
        repository = self.cleaned_data["has_repository"]
        return {
            "iap2_development": self.cleaned_data["iap2_development"],
            "iap2_implementation": self.cleaned_data["iap2_implementation"],
            "has_repository": {"yes": True, "no": False}.get(repository),
        }


class IRMCodingForm(BoundedForm):
    notes = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
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
