"""Where the time of one cached anonymous page goes: the full stack versus the lean path.

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python bench/profile_request.py [--path /en/eligibility/2024/] [--requests 2000]

Calls the WSGI application in-process (no network, no gunicorn) with production settings, once
with the lean path off (``OGP_LEAN_CACHE_SECONDS=0``: every middleware runs, the eligibility
view answers from its own page cache) and once with it on, under cProfile, and prints the time
per request and the share of each part (middleware, logging, cache, database, templates...).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTS = [  # first match wins: (label, substring of the file path or function)
    ("request logging (JSON)", "logging"),
    ("request logging (JSON)", "pythonjsonlogger"),
    ("request logging (JSON)", "ogp/core/middleware.py"),
    ("sessions", "contrib/sessions"),
    ("authentication", "contrib/auth"),
    ("allauth (account, MFA check)", "allauth"),
    ("allauth (account, MFA check)", "ogp/accounts/middleware"),
    ("locale and URL resolving", "middleware/locale"),
    ("locale and URL resolving", "django/urls"),
    ("locale and URL resolving", "django/utils/translation"),
    ("CSP", "csp/"),
    ("CSRF", "middleware/csrf"),
    ("security, common, clickjacking", "middleware/security"),
    ("security, common, clickjacking", "middleware/common"),
    ("security, common, clickjacking", "middleware/clickjacking"),
    ("whitenoise", "whitenoise"),
    ("messages", "contrib/messages"),
    ("cache (Redis)", "redis"),
    ("cache (Redis)", "core/cache"),
    ("database", "psycopg"),
    ("database", "django/db"),
    ("templates", "django/template"),
    ("lean path", "ogp/core/cache_middleware"),
    ("eligibility view and page cache", "ogp/eligibility"),
    ("request/response objects", "django/http"),
    ("request/response objects", "django/core/handlers"),
]


def part_of(filename: str, function: str = "") -> str:
    if filename == "~" and any(w in function for w in ("socket", "select", "poll")):
        return "waiting on sockets (Redis, PostgreSQL)"
    for label, needle in PARTS:
        if needle in filename:
            return label
    return "other (Python, WSGI glue)"


def environ(path: str, cookie: str = "") -> dict[str, object]:
    path, _, query = path.partition("?")
    return {
        **({"HTTP_COOKIE": cookie} if cookie else {}),
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }


def measure(
    app, path: str, n: int, cookie: str = "", top: int = 0
) -> tuple[float, dict[str, float]]:  # type: ignore[no-untyped-def]
    def start(status: str, headers: object) -> None:
        # a redirect (to sign in, or to the second factor) is not the page being measured
        assert status.startswith("200"), f"{path}: {status}"

    def call() -> None:
        body = app(environ(path, cookie), start)
        assert b"".join(body)
        body.close()

    for _ in range(20):
        call()
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(n):
        call()
    profile.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profile)
    if top:
        stats.sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(top)
    parts: dict[str, float] = defaultdict(float)
    for (filename, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        parts[part_of(filename, function)] += row[2]  # own time (tottime)
    total = sum(parts.values())
    return elapsed / n, {k: v / total for k, v in parts.items()}


# as bench/volume_http.py: a browser's second page sends back the CSRF cookie of its first
BROWSER_CSRF_COOKIE = "csrftoken=benchBrowserCsrfSecret0123456789"


def staff_cookie() -> str:
    """A session of bench/volume_http.py's staff user, second factor recorded at sign-in."""
    from allauth.account.internal.flows import login as flows
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from ogp.accounts.models import User

    staff, _ = User.objects.get_or_create(
        email="bench-staff@example.org", defaults={"role": "support_unit", "is_staff": True}
    )
    device = Authenticator.objects.filter(user=staff).first() or Authenticator.objects.create(
        user=staff, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(staff.pk)
    session[BACKEND_SESSION_KEY] = "ogp.accounts.backends.PasswordBackend"
    session[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    record = {"method": "mfa", "at": time.time(), "id": device.pk, "type": "totp"}
    session[flows.AUTHENTICATION_METHODS_SESSION_KEY] = [record]
    session[flows._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(staff.pk)
    session.create()
    return f"sessionid={session.session_key}; {BROWSER_CSRF_COOKIE}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", default="")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument(
        "--signed-in",
        action="store_true",
        help="profile a signed-in reader instead (bench/volume_http.py's civil-society user)",
    )
    parser.add_argument(
        "--staff",
        action="store_true",
        help="profile a Support Unit reader whose session has its second factor recorded "
        "(as bench/volume_http.py's staff session), for the staff pages",
    )
    parser.add_argument(
        "--top", type=int, default=0, help="also print the N functions of most cumulative time"
    )
    args = parser.parse_args()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        }
    )
    import logging

    import django
    from django.conf import settings

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    # the production log line goes to a file-like sink, as gunicorn's stderr would
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(io.StringIO())  # type: ignore[arg-type]
    from django.core.handlers.wsgi import WSGIHandler

    from ogp.eligibility.models import Cycle

    cycle = Cycle.objects.filter(state="published").order_by("-year").first()
    path = args.path or f"/en/eligibility/{cycle.year if cycle else 2024}/"
    results = {}
    if args.staff:
        results["staff"] = measure(WSGIHandler(), path, args.requests, staff_cookie(), args.top)
    elif args.signed_in:
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        from ogp.accounts.models import User

        user = User.objects.get(email="bench-member@example.org")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "ogp.accounts.backends.PasswordBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookie = f"sessionid={session.session_key}; {BROWSER_CSRF_COOKIE}"
        results["signed in"] = measure(WSGIHandler(), path, args.requests, cookie, args.top)
    else:
        for label, seconds in (("before: full stack", 0), ("after: lean path", 300)):
            settings.OGP_LEAN_CACHE_SECONDS = seconds
            results[label] = measure(WSGIHandler(), path, args.requests)
    print(f"{path}, {args.requests} requests in-process under cProfile (own time per part)\n")
    labels = sorted({k for _, parts in results.values() for k in parts})
    names = list(results)
    print("| part | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    per_request = [f"**{results[n][0] * 1e3:.3f} ms**" for n in names]
    print("| time per request (with profiler) | " + " | ".join(per_request) + " |")
    order = sorted(labels, key=lambda k: -results[names[0]][1].get(k, 0))
    for part in order:
        cells = []
        for n in names:
            per, parts = results[n]
            share = parts.get(part, 0.0)
            cells.append(f"{share:.0%} ({share * per * 1e3:.3f} ms)" if share >= 0.005 else "—")
        print(f"| {part} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
