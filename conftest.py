"""Fixtures shared by every app's tests."""

import os
from pathlib import Path

import pytest

SHARED_DATA_DEFAULT = Path(__file__).resolve().parent.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads go to a fresh temporary folder for each test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _english_by_default():
    """A page requested in French must not leave French active for the next test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached pages must not leak from one test to the next."""
    from django.core.cache import cache

    from ogp.api.throttling import forget_local_counts
    from ogp.plans.selectors import forget_known_ids

    cache.clear()
    forget_local_counts()
    forget_known_ids()
    yield
    cache.clear()
    forget_local_counts()
    forget_known_ids()


@pytest.fixture(autouse=True)
def _force_login_includes_second_factor(monkeypatch):
    """`force_login` stands for a completed login: for a user with an authenticator, that login
    passed the second factor, which the staff middleware checks per session. Tests of the login
    itself (admin login without a code, password-only sessions) post to the real forms."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.account.internal.userkit import user_id_to_str
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None):  # type: ignore[no-untyped-def]
        original(self, user, backend)
        from allauth.mfa.models import Authenticator

        device = Authenticator.objects.filter(user_id=user.pk).first()
        if device is None:
            return
        session = self.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": 0.0, "email": user.email},
            {"method": "mfa", "at": 0.0, "id": device.pk, "type": device.type},
        ]
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


@pytest.fixture
def shared_data_dir() -> Path:
    """The real third-party files (../shared/data or $OGP_SHARED_DATA); skip when absent."""
    path = Path(os.environ.get("OGP_SHARED_DATA", SHARED_DATA_DEFAULT))
    if not path.is_dir():
        pytest.skip(
            f"Real third-party data not found at {path}: set OGP_SHARED_DATA to the folder that "
            "holds vdem/, ibp_obs/, eiu/, ogp/ and crosswalk/ to run this test."
        )
    return path


@pytest.fixture
def country(db):
    from ogp.countries.tests.factories import CountryFactory

    return CountryFactory(
        iso2="ZZ", iso3="ZZA", name_en="Zedland", name_fr="Zédie", name_es="Zedia"
    )


@pytest.fixture
def other_country(db):
    from ogp.countries.tests.factories import CountryFactory

    return CountryFactory(
        iso2="ZY", iso3="ZYB", name_en="Ypsland", name_fr="Ypsie", name_es="Ypsia"
    )


@pytest.fixture
def user(db):
    from ogp.accounts.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff_user(db):
    from ogp.accounts.tests.factories import StaffUserFactory

    return StaffUserFactory()


@pytest.fixture
def government_user(db, country):
    from ogp.accounts.tests.factories import GovernmentUserFactory

    return GovernmentUserFactory(country=country)


@pytest.fixture
def other_government_user(db, other_country):
    from ogp.accounts.tests.factories import GovernmentUserFactory

    return GovernmentUserFactory(country=other_country)


@pytest.fixture
def civil_society_user(db):
    from ogp.accounts.tests.factories import CivilSocietyUserFactory

    return CivilSocietyUserFactory()


@pytest.fixture
def researcher_user(db):
    from ogp.accounts.tests.factories import ResearcherUserFactory

    return ResearcherUserFactory()


@pytest.fixture(params=[0, 1024 * 1024], ids=["shared copies", "and each worker's own"])
def each_copy_tier(settings, request):
    """Runs a test with the shared cache's stored copies alone, then with each worker's own
    copies too (ogp/core/local_copies.py; off in the test settings)."""
    from ogp.core.local_copies import local_copies

    settings.OGP_LOCAL_COPIES_BYTES = request.param
    local_copies().clear()
    yield request.param
    local_copies().clear()


@pytest.fixture
def client_for(client):
    """`client_for(user)` returns the test client logged in as `user` (None = anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


# Permission grids: every app tests its permissions for these seven roles (docs/development.md).
ROLES = [
    "anonymous",
    "public",
    "government",
    "other_government",
    "civil_society",
    "researcher",
    "staff",
]


@pytest.fixture
def actors(
    user, government_user, other_government_user, civil_society_user, researcher_user, staff_user
):
    """Role name -> user (anonymous: Django's AnonymousUser) for permission grids."""
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": AnonymousUser(),
        "public": user,
        "government": government_user,
        "other_government": other_government_user,
        "civil_society": civil_society_user,
        "researcher": researcher_user,
        "staff": staff_user,
    }
