"""Forms of the engagement pages: parse input only; services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import TEXT_MAX_LENGTH, HoneypotFormMixin

from .models import FrequencyChoices


class ReportForm(HoneypotFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this content?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding (shown to the author)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX_LENGTH,
    )


class DigestPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Send me a digest"), choices=FrequencyChoices.choices, widget=forms.RadioSelect
    )
