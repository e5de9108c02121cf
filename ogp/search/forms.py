from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DocumentKind


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *DocumentKind.choices]
    )
    country = forms.RegexField(
        regex=r"^[A-Za-z]{3}$", max_length=3, required=False, widget=forms.HiddenInput
    )
    area = forms.SlugField(max_length=40, required=False, widget=forms.HiddenInput)
    year = forms.IntegerField(
        min_value=1900, max_value=2999, required=False, widget=forms.HiddenInput
    )
    page = forms.IntegerField(min_value=1, max_value=50, required=False, widget=forms.HiddenInput)
