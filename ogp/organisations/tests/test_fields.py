"""Country lists follow the reader's alphabet, not the English order of the table."""

import pytest
from django.utils import translation

from ogp.countries.tests.factories import CountryFactory
from ogp.organisations.fields import name_sort_key
from ogp.organisations.forms import OrganisationForm

pytestmark = pytest.mark.django_db


def test_sort_key_ignores_accents_and_case():
    names = ["Équateur", "Allemagne", "égypte", "Estonie", "Zambie"]
    assert sorted(names, key=name_sort_key) == [
        "Allemagne", "égypte", "Équateur", "Estonie", "Zambie"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Algeria", "Germany", "United States"]),
        ("fr", ["Algérie", "Allemagne", "États-Unis"]),
        ("es", ["Alemania", "Argelia", "Estados Unidos"]),
    ],
)
def test_country_choices_in_the_readers_alphabet(language, expected):
    from ogp.countries.models import Country

    Country.objects.all().delete()
    CountryFactory(iso2="DZ", iso3="DZA", name_en="Algeria", name_fr="Algérie", name_es="Argelia")
    CountryFactory(iso2="DE", iso3="DEU", name_en="Germany", name_fr="Allemagne",
                   name_es="Alemania")  # fmt: skip
    CountryFactory(iso2="US", iso3="USA", name_en="United States", name_fr="États-Unis",
                   name_es="Estados Unidos")  # fmt: skip
    with translation.override(language):
        labels = [label for value, label in OrganisationForm().fields["country"].choices if value]
    assert labels == expected


def test_event_form_lists_countries_in_the_readers_alphabet():
    from ogp.countries.models import Country
    from ogp.participation.forms import EventForm

    Country.objects.all().delete()
    CountryFactory(iso2="DE", iso3="DEU", name_en="Germany", name_fr="Allemagne",
                   name_es="Alemania")  # fmt: skip
    CountryFactory(iso2="DZ", iso3="DZA", name_en="Algeria", name_fr="Algérie", name_es="Argelia")
    with translation.override("es"):
        labels = [label for value, label in EventForm().fields["country"].choices if value]
    assert labels == ["Alemania", "Argelia"]


@pytest.mark.parametrize(
    "form_path",
    [
        "ogp.organisations.forms.OrganisationForm",
        "ogp.participation.forms.ForumForm",
        "ogp.participation.forms.EventForm",
    ],
)
def test_web_addresses_typed_without_scheme_are_accepted(form_path):
    import importlib

    module, name = form_path.rsplit(".", 1)
    form_class = getattr(importlib.import_module(module), name)
    field_name = "online_url" if name == "EventForm" else "website"
    field = form_class().fields[field_name]
    assert 'type="text"' in field.widget.render(field_name, "")
    assert field.clean("www.example.org") == "https://www.example.org"


def test_lead_agency_website_typed_without_scheme(country):
    from ogp.membership.forms import LeadAgencyForm

    form = LeadAgencyForm(data={"name": "Ministry", "website": "gov.example.org"}, country=country)
    form.is_valid()
    assert "website" not in form.errors
    assert form.cleaned_data["website"] == "https://gov.example.org"
    assert 'inputmode="url"' in str(form["website"])


def test_checkbox_labels_have_no_colon():
    from ogp.membership.forms import LetterForm
    from ogp.participation.forms import SubscribeForm

    with translation.override("es"):
        label = LetterForm()["endorses_declaration"].label_tag()
        assert label.endswith("Gobierno Abierto</label>")
        assert SubscribeForm()["email"].label_tag().endswith(":</label>")
