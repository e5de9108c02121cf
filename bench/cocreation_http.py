# ruff: noqa: E501 (the seeding script is data: one model per line)
"""Benchmark: p50/p95 latency of a co-creation plan page and its ledger page ("what we heard")
under 20 concurrent clients, on gunicorn with production settings, against a bare Django view
(/health/) measured in the same run.

    .venv/bin/python bench/cocreation_http.py [--requests 40] [--clients 20] [--workers 2]

Builds a throw-away SQLite database with one plan of 30 commitments (two published versions),
500 proposals and 5,000 paragraph comments (every one a ledger input, half answered), collects
static files, starts gunicorn on 127.0.0.1 (stopped at the end), warms each worker, then runs
the client threads with keep-alive connections.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")

SEED = """
import random
from datetime import timedelta
from django.utils import timezone
from ogp.accounts.models import User
from ogp.countries.seed import seed_countries
from ogp.cocreation.models import *
from ogp.cocreation.services.rulesets import rule_sets_install, rule_set_in_force
from ogp.countries.models import Country
from ogp.participation.models import Forum, Meeting
seed_countries()
rule_sets_install()
random.seed(1)
today = timezone.localdate()
country = Country.objects.get(iso3="URY")
forum = Forum.objects.create(country=country, name="Bench forum", slug="bench-forum",
    rules_of_participation="Rules", established_on=today - timedelta(days=900))
Meeting.objects.bulk_create(Meeting(forum=forum, title=f"Meeting {i}", date=today - timedelta(days=60 * i)) for i in range(12))
plan = CoCreationPlan.objects.create(country=country, title="Bench plan", slug="bench-plan",
    starts_on=today + timedelta(days=200), rule_set=rule_set_in_force(today), forum=forum,
    state="co_creation", opened_on=today - timedelta(days=60), timeline_published_on=today - timedelta(days=60))
for i, kind in enumerate(["planning", "engagement", "drafting", "feedback", "submission"]):
    TimelineStep.objects.create(plan=plan, kind=kind, title=kind, starts_on=today - timedelta(days=40 - 30 * i), ends_on=today - timedelta(days=12 - 30 * i))
Opportunity.objects.bulk_create(Opportunity(plan=plan, kind="meeting", title=f"Workshop {i}", opens_on=today + timedelta(days=i), closes_on=today + timedelta(days=i), published_on=today - timedelta(days=20)) for i in range(10))
users = User.objects.bulk_create(User(email=f"bench{i}@example.invalid", full_name=f"Bench {i}") for i in range(200))
versions = []
for number in (1, 2):
    v = DraftVersion.objects.create(plan=plan, number=number, introduction="Intro one.\\n\\nIntro two.", published_at=timezone.now())
    cs = DraftCommitment.objects.bulk_create(DraftCommitment(version=v, key=f"k{i:03d}", position=i, title=f"Commitment {i}", problem="Problem " * 40, objective="Objective " * 30, lead_institution="Ministry") for i in range(30))
    DraftMilestone.objects.bulk_create(DraftMilestone(commitment=c, key=f"{c.key}m{j}", position=j, title=f"Milestone {j}") for c in cs for j in range(3))
    versions.append((v, cs))
proposals = Proposal.objects.bulk_create(Proposal(plan=plan, author=random.choice(users), title=f"Proposal {i} about open data", problem="Problem text " * 20, solution="Solution text " * 20, values=["transparency"], policy_area="open_contracting", language="en", support_count=random.randint(0, 50)) for i in range(500))
LedgerEntry.objects.bulk_create(LedgerEntry(plan=plan, kind="proposal", proposal=p, received_on=today - timedelta(days=random.randint(0, 50)), language="en") for p in proposals)
v1, cs1 = versions[0]
comments = Comment.objects.bulk_create(Comment(version=v1, anchor=f"c-{random.choice(cs1).key}-problem", author=random.choice(users), body="A comment " * 15, language=random.choice(["en", "fr", "es"])) for i in range(5000))
LedgerEntry.objects.bulk_create(LedgerEntry(plan=plan, kind="comment", comment=c, received_on=today - timedelta(days=random.randint(0, 50)), language=c.language, disposition="not_adopted" if i % 2 else "", reason="Because " * 10 if i % 2 else "") for i, c in enumerate(comments))
print(plan.slug, LedgerEntry.objects.count(), "ledger inputs")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cookie", action="store_true",
        help="send a cookie, so the visitors' page cache is bypassed (every page is built)",
    )  # fmt: skip
    args = parser.parse_args()
    headers = {"Cookie": "bench=1"} if args.cookie else {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "STATIC_ROOT": f"{tmp}/static",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        manage = [PY, str(ROOT / "manage.py")]
        t0 = time.perf_counter()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
        )
        out = subprocess.run(
            [*manage, "shell", "-c", SEED], env=env, check=True, cwd=ROOT,
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        print(f"seeded in {time.perf_counter() - t0:.1f} s: {out.strip().splitlines()[-1]}")
        port = free_port()
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers),
             "-k", "gthread", "--threads", "4", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        try:
            for _ in range(100):
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    conn.request("GET", "/health/")
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            pages = {
                "bare view (/health/)": ["/health/"],
                "plan page": ["/en/co-creation/bench-plan/"],
                "ledger page": ["/en/co-creation/bench-plan/what-we-heard/",
                                "/en/co-creation/bench-plan/what-we-heard/?page=40",
                                "/en/co-creation/bench-plan/what-we-heard/?disposition=unanswered"],
            }  # fmt: skip
            for _ in range(4 * args.workers):
                for urls in pages.values():
                    for url in urls:
                        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                        c.request("GET", url)
                        r = c.getresponse()
                        body = r.read()
                        assert r.status == 200, (url, r.status, body[:300])
                        c.close()
            kinds = list(pages)
            timings: dict[str, list[float]] = {k: [] for k in pages}
            lock = threading.Lock()
            errors: list[str] = []

            def client(i: int) -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                for n in range(args.requests):
                    kind = kinds[(i + n) % len(kinds)]
                    urls = pages[kind]
                    url = urls[(i + n) % len(urls)]
                    t = time.perf_counter()
                    conn.request("GET", url, headers=headers)
                    resp = conn.getresponse()
                    resp.read()
                    dt = time.perf_counter() - t
                    with lock:
                        if resp.status != 200:
                            errors.append(f"{url}: {resp.status}")
                        timings[kind].append(dt)
                conn.close()

            t0 = time.perf_counter()
            threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            total = sum(len(v) for v in timings.values())
            print(
                f"{args.clients} clients, {total} requests in {wall:.1f} s "
                f"({total / wall:.0f} req/s), gunicorn {args.workers} workers x 4 threads, "
                f"{'with a cookie (no page cache), ' if args.cookie else ''}{len(errors)} errors"
            )
            bare = pct(timings[kinds[0]], 95)
            for kind, values in timings.items():
                p95 = pct(values, 95)
                print(
                    f"{kind}: p50 {pct(values, 50) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
                    f"({len(values)} requests; p95 {p95 / bare:.1f}x the bare view)"
                )
            if errors:
                sys.exit("\n".join(errors[:10]))
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
