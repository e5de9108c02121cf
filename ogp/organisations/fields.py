"""Form fields shared by the organisation and participation forms."""

from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from ogp.core.collation import collation_key


def name_sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order as readers of the current language expect it (ogp.core.collation)."""
    return collation_key(name)


class _ByLocalisedName(ModelChoiceIterator):
    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted(self.queryset, key=lambda country: name_sort_key(country.name)):
            yield self.choice(obj)


class CountryChoiceField(forms.ModelChoiceField):
    """Countries listed in the order of their names in the reader's language.

    The table is ordered by English name, which in French puts "Allemagne" under G and
    "États-Unis" under U.
    """

    iterator = _ByLocalisedName


class WebAddressField(forms.URLField):
    """A web address that accepts what people type ("www.example.org"): the browser's own
    type="url" check would refuse it without "https://", in the browser's language rather than
    the page's, before the server adds the scheme."""

    widget = forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 500)  # like every free-text field, bounded
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class CheckboxLabelMixin:
    """A checkbox label is a sentence after the box ("We endorse the Declaration"): no colon."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field.widget, forms.CheckboxInput):
                field.label_suffix = ""
