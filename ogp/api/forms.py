from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Scope


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “nightly import script”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What the token may write"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Reading needs no token. A scope never goes beyond your role: a government token "
            "writes only for its own country."
        ),
    )
