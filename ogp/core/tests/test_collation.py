"""Names sort by the language's collation, in pages and in exports."""

import csv
import io

import pytest
from django.utils import translation

from ogp.core.collation import collation_key


@pytest.mark.parametrize(
    ("language", "names", "expected"),
    [
        ("en", ["Croatia", "Côte d'Ivoire", "Costa Rica"],
         ["Costa Rica", "Côte d'Ivoire", "Croatia"]),
        ("en", ["Tuvalu", "Türkiye", "Turkmenistan"], ["Türkiye", "Turkmenistan", "Tuvalu"]),
        ("fr", ["Zimbabwe", "Égypte", "Espagne", "Équateur"],
         ["Égypte", "Équateur", "Espagne", "Zimbabwe"]),
        ("fr", ["Croatie", "Côte d’Ivoire"], ["Côte d’Ivoire", "Croatie"]),
        ("es", ["Nueva Zelanda", "Ñandú", "Omán"], ["Nueva Zelanda", "Ñandú", "Omán"]),
        ("es", ["Túnez", "Turquía", "Tuvalu"], ["Túnez", "Turquía", "Tuvalu"]),
    ],
)  # fmt: skip
def test_collation_per_language(language, names, expected):
    with translation.override(language):
        assert sorted(names, key=collation_key) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_country_list_page_is_in_collation_order(client, language):
    from ogp.countries.tests.factories import CountryFactory

    CountryFactory(iso2="HR", iso3="HRV", name_en="Croatia", name_fr="Croatie", name_es="Croacia")
    CountryFactory(iso2="CI", iso3="CIV", name_en="Côte d'Ivoire", name_fr="Côte d’Ivoire",
                   name_es="Côte d’Ivoire")  # fmt: skip
    CountryFactory(iso2="EG", iso3="EGY", name_en="Egypt", name_fr="Égypte", name_es="Egipto")
    CountryFactory(iso2="ZW", iso3="ZWE", name_en="Zimbabwe", name_fr="Zimbabwe",
                   name_es="Zimbabue")  # fmt: skip
    html = client.get(f"/{language}/countries/").content.decode()
    positions = [
        html.index(f"/{language}/countries/{iso3}/") for iso3 in ["CIV", "HRV", "EGY", "ZWE"]
    ]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_member_csv_carries_names_in_the_requested_language(client, country):
    from ogp.countries.models import MembershipStatus

    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    rows = list(csv.DictReader(io.StringIO(client.get("/es/members/members.csv").content.decode())))
    assert rows[0]["name"] == "Zedia" and rows[0]["name_en"] == "Zedland"
