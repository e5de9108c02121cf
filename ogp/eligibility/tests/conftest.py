import datetime
from pathlib import Path

import pytest

from ogp.countries.models import MembershipStatus
from ogp.countries.tests.factories import CountryFactory
from ogp.eligibility import services

FIX = Path(__file__).resolve().parent / "fixtures"
FILES = [
    "crosswalk_small.csv",
    "research_small.csv",
    "obs_small.csv",
    "eiu_small.csv",
    "vdem_small.csv",
]


@pytest.fixture
def namibia(db):
    return CountryFactory(
        iso2="NA",
        iso3="NAM",
        name_en="Namibia",
        name_fr="Namibie",
        name_es="Namibia",
        region="africa",
    )


@pytest.fixture
def rulesets(db):
    services.ruleset_seed_shipped()


@pytest.fixture
def imported(db, rulesets, namibia, country):
    """Fixture files imported: Namibia (NAM) and Zedland (ZZA, the conftest `country`)."""
    releases = {}
    for name in FILES:
        release, _created = services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2023, 3, 1),
        )
        releases[release.kind] = release
    return releases


@pytest.fixture
def zedland_member(country):
    country.membership_status = MembershipStatus.ACTIVE
    country.save()
    return country


@pytest.fixture(autouse=True)
def _english():
    """Requests activate their language on the thread; start every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Published pages are cached by cycle/result ids, which repeat across test databases."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
