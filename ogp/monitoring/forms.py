"""Forms of the monitoring pages (bounded text; every page works without JavaScript)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.cocreation.models import DispositionChoices
from ogp.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH, BoundedForm
from ogp.plans.models import MilestoneStatus

from .labels import SECTION_LABELS
from .models import SECTION_KEYS, SelfAssessmentKind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SelfAssessmentCreateForm(BoundedForm):
    kind = forms.ChoiceField(label=_("Report"), choices=SelfAssessmentKind.choices)


class SectionsForm(BoundedForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key in SECTION_KEYS:
            self.fields[key] = forms.CharField(
                label=SECTION_LABELS[key], required=False, max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 8}),
            )  # fmt: skip


class EntryForm(BoundedForm):
    status = forms.ChoiceField(
        label=_("Completion, as the government assesses it"),
        required=False,
        choices=[("", _("Not assessed")), *MilestoneStatus.choices],
    )
    narrative = forms.CharField(
        label=_("What was done and what comes next"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class PeriodForm(BoundedForm):
    comment_opens = forms.DateField(label=_("Comments open on (first day)"), widget=DATE_WIDGET)
    comment_closes = forms.DateField(label=_("Comments close on (last day)"), widget=DATE_WIDGET)


class CommentForm(BoundedForm):
    target = forms.CharField(widget=forms.HiddenInput, max_length=LINE_MAX_LENGTH)
    body = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(BoundedForm):
    disposition = forms.ChoiceField(label=_("Disposition"), choices=DispositionChoices.choices)
    reason = forms.CharField(
        label=_("Reason (shown publicly)"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    merged_into = forms.TypedChoiceField(
        label=_("Merged with the comment"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, others: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        field: Any = self.fields["merged_into"]
        field.choices = [("", "—")] + [(c.pk, f"#{c.pk}: {c.body[:60]}") for c in others]
