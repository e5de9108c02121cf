import datetime
from pathlib import Path

import pytest

import ogp.eligibility
from ogp.eligibility import services as eligibility_services

FIX = Path(ogp.eligibility.__file__).resolve().parent / "tests" / "fixtures"
FILES = [
    "crosswalk_small.csv",
    "research_small.csv",
    "obs_small.csv",
    "eiu_small.csv",
    "vdem_small.csv",
]


@pytest.fixture
def namibia(db):
    from ogp.countries.tests.factories import CountryFactory

    return CountryFactory(
        iso2="NA",
        iso3="NAM",
        name_en="Namibia",
        name_fr="Namibie",
        name_es="Namibia",
        region="africa",
    )


@pytest.fixture
def imported(db, namibia, country):
    eligibility_services.ruleset_seed_shipped()
    releases = {}
    for name in FILES:
        release, _ = eligibility_services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2023, 3, 1),
        )
        releases[release.kind] = release
    return releases


@pytest.fixture
def published_cycle(imported, staff_user):
    cycle = eligibility_services.cycle_open(acting_user=staff_user, year=2023)
    cycle = eligibility_services.cycle_compute(acting_user=staff_user, cycle=cycle)
    return eligibility_services.cycle_publish(acting_user=staff_user, cycle=cycle)


@pytest.fixture
def open_cycle(imported, staff_user):
    return eligibility_services.cycle_open(acting_user=staff_user, year=2024)


@pytest.fixture
def participation_data(country):
    from ogp.organisations.tests.factories import OrganisationFactory
    from ogp.participation.tests.factories import (
        EventFactory,
        ForumFactory,
        MeetingFactory,
        MembershipFactory,
    )

    org = OrganisationFactory(country=country, name="Transparence Zédie")
    OrganisationFactory(country=country, is_hidden=True, name="Hidden one")
    forum = ForumFactory(country=country)
    for _ in range(3):
        MembershipFactory(forum=forum, organisation=org)
    for day in range(3):
        MeetingFactory(forum=forum, date=datetime.date(2026, 1, 1 + day))
    for _ in range(3):
        EventFactory(country=country, organisation=org, forum=forum)
    return {"forum": forum, "organisation": org}


@pytest.fixture
def letters(country, other_country):
    from ogp.membership.tests.factories import LetterFactory

    accepted = [
        LetterFactory(country=c, state="accepted", language="fr", past_reforms="Réformes passées")
        for c in (country, other_country)
    ]
    draft = LetterFactory(country=country, state="draft")
    return {"accepted": accepted, "draft": draft}


@pytest.fixture
def api(client):
    """The Django test client speaking JSON to /api/v1/."""
    return client


def token_for(user, scopes):
    from ogp.api.services import api_token_create

    _token, secret = api_token_create(acting_user=user, name="test", scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
