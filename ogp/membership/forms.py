from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ogp.accounts.models import Role, User
from ogp.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH
from ogp.countries.models import MembershipStatus
from ogp.organisations.fields import CheckboxLabelMixin, WebAddressField

from .domain.onboarding import ChecklistItem
from .domain.status import Requirement
from .models import CoChairs, Inquiry, LeadAgency, LetterOfIntent, OnboardingStep
from .services import LETTER_FIELDS


class LetterForm(CheckboxLabelMixin, forms.ModelForm):
    # the version the form was opened at: a save from a stale form is refused (lost updates)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = LetterOfIntent
        fields = LETTER_FIELDS
        widgets = {
            "past_reforms": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "language": _("The letter is written and published in this language."),
            "past_reforms": _(
                "Describe the open government reforms your government has carried out "
                "(separate paragraphs with an empty line)."
            ),
            "signatory_name": _(
                "A ministerial-level official of any government agency authorised by the head "
                "of state or government."
            ),
        }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        language: Any = self.fields["language"]
        language.choices = list(settings.LANGUAGES)
        # Elements are checked on submission, so a draft can be saved unfinished.
        for name in LETTER_FIELDS:
            if name != "language":
                self.fields[name].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class SignedLetterForm(forms.Form):
    signed_pdf = forms.FileField(
        label=_("Signed letter (PDF)"),
        help_text=_("A PDF of the letter, signed. Other file types are refused."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What must the government change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the government by e-mail and shown on the letter's page."),
        max_length=TEXT_MAX_LENGTH,
    )


class CoChairsForm(forms.ModelForm):
    class Meta:
        model = CoChairs
        fields = ["government_co_chair", "civil_society_co_chair", "effective_from"]
        widgets = {"effective_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class LeadAgencyForm(CheckboxLabelMixin, forms.ModelForm):
    website = WebAddressField(label=_("Website"), required=False)

    class Meta:
        model = LeadAgency
        fields = [
            "name",
            "website",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "show_contact_email",
            "point_of_contact",
        ]

    def __init__(self, *args, country, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        field: Any = self.fields["point_of_contact"]
        field.queryset = User.objects.filter(role=Role.GOVERNMENT, country=country, is_active=True)
        field.label_from_instance = lambda u: f"{u.get_full_name()} <{u.email}>"  # type: ignore[attr-defined]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"))


class ContactForm(forms.Form):
    contact = forms.ModelChoiceField(
        label=_("Support Unit country contact"),
        queryset=User.objects.filter(role=Role.SUPPORT_UNIT, is_active=True),
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["contact"].label_from_instance = lambda u: u.get_full_name()  # type: ignore[attr-defined]


class StepForm(forms.Form):
    item = forms.ChoiceField(
        label=_("Step"), choices=OnboardingStep._meta.get_field("item").choices or []
    )
    done_on = forms.DateField(
        label=_("Done on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, done=(), **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        item: Any = self.fields["item"]
        item.choices = [
            (value, label) for value, label in item.choices if ChecklistItem(value) not in done
        ]
        self.fields["done_on"].initial = timezone.localdate()


class InquiryForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=TEXT_MAX_LENGTH,
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=TEXT_MAX_LENGTH
    )


class InquiryStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Inquiry.Status.choices)


class StatusChangeForm(CheckboxLabelMixin, forms.Form):
    target = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the country's public timeline."),
        max_length=TEXT_MAX_LENGTH,
    )
    effective_date = forms.DateField(
        label=_("Effective date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    eligibility_assessment = forms.ChoiceField(
        label=_("Eligibility used for this change"),
        required=False,
        choices=[
            ("", _("The latest published cycle, else the recorded status")),
            ("eligible", _("Assessed eligible through the additional information route")),
            ("not_eligible", _("Assessed not eligible through the additional information route")),
        ],
        help_text=_(
            "Use the additional information route only when independent experts assessed "
            "information the country sent (say so in the reason)."
        ),
    )
    decision_reference = forms.CharField(
        label=_("Steering Committee decision reference"),
        required=False,
        help_text=_("Required for inactivity, suspension and reinstatement."),
        max_length=LINE_MAX_LENGTH,
    )
    consecutive_cycles_below_minimum = forms.IntegerField(
        label=_("Consecutive cycles below the eligibility minimum"),
        min_value=0,
        initial=0,
        help_text=_("For entering or leaving Eligibility Review."),
    )
    # "A finding of acting contrary to process" and "two consecutive cycles" are not typed in:
    # they come from the findings the Support Unit confirmed (selectors.contrary_record).
    contrary_to_process_resolved = forms.BooleanField(
        label=_("The country has corrected its process"),
        required=False,
        help_text=_(
            "For a return to active after acting contrary to process or Procedural Review."
        ),
    )
    withdrawal_notice = forms.BooleanField(
        label=_("The government's withdrawal letter was received"),
        required=False,
        help_text=_("For a change to withdrawn."),
    )

    # Fields asked only when the chosen transition requires them (step 2 of the form).
    FIELDS_FOR_REQUIREMENT = {
        Requirement.ELIGIBLE: "eligibility_assessment",
        Requirement.VALUES_CHECK_PASSED: "eligibility_assessment",
        Requirement.NOT_FULLY_ELIGIBLE: "eligibility_assessment",
        Requirement.MEETS_MINIMUM: "eligibility_assessment",
        Requirement.DECISION_REFERENCE: "decision_reference",
        Requirement.TWO_CYCLES_BELOW_MINIMUM: "consecutive_cycles_below_minimum",
        Requirement.CONTRARY_RESOLVED: "contrary_to_process_resolved",
        Requirement.WITHDRAWAL_NOTICE: "withdrawal_notice",
    }
    ALWAYS = ("target", "reason", "effective_date")

    def __init__(self, *args, targets=(), requires=None, **kwargs):  # type: ignore[no-untyped-def]
        """``requires``: the chosen transition's requirements; only their fields are kept and
        the target is fixed (hidden). ``None``: every field (one-step use)."""
        super().__init__(*args, **kwargs)
        labels = dict(MembershipStatus.choices)
        target: Any = self.fields["target"]
        target.choices = [(t, labels[t]) for t in targets]
        self.fields["effective_date"].initial = timezone.localdate()
        if requires is not None:
            keep = set(self.ALWAYS) | {
                self.FIELDS_FOR_REQUIREMENT[r] for r in requires if r in self.FIELDS_FOR_REQUIREMENT
            }
            for name in list(self.fields):
                if name not in keep:
                    del self.fields[name]
            target.widget = forms.HiddenInput()

    def value(self, name: str, default: Any) -> Any:
        """A cleaned value, or ``default`` for a field this transition does not ask for."""
        return self.cleaned_data.get(name, default)


class AssessmentRequestForm(forms.Form):
    evidence = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Your evidence"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "For each criterion without data (fiscal transparency, access to information, asset "
            "disclosure, citizen engagement), say what exists and since when: the law, the "
            "published budget documents, the declarations."
        ),
    )
    source_url = forms.URLField(
        label=_("Address where the evidence is published"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    document = forms.FileField(label=_("Evidence document (PDF)"), required=False)


class AssessmentDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Result of the assessment"),
        widget=forms.RadioSelect,
        choices=[
            ("eligible", _("Eligible: the country can submit its letter of intent")),
            ("not_eligible", _("Not eligible")),
        ],
    )
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who assessed the evidence and what they found. The government reads it."),
    )
    decided_on = forms.DateField(
        label=_("Assessed on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()
