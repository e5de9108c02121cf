"""Side by side under load: each page as a ratio to a bare Django view in the same run.

(Named volume_http.py, not http.py: a bench/http.py would hide the standard library's http
package from every script in this folder, eligibility_http.py included.)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ogp_scale REDIS_URL=redis://127.0.0.1:6379/6 \\
        .venv/bin/python bench/volume_http.py [--seconds 4] [--runs 3] [--port 8111]

Fill the database first with ``bench/volume.py`` (100x volume). Starts gunicorn (2 sync
workers, production settings, the Redis cache) for the platform and another for the floor
(``bench/floor.py``: a view returning 2 bytes, no middleware), on 127.0.0.1 only, and stops
both at the end. Then, ``--runs`` times, runs ``wrk -c50`` for ``--seconds`` on the floor and on
every page in turn (interleaved: a slower or busier moment of the machine hits all pages of that
run alike) and prints the medians: requests/s, p99, time-outs, ratio to the floor of the same
run, HTML size. ``wrk`` comes from Debian (``make bench-deps``).

Signed-in pages use sessions made here for a civil-society user and a Support Unit user (with
a TOTP authenticator, so the staff two-factor rule lets them through).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from harness import GUNICORN, PY, ROOT, production_env, run_wrk

SETUP = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from allauth.mfa.models import Authenticator
from ogp.accounts.models import User
from ogp.eligibility.models import Cycle
from ogp.countries.models import Country
def session(email, **fields):
    user, _ = User.objects.get_or_create(email=email, defaults=fields)
    for k, v in fields.items():
        setattr(user, k, v)
    user.save()
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "ogp.accounts.backends.PasswordBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return user, s.session_key
user, member = session("bench-member@example.org", role="civil_society")
staff, staff_key = session("bench-staff@example.org", role="support_unit", is_staff=True)
if not Authenticator.objects.filter(user=staff).exists():
    Authenticator.objects.create(user=staff, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
# the staff rule wants a second factor entered in this session, as a real sign-in records it
import time
from allauth.account.internal.flows import login as flows
s = SessionStore(session_key=staff_key)
device = Authenticator.objects.get(user=staff)
record = {"method": "mfa", "at": time.time(), "id": device.pk, "type": "totp"}
s[flows.AUTHENTICATION_METHODS_SESSION_KEY] = [record]
s[flows._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(staff.pk)
s.save()
cycle = Cycle.objects.filter(state="published").order_by("-year").first()
print("RESULT", member, staff_key, cycle.year if cycle else 0)
"""


# A browser sends back the CSRF cookie it got with its first page; without it every answer
# would make a new secret and set the cookie again, which no real reader's second page pays.
BROWSER_CSRF_COOKIE = "csrftoken=benchBrowserCsrfSecret0123456789"


def wrk(url: str, seconds: int, cookie: str | None) -> dict[str, float]:
    headers = {"Cookie": f"sessionid={cookie}; {BROWSER_CSRF_COOKIE}"} if cookie else None
    return run_wrk(url, seconds=seconds, clients=50, headers=headers)


def size(url: str, cookie: str | None) -> tuple[int, int]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}; {BROWSER_CSRF_COOKIE}")
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.geturl() != url:  # redirected (to a sign-in or code page): not the page
            return 302, 0
        return response.status, len(response.read())


def drain(url: str) -> None:
    """Wait until the server answers at once: sync workers still serve the connections a
    finished wrk run left in the listen queue, which would otherwise count against the next
    page."""
    for _ in range(120):
        started = time.perf_counter()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=30).read()
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.25)


def wait_up(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8111)
    parser.add_argument("--floor-port", type=int, default=8112)
    parser.add_argument("--country", default="KEN")
    parser.add_argument("--only", default="", help="only pages whose label contains this")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: make bench-deps (apt-get install wrk)")
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith("postgres"):
        sys.exit("set DATABASE_URL to the PostgreSQL database filled by bench/volume.py")
    with tempfile.TemporaryDirectory() as tmp:
        env = production_env(
            tmp,
            DATABASE_URL=database,
            REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/6"),
            LOG_LEVEL=os.environ.get("LOG_LEVEL", "INFO"),
        )
        manage = [PY, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
        out = subprocess.run(
            [*manage, "shell", "-c", SETUP], env=env, check=True, capture_output=True, text=True
        ).stdout
        _, member, staff, year = out.strip().splitlines()[-1].split()
        clear = "from django.core.cache import cache; cache.clear()"
        subprocess.run([*manage, "shell", "-c", clear], env=env, check=True)
        base = f"http://127.0.0.1:{args.port}"
        c = args.country
        pages: list[tuple[str, str, str | None]] = [
            ("home (anonymous)", "/en/", None),
            ("score sheet (anonymous)", f"/en/eligibility/{year}/", None),
            ("country result (anonymous)", f"/en/eligibility/country/{c}/", None),
            ("map (anonymous)", f"/en/eligibility/{year}/map/", None),
            ("methodology (anonymous)", "/en/eligibility/methodology/", None),
            ("forum list", "/en/participate/forums/", None),
            ("forum list, page 20", "/en/participate/forums/?page=20", None),
            ("event list", "/en/participate/events/", None),
            ("directory", "/en/participate/directory/", None),
            ("directory, search", "/en/participate/directory/?q=budget", None),
            ("member list", "/en/members/", None),
            (f"country hub /en/countries/{c}/", f"/en/countries/{c}/", None),
            ("forum list, signed in", "/en/participate/forums/", member),
            ("event list, signed in", "/en/participate/events/", member),
            ("directory, signed in", "/en/participate/directory/", member),
            ("staff forum compliance", "/en/participate/staff/forums/", staff),
            ("audit log (staff)", "/en/audit/", staff),
            ("audit log page 100 (staff)", "/en/audit/?page=100", staff),
            ("staff user list", "/en/account/staff/users/", staff),
            ("moderation queue (staff)", "/en/participate/staff/moderation/", staff),
            ("score sheet, signed in", f"/en/eligibility/{year}/", member),
            ("country eligibility page, signed in", f"/en/eligibility/country/{c}/", member),
        ]
        if args.only:
            pages = [p for p in pages if args.only in p[0]]
        log = open(f"{tmp}/gunicorn.log", "w")  # noqa: SIM115
        shm = "/dev/shm"  # noqa: S108 (heartbeat files in memory, as the README's unit has them)
        common = ["-w", "2", "-k", "sync", "--log-level", "warning", "--backlog", "2048",
                  "--worker-tmp-dir", shm]  # fmt: skip
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{args.port}", *common],
            env=env, cwd=ROOT, stdout=log, stderr=log,
        )  # fmt: skip
        floor = subprocess.Popen(
            [GUNICORN, "bench.floor", "-b", f"127.0.0.1:{args.floor_port}", *common],
            env={**env, "DJANGO_SETTINGS_MODULE": ""}, cwd=ROOT, stdout=log, stderr=log,
        )  # fmt: skip
        try:
            wait_up(f"{base}/health/")
            wait_up(f"http://127.0.0.1:{args.floor_port}/")
            sizes = {}
            for label, path, cookie in pages:
                for _ in range(4):  # warm both workers and the cache
                    status, length = size(base + path, cookie)
                assert status == 200, (label, status)
                sizes[label] = length
            results: dict[str, list[dict[str, float]]] = {label: [] for label, _, _ in pages}
            floors: list[float] = []
            floor_p99s: list[float] = []
            floor_url = f"http://127.0.0.1:{args.floor_port}/"
            for run in range(args.runs):
                # the floor before and after the run's pages: a run whose machine got busier
                # or quieter midway is compared with the mean of both
                before = wrk(floor_url, args.seconds, None)
                measured = []
                for label, path, cookie in pages:
                    drain(f"{base}/health/")
                    measured.append((label, wrk(base + path, args.seconds, cookie)))
                after = wrk(floor_url, args.seconds, None)
                floor_rps = (before["rps"] + after["rps"]) / 2
                floors.append(floor_rps)
                floor_p99s.append((before["p99"] + after["p99"]) / 2)
                for label, r in measured:
                    r["ratio"] = r["rps"] / floor_rps
                    results[label].append(r)
                print(
                    f"run {run + 1}/{args.runs}: floor {before['rps']:,.0f} before, "
                    f"{after['rps']:,.0f} after the pages (requests/s)",
                    flush=True,
                )
        finally:
            for process in (server, floor):
                process.terminate()
                process.wait(timeout=20)
            log.close()
    med = statistics.median
    print(
        f"\nfloor (bare Django view, 2 bytes): {med(floors):,.0f} requests/s, p99 "
        f"{med(floor_p99s):.1f} ms (median of {args.runs} runs, each the mean of the floor "
        f"before and after its pages); wrk -c50 -d{args.seconds}s; gunicorn 2 sync workers\n"
    )
    print("| page (100x volume) | requests/s | p99 | time-outs | ratio to floor | HTML size |")
    print("|---|---|---|---|---|---|")
    for label, _, _ in pages:
        rows = results[label]
        rps = med(r["rps"] for r in rows)
        p99 = med(r["p99"] for r in rows)
        timeouts = med(r["timeouts"] for r in rows)
        errors = med(r["errors"] for r in rows)
        ratio = med(r["ratio"] for r in rows)
        extra = f", {errors:.0f} non-2xx" if errors else ""
        print(
            f"| {label} | {rps:,.0f} | {p99:.1f} ms | {timeouts:.0f}{extra} | {ratio:.1%} | "
            f"{sizes[label] / 1024:.0f} KB |"
        )


if __name__ == "__main__":
    main()
