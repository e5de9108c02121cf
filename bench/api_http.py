"""Benchmark: API list endpoints under 50 concurrent clients, gunicorn (2 workers) on PostgreSQL
with 100x OGP's real volume of eligibility results, as a ratio to a bare Django view measured in
the same run.

    .venv/bin/python bench/api_http.py [--database-url postgres://postgres@127.0.0.1:5432/ogp_api_bench]
                                       [--redis-url redis://127.0.0.1:6379/3] [--requests 40]

Volume: OGP has about 14 published cycles of about 195 scored countries (~2,700 results); this
builds 1,000 published cycles of the 249 ISO countries (~249,000 results, ~100x). The database
named in --database-url is dropped and created again (use a throw-away name). Redis is the shared
cache of the two workers (published cycles are cached). Commitments are not measured: the plans
app does not exist on this branch yet.
"""

import argparse
import http.client
import os
import random
import subprocess
import sys
import threading
import time
from urllib.parse import urlparse

from harness import GUNICORN, PY, ROOT, free_port, pct

SEED = r"""
import datetime, json, random
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.test import Client
from ogp.countries.seed import seed_countries
from ogp.countries.models import Country
from ogp.eligibility import services
from ogp.eligibility.models import Cycle, CountryResult, RuleSetVersion
seed_countries()
services.ruleset_seed_shipped()
ruleset = RuleSetVersion.objects.order_by("-valid_from").first()
countries = list(Country.objects.all())
rng = random.Random(15)
crit = ["fiscal_transparency", "access_to_information", "asset_disclosure", "citizen_engagement"]
batch = []
for year in range({first}, 2025):
    cycle = Cycle.objects.create(year=year, review_date=datetime.date(year, 6, 30), ruleset=ruleset,
        state="published", checksum=f"{{year:064d}}",
        published_at=datetime.datetime(year, 7, 1, tzinfo=datetime.UTC))
    for c in countries:
        points = [rng.choice([0, 1, 2, 3, 4, None]) for _ in crit]
        total = sum(p or 0 for p in points)
        batch.append(CountryResult(cycle=cycle, country=c, total=total, maximum=16,
            status="eligible" if total >= 12 else "not_eligible", is_member=rng.random() < .3,
            values_check=True, data={{"criteria": [{{"code": k, "points": p, "max_points": 4,
            "raw": str(p), "overridden": False, "override_reason": "", "source": {{"dataset": "obs",
            "label": "OBS", "edition": "2023", "year": year - 1, "release_id": 1, "line": i + 2,
            "url": ""}}}} for i, (k, p) in enumerate(zip(crit, points))]}}))
    if len(batch) > 5000:
        CountryResult.objects.bulk_create(batch); batch = []
CountryResult.objects.bulk_create(batch)
print("results", CountryResult.objects.count(), "cycles", Cycle.objects.count())
client = Client()
for url in ["/api/v1/cycles/2024/results/?page_size={{n}}&nocache={{n}}",
            "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size={{n}}&nocache={{n}}",
            "/api/v1/countries/?page_size={{n}}"]:
    counts = []
    for n in (10, 200):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url.format(n=n), HTTP_HOST="127.0.0.1").status_code == 200
        counts.append(len(ctx))
    print("queries", url.split("?")[0], "page 10 ->", counts[0], "| page 200 ->", counts[1])
"""


def recreate_database(url: str) -> None:
    u = urlparse(url)
    name = u.path.lstrip("/")
    if not name.endswith("bench"):
        sys.exit("refusing to drop a database whose name does not end in 'bench'")
    args = [
        "-h",
        u.hostname or "127.0.0.1",
        "-p",
        str(u.port or 5432),
        "-U",
        u.username or "postgres",
    ]
    subprocess.run(["dropdb", "--if-exists", *args, name], check=True)
    subprocess.run(["createdb", *args, name], check=True)


def run_load(
    port: int, urls: list[str], clients: int, requests: int
) -> tuple[float, list[float], int]:
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(i: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in range(requests):
            url = urls[(i * requests + n) % len(urls)].replace("{n}", str(random.randrange(10**9)))
            t = time.perf_counter()
            try:
                conn.request("GET", url)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:  # a reset connection counts as an error; open a new one
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            dt = time.perf_counter() - t
            with lock:
                timings.append(dt)
                if not ok:
                    errors += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, timings, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/ogp_api_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--first-year", type=int, default=1025, help="1025 -> 1,000 cycles")
    parser.add_argument("--reuse", action="store_true", help="keep the database of a former run")
    args = parser.parse_args()
    if not args.reuse:
        recreate_database(args.database_url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "api_bench_settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        "API_RATE_ANON": "100000000/min",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench' / 'support'}",
    }
    manage = [PY, str(ROOT / "manage.py")]
    t0 = time.perf_counter()
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [PY, "-c", "import redis,sys; redis.Redis.from_url(sys.argv[1]).flushdb()", args.redis_url],
        check=True,
    )
    seed = SEED.format(first=args.first_year)
    if args.reuse:  # only the query counts
        head, _build, counts = seed.partition("seed_countries()\n")
        seed = head + counts[counts.index('print("results"') :]
    out = subprocess.run(
        [*manage, "shell", "-c", seed],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    print(f"seeded in {time.perf_counter() - t0:.1f} s")
    print(out.strip())
    port = free_port()
    server = subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            "-k",
            "gthread",
            "--threads",
            "4",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(150):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/bench/bare/")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        scenarios = {
            "bare Django view": ["/bench/bare/"],
            "results of a cycle, cached": [
                f"/api/v1/cycles/{y}/results/?page_size=50" for y in (2024, 2023, 2022)
            ],
            "results with filters, cached": [
                "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size=50",
                "/api/v1/cycles/2023/results/?is_member=true&page_size=50",
            ],
            "results of a cycle, uncached": [
                "/api/v1/cycles/2024/results/?page_size=50&nocache={n}"
            ],
            "results with filters, uncached": [
                "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size=50&nocache={n}"
            ],
            "countries list (uncached)": ["/api/v1/countries/?page_size=50&nocache={n}"],
        }
        for urls in scenarios.values():  # warm each worker and the shared cache
            for _ in range(4 * args.workers):
                for url in urls:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    c.request("GET", url.replace("{n}", "warm"))
                    r = c.getresponse()
                    body = r.read()
                    assert r.status == 200, (url, r.status, body[:300])
        floor = None
        print(
            f"{args.clients} clients x {args.requests} requests, gunicorn {args.workers} "
            "workers x 4 threads (gthread), PostgreSQL, Redis cache"
        )
        for name, urls in scenarios.items():
            wall, timings, errors = run_load(port, urls, args.clients, args.requests)
            rate = len(timings) / wall
            floor = floor or rate
            print(
                f"{name}: {rate:.0f} req/s ({rate / floor:.0%} of the bare view), "
                f"p50 {pct(timings, 50) * 1000:.0f} ms, p99 {pct(timings, 99) * 1000:.0f} ms, "
                f"{errors} errors"
            )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
