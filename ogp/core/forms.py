"""Form helpers shared by the apps."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Every free-text field has a limit (tests/security/test_text_limits.py checks every form):
# unbounded text is a cheap way to fill the database and slow down pages and PDFs.
LINE_MAX_LENGTH = 255
URL_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 20_000


def limit_free_text(form: forms.BaseForm) -> None:
    """Bound the text fields a ModelForm builds from unbounded TextFields."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not field.max_length:
            field.max_length = TEXT_MAX_LENGTH
            field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
            field.widget.attrs.setdefault("maxlength", str(TEXT_MAX_LENGTH))


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS and from assistive tech) and bots fill in."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        max_length=LINE_MAX_LENGTH,
    )

    honeypot_field_name = "website_url"

    def clean_website_url(self) -> str:
        value = self.cleaned_data.get("website_url", "")
        if value:
            raise forms.ValidationError(_("This submission looks automated and was refused."))
        return value


class BoundedForm(forms.Form):
    """A form whose text fields without an explicit limit get TEXT_MAX_LENGTH."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        limit_free_text(self)
