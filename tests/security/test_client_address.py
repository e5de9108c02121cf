"""Findings 2 and 3: one trusted client address; limits shared by every worker."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse

from ogp.accounts.tests.factories import PASSWORD, UserFactory
from ogp.core import ratelimit
from ogp.core.checks import shared_cache_check
from ogp.core.clientip import client_ip
from ogp.core.db_cache import DatabaseCache
from ogp.participation.tests.factories import civil_society_list

ROOT = Path(__file__).resolve().parents[2]
NGINX = "127.0.0.1"  # the documented proxy, on the same machine


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.9", None, "203.0.113.9"),
        (0, "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # no proxy: header is the client's
        (1, NGINX, "198.51.100.1", "198.51.100.1"),
        (1, NGINX, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # forged first entry ignored
        (1, NGINX, "6.6.6.6,7.7.7.7,198.51.100.1", "198.51.100.1"),
        (2, NGINX, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, NGINX, "198.51.100.1", "198.51.100.1"),
        (1, NGINX, "not-an-address", NGINX),
        (1, NGINX, "", NGINX),
        (1, NGINX, "[2001:db8::1]:443", "2001:db8::1"),
        (1, NGINX, "198.51.100.1:5555", "198.51.100.1"),
        (0, "garbage", None, "0.0.0.0"),  # noqa: S104 - an unknown address, not a bind
    ],
)
def test_client_address_trusts_only_our_proxies(settings, count, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(remote, forwarded)) == expected


def test_allauth_uses_the_same_address(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from(NGINX, "6.6.6.6, 198.51.100.1")
    assert get_adapter(request).get_client_ip(request) == "198.51.100.1"


@pytest.mark.django_db
def test_forged_forwarded_for_does_not_escape_the_subscription_limit(client):
    data = {"email": "x@example.org", "lists": [civil_society_list().pk], "language": "en"}
    url = reverse("participation:mailing-list-signup")
    statuses = [
        client.post(url, data, HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code for i in range(15)
    ]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}


@pytest.mark.django_db
def test_behind_the_proxy_one_attacker_does_not_lock_out_other_visitors(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    victim, other = UserFactory(), UserFactory()
    for _ in range(12):
        client.post(
            "/en/accounts/login/",
            {"login": victim.email, "password": "wrong"},
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    response = client.post(
        "/en/accounts/login/",
        {"login": other.email, "password": PASSWORD},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.django_db
def test_limits_hold_across_workers_on_the_default_database_cache(monkeypatch):
    """Two workers are two cache objects; the database cache makes them count together."""
    cache_settings = {
        "default": {
            "BACKEND": "ogp.core.db_cache.DatabaseCache",
            "LOCATION": "ogp_cache",
        }
    }
    with override_settings(CACHES=cache_settings):
        call_command("createcachetable", verbosity=0)
        workers = [DatabaseCache("ogp_cache", {}), DatabaseCache("ogp_cache", {})]
        request = request_from("198.51.100.1")
        allowed = []
        for hit in range(6):
            monkeypatch.setattr(ratelimit, "cache", workers[hit % 2])
            allowed.append(ratelimit.check_rate(request, "test", 5, 60))
        assert allowed == [True] * 5 + [False]


def test_a_per_process_cache_lets_each_worker_count_alone(monkeypatch):
    """What the deploy check guards against: with memory caches, 6 hits all pass a limit of 5."""
    workers = [LocMemCache("worker-1", {}), LocMemCache("worker-2", {})]
    request = request_from("198.51.100.1")
    allowed = []
    for hit in range(6):
        monkeypatch.setattr(ratelimit, "cache", workers[hit % 2])
        allowed.append(ratelimit.check_rate(request, "test", 5, 60))
    assert allowed == [True] * 6


LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DBCACHE = {"default": {"BACKEND": "ogp.core.db_cache.DatabaseCache", "LOCATION": "t"}}


@pytest.mark.parametrize(
    ("caches", "workers", "errors"),
    [(LOCMEM, 3, ["ogp.E001"]), (LOCMEM, 0, ["ogp.E001"]), (LOCMEM, 1, []), (DBCACHE, 3, [])],
)
def test_deploy_check_refuses_a_per_process_cache_with_several_workers(
    settings, caches, workers, errors
):
    settings.CACHES = caches
    settings.WEB_CONCURRENCY = workers
    assert [error.id for error in shared_cache_check(None)] == errors


def _production_check(**env: str) -> subprocess.CompletedProcess[str]:
    base = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "check-only-" + "x" * 60,
        "ALLOWED_HOSTS": "ogp.example.org",
        "DATABASE_URL": "sqlite:////tmp/ogp-deploy-check.sqlite3",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_default_cache_is_shared_and_passes_the_deploy_check():
    result = _production_check()
    assert result.returncode == 0, result.stderr
    assert "ogp.E001" not in result.stderr + result.stdout


@pytest.mark.django_db
def test_a_used_totp_code_is_refused_by_every_worker_on_the_default_cache(staff_user):
    """The used-code marker is in the shared cache: a second worker (a fresh cache object on
    the same table) refuses the replay too."""
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal import auth as totp_auth
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

    secret = "JBSWY3DPEHPK3PXP"
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    device = Authenticator.objects.get(user=staff_user)
    cache_settings = {
        "default": {
            "BACKEND": "ogp.core.db_cache.DatabaseCache",
            "LOCATION": "ogp_cache",
        }
    }
    with override_settings(CACHES=cache_settings):
        call_command("createcachetable", verbosity=0)
        first, second = DatabaseCache("ogp_cache", {}), DatabaseCache("ogp_cache", {})
        original = totp_auth.cache
        try:
            totp_auth.cache = first
            assert TOTP(device).validate_code(code)
            totp_auth.cache = second
            assert not TOTP(device).validate_code(code)
        finally:
            totp_auth.cache = original
