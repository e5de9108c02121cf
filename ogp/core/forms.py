"""Form helpers shared by the apps."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS and from assistive tech) and bots fill in."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    honeypot_field_name = "website_url"

    def clean_website_url(self) -> str:
        value = self.cleaned_data.get("website_url", "")
        if value:
            raise forms.ValidationError(_("This submission looks automated and was refused."))
        return value
