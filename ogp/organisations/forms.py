from django import forms
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import limit_free_text
from ogp.countries.models import Country

from .fields import CountryChoiceField, WebAddressField
from .models import FocusArea, Organisation


class OrganisationForm(forms.ModelForm):
    website = WebAddressField(label=_("Website"), required=False)
    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.all(), required=False)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "country", "website", "description", "contact_email",
            "contact_phone", "focus_areas",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        limit_free_text(self)
