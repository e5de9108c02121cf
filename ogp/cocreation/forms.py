"""Forms: parse input only; services do the work."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import TEXT_MAX_LENGTH, BoundedForm, HoneypotFormMixin
from ogp.organisations.models import FocusAreaCode
from ogp.participation.models import Forum, Meeting

from .models import (
    CoCreationPlan,
    DispositionChoices,
    OfflineSource,
    OgpValue,
    OpportunityKind,
    StepKind,
    TimelineStep,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


LANGUAGE_CHOICES = list(settings.LANGUAGES)


class PlanForm(BoundedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Summary"), widget=forms.Textarea, required=False
    )
    period_years = forms.TypedChoiceField(
        label=_("Length of the plan"),
        coerce=int,
        choices=[(2, _("2 years")), (4, _("4 years"))],
    )
    starts_on = forms.DateField(label=_("Implementation starts on"), widget=DateInput())
    previous_plan_end = forms.DateField(
        label=_("End of the previous action plan"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for a first action plan."),
    )
    forum: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Multi-stakeholder forum"), queryset=Forum.objects.none(), required=False
    )
    proposals_open = forms.BooleanField(
        label=_("Anyone signed in may send proposals"), required=False, initial=True
    )
    anonymous_proposals = forms.BooleanField(
        label=_("Visitors without an account may also propose, confirmed by e-mail"),
        required=False,
    )

    def __init__(self, *args: Any, country: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = country.forums.all()  # type: ignore[attr-defined]


class StepForm(BoundedForm):
    kind = forms.ChoiceField(label=_("Step"), choices=StepKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Description"), widget=forms.Textarea, required=False
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())


class OpportunityForm(BoundedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("How to take part"),
        widget=forms.Textarea,
        required=False,
    )
    location = forms.CharField(label=_("Place or online link"), max_length=300, required=False)
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    open_to_anyone = forms.BooleanField(label=_("Open to anyone"), required=False, initial=True)
    step: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Step"), queryset=TimelineStep.objects.none(), required=False
    )

    def __init__(self, *args: Any, plan: CoCreationPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = plan.steps.all()  # type: ignore[attr-defined]


class ReasonForm(BoundedForm):
    reason = forms.CharField(max_length=TEXT_MAX_LENGTH, label=_("Reason"), widget=forms.Textarea)


class SubmitForm(BoundedForm):
    language = forms.ChoiceField(
        label=_("Language of the submitted plan"), choices=LANGUAGE_CHOICES
    )
    override_reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Why the plan is submitted with inputs still unanswered (published)"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Only needed when some inputs have no reasoned response yet."),
    )


class ProposalForm(BoundedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    problem = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What problem should the plan solve?"),
        widget=forms.Textarea,
    )
    solution = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("What do you propose?"), widget=forms.Textarea
    )
    values = forms.MultipleChoiceField(
        label=_("OGP values it serves"),
        choices=OgpValue.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one of transparency, civic participation or public accountability."),
    )
    policy_area = forms.ChoiceField(label=_("Policy area"), choices=FocusAreaCode.choices)


class ProposalFilterForm(BoundedForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    policy_area = forms.ChoiceField(
        label=_("Policy area"),
        required=False,
        choices=[("", _("Any policy area")), *FocusAreaCode.choices],
    )
    value = forms.ChoiceField(
        label=_("OGP value"), required=False, choices=[("", _("Any value")), *OgpValue.choices]
    )
    disposition = forms.ChoiceField(
        label=_("Response"),
        required=False,
        choices=[
            ("", _("Any")),
            ("unanswered", _("Not answered yet")),
            *DispositionChoices.choices,
        ],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("supports", _("Most supported")),
            ("recent", _("Most recent")),
            ("oldest", _("Oldest")),
        ],
    )


class CommentForm(BoundedForm):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea, max_length=10_000)


class OfflineInputForm(BoundedForm):
    source = forms.ChoiceField(label=_("Received by"), choices=OfflineSource.choices)
    received_on = forms.DateField(label=_("Received on"), widget=DateInput())
    received_from = forms.CharField(
        label=_("From whom"),
        max_length=300,
        help_text=_("A person, an organisation or 'participants of the meeting'."),
    )
    meeting: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Forum meeting"), queryset=Meeting.objects.none(), required=False
    )
    summary = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("What was said or asked"), widget=forms.Textarea
    )
    language = forms.ChoiceField(label=_("Language of the input"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args: Any, plan: CoCreationPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meetings = (
            Meeting.objects.filter(forum_id=plan.forum_id)
            if plan.forum_id
            else Meeting.objects.none()
        )
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]


class ResponseForm(BoundedForm):
    disposition = forms.ChoiceField(
        label=_("What happened to this input"), choices=DispositionChoices.choices
    )
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Reason (published)"), widget=forms.Textarea
    )
    linked_commitment = forms.TypedChoiceField(
        label=_("Commitment it became"), required=False, coerce=int, empty_value=None
    )
    linked_milestone = forms.TypedChoiceField(
        label=_("Milestone it became"), required=False, coerce=int, empty_value=None
    )
    merged_into = forms.CharField(
        label=_("Merged with input (its number, e.g. 12)"), required=False, max_length=12
    )

    def __init__(
        self, *args: Any, commitments: list[Any], milestones: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["linked_commitment"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (
                c.pk,
                f"{_('working draft') if c.version.number is None else f'v{c.version.number}'}: "
                f"{c.title}",
            )
            for c in commitments
        ]
        self.fields["linked_milestone"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (m.pk, f"{m.commitment.title}: {m.title}") for m in milestones
        ]

    def clean_merged_into(self) -> int | None:
        value = self.cleaned_data["merged_into"].strip().lstrip("#").split("-")[-1]
        if not value:
            return None
        if not value.isdigit():
            raise forms.ValidationError(_("Give the other input's number, e.g. 12."))
        return int(value)


class IntroductionForm(BoundedForm):
    introduction = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Introduction"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("Separate paragraphs with an empty line: each paragraph can be commented."),
    )
    changelog = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What changed in this version"),
        widget=forms.Textarea,
        required=False,
    )
    comments_open_from = forms.DateField(
        label=_("Comments open on"), required=False, widget=DateInput()
    )
    comments_close_on = forms.DateField(
        label=_("Comments close on"), required=False, widget=DateInput()
    )
    is_final = forms.BooleanField(
        label=_("This is the final version for submission"), required=False
    )


class CommitmentForm(BoundedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    problem = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Problem to solve (with its baseline)"),
        widget=forms.Textarea,
    )
    status_quo = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What has been done so far"),
        widget=forms.Textarea,
        required=False,
    )
    objective = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("What the commitment is: objective and expected results"),
        widget=forms.Textarea,
    )
    how_it_helps = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("How it will help solve the problem"),
        widget=forms.Textarea,
        required=False,
    )
    relevance_transparency = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to transparency"),
        widget=forms.Textarea,
        required=False,
    )
    relevance_participation = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to civic participation"),
        widget=forms.Textarea,
        required=False,
    )
    relevance_accountability = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Relevance to public accountability"),
        widget=forms.Textarea,
        required=False,
    )
    lead_institution = forms.CharField(label=_("Lead implementing institution"), max_length=300)
    supporting_institutions = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Supporting government institutions"),
        widget=forms.Textarea,
        required=False,
    )
    supporting_civil_society = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Supporting civil society and other stakeholders"),
        widget=forms.Textarea,
        required=False,
    )
    starts_on = forms.DateField(label=_("Starts on"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())
    policy_area = forms.ChoiceField(
        label=_("Policy area"), choices=[("", "—"), *FocusAreaCode.choices], required=False
    )


class MilestoneForm(BoundedForm):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    expected_output = forms.CharField(label=_("Expected output"), max_length=300, required=False)
    due_on = forms.DateField(
        label=_("Expected completion date"), required=False, widget=DateInput()
    )


class AssessmentForm(BoundedForm):
    code = forms.ChoiceField(label=_("Requirement"), choices=[])
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("met", _("Met")), ("at_risk", _("At risk")), ("not_met", _("Not met"))],
    )
    note = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Evidence or note"),
        widget=forms.Textarea,
        required=False,
    )

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [(c, c) for c in codes]  # type: ignore[attr-defined]


class ShadowPlanForm(BoundedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Summary"), widget=forms.Textarea, required=False
    )


class EditorForm(BoundedForm):
    email = forms.EmailField(label=_("E-mail address of the co-editor's account"))


class ShadowProposeForm(BoundedForm):
    plan: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Action plan in co-creation"), queryset=CoCreationPlan.objects.none()
    )

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]


class DocumentForm(BoundedForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("PDF file"))


class AnonymousProposalForm(HoneypotFormMixin, ProposalForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm the proposal; the address is not published."),
    )
