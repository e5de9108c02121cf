from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import LINE_MAX_LENGTH

from .models import MembershipStatus, Region


class CountryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or code"), required=False, max_length=LINE_MAX_LENGTH)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    status = forms.ChoiceField(
        label=_("OGP status"),
        required=False,
        choices=[("", _("All statuses")), *MembershipStatus.choices],
    )
