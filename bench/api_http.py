# ruff: noqa: E501 (the seeding script is data)
"""Benchmark (issue 15): API list endpoints (results of a cycle, commitments, with filters)
under 50 concurrent clients, gunicorn (2 sync workers) on production's stack with 100x
OGP's real volume, as a ratio to a bare Django view measured in the same run. One command, end
to end (about 5 minutes on 2 cores, most of it the seed):

    make bench-deps   # wrk, only for --wrk
    .venv/bin/python bench/api_http.py [--requests 40] [--clients 50] [--copies 100] [--wrk 10]
        [--threads 0] [--only TEXT] [--reuse DATABASE_URL]
        [--stack postgres|sqlite] [--postgres-url postgres://postgres@127.0.0.1:5432/]
        [--redis-url redis://127.0.0.1:6379/0] [--data ../shared/data]

Default stack: a fresh PostgreSQL database (created on --postgres-url's server, dropped at the
end) and the Redis cache shared by the two workers (keys under a prefix of the run, deleted at
the end). Volume: OGP has about 14 published cycles of about 195 scored countries (~2,700
results); this builds 1,000 published cycles of the 249 ISO countries (~249,000 results, ~100x),
and 100 copies of OGP's commitment sheet (~56,000 commitments, 5 milestones each, 10 updates per
milestone: bench/plans_seed.py). The anonymous rate limit is lifted (API_RATE_ANON) so that the
limiter's cache round trip is measured but never refuses.

Each scenario runs on its own (50 client threads, keep-alive): requests/s, p50, p99, the
platform server's CPU time per request (steadier than latencies on a busy machine), and the
ratio of its requests/s to the two floors measured in the same run: bench/floor.py (a Django
view returning 2 bytes, no middleware, on its own gunicorn) and the same kind of view inside
the platform (bench/support/api_bench_urls.py: every middleware runs). "cached": published
cycles' result pages (stored for good) and the other lists (stored while the published data's
generation stands), answered from the stored copies; "uncached": a query parameter that
changes at every request (``nocache``, which no view reads, so the page is never stored) makes
every page a miss, so the database is read and the page assembled (from rows serialised once).
With ``--wrk``, wrk (a client in C) measures every scenario again, its addresses in turn.
"""

import argparse
import http.client
import random
import sys
import threading
import time
from pathlib import Path

from harness import (
    BARE,
    ROOT,
    Site,
    add_stack_arguments,
    pct,
    production_site,
    run_wrk,
    stack_from_args,
)
from plans_seed import SHEET, seed_code

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


def run_load(
    site: Site, kind: str, urls: list[str], clients: int, requests: int
) -> tuple[float, list[float], int, float]:
    """Wall time, latencies, errors and the platform server's CPU seconds of one scenario."""
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()
    port = site.port_for(kind)

    def client(i: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in range(requests):
            url = urls[(i * requests + n) % len(urls)].replace("{n}", str(random.randrange(10**9)))
            t = time.perf_counter()
            ok = False
            for _attempt in range(2):  # a keep-alive connection closed by gunicorn: once more
                try:
                    conn.request("GET", url)
                    resp = conn.getresponse()
                    resp.read()
                    ok = resp.status == 200
                    break
                except OSError:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            dt = time.perf_counter() - t
            with lock:
                timings.append(dt)
                if not ok:
                    errors += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    cpu0 = site.server_cpu()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, timings, errors, site.server_cpu() - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--requests", type=int, default=40, help="requests per client (0: wrk only)"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--threads", type=int, default=0,
        help="gthread workers with this many threads each (default 0: sync workers, the "
        "deployment's default)",
    )  # fmt: skip
    parser.add_argument("--first-year", type=int, default=1025, help="1025 -> 1,000 cycles")
    parser.add_argument("--copies", type=int, default=100, help="of the commitment sheet (0: none)")
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument(
        "--wrk", type=int, default=0, metavar="SECONDS",
        help="also measure every scenario with wrk (a client in C: no GIL, little CPU)",
    )  # fmt: skip
    parser.add_argument(
        "--only", action="append", default=[], metavar="TEXT",
        help="only the scenarios whose name contains TEXT (repeatable; the floors always run)",
    )  # fmt: skip
    add_stack_arguments(parser)
    args = parser.parse_args()
    seed = SEED.format(first=args.first_year)
    if args.copies:
        if not (Path(args.data) / SHEET).is_file():
            sys.exit(f"{Path(args.data) / SHEET} not found (--data, or --copies 0)")
        seed = seed_code(args.data, copies=args.copies).replace(
            "seed_countries()\n", "", 1
        ) + seed.replace("seed_countries()\n", "", 1)
        seed = "from ogp.countries.seed import seed_countries\nseed_countries()\n" + seed
    overrides = {
        "DJANGO_SETTINGS_MODULE": "api_bench_settings",
        "API_RATE_ANON": "100000000/min",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench' / 'support'}",
    }
    in_platform = "bare view inside the platform (every middleware)"
    commitments = "/api/v1/commitments/?page_size=50"
    scenarios = {
        BARE: ["/"],
        in_platform: ["/bench/bare/"],
        "results of a cycle, cached": [
            f"/api/v1/cycles/{y}/results/?page_size=50" for y in (2024, 2023, 2022)
        ],
        "results with filters, cached": [
            "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size=50",
            "/api/v1/cycles/2023/results/?is_member=true&page_size=50",
        ],
        "results of a cycle, uncached": ["/api/v1/cycles/2024/results/?page_size=50&nocache={n}"],
        "results with filters, uncached": [
            "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size=50&nocache={n}"
        ],
        "countries list, cached": ["/api/v1/countries/?page_size=50"],
        "countries list, uncached": ["/api/v1/countries/?page_size=50&nocache={n}"],
    }
    if args.copies:
        scenarios |= {
            "commitments, cached": [commitments],
            "commitments with filters, cached": [
                commitments + "&country=UKR",
                commitments + "&value=civic_participation",
                commitments + "&policy_area=right-to-information",
            ],
            "commitments, uncached": [commitments + "&nocache={n}"],
            "commitments with filters, uncached": [
                commitments + "&country=UKR&nocache={n}",
                commitments + "&value=civic_participation&nocache={n}",
                commitments + "&policy_area=right-to-information&nocache={n}",
            ],
        }
    if args.only:
        scenarios = {
            name: urls
            for name, urls in scenarios.items()
            if name in (BARE, in_platform) or any(text in name for text in args.only)
        }
    with production_site(
        seed,
        workers=args.workers,
        stack=stack_from_args(args),
        env_overrides=overrides,
        threads=args.threads,
    ) as site:
        print(site.seed_output)
        for kind, urls in scenarios.items():  # warm each worker and the shared cache
            for _ in range(4 * args.workers):
                for url in urls:
                    c = http.client.HTTPConnection("127.0.0.1", site.port_for(kind), timeout=60)
                    c.request("GET", url.replace("{n}", "warm"))
                    r = c.getresponse()
                    body = r.read()
                    assert r.status == 200, (url, r.status, body[:300])
        print(
            f"{args.clients} clients x {args.requests} requests per scenario, gunicorn "
            f"{args.workers} "
            + (f"workers x {args.threads} threads (gthread)" if args.threads else "sync workers")
            + f", {site.stack}"
        )
        floors: dict[str, float] = {}
        for name, urls in scenarios.items() if args.requests else ():
            wall, timings, errors, cpu = run_load(site, name, urls, args.clients, args.requests)
            rate = len(timings) / wall
            if name in (BARE, in_platform):
                floors[name] = rate
            ratios = ", ".join(
                f"{rate / f:.0%} of the {'bare view' if k == BARE else 'in-platform view'}"
                for k, f in floors.items()
            )
            cpu_note = (
                "" if name == BARE else f", server CPU {cpu * 1000 / len(timings):.1f} ms/request"
            )
            print(
                f"{name}: {rate:.0f} req/s ({ratios}), p50 {pct(timings, 50) * 1000:.0f} ms, "
                f"p99 {pct(timings, 99) * 1000:.0f} ms{cpu_note}, {errors} errors",
                flush=True,
            )
        if args.wrk:
            print(
                f"wrk -c{args.clients} -d{args.wrk}s (each scenario's addresses in turn, a new "
                "number in place of {n} at every request)"
            )
            wrk_floor = None
            for name, urls in scenarios.items():
                result = run_wrk(
                    f"http://127.0.0.1:{site.port_for(name)}/",
                    seconds=args.wrk, clients=args.clients, paths=urls,
                )  # fmt: skip
                wrk_floor = wrk_floor or result["rps"] or None
                share = f", {result['rps'] / wrk_floor:.0%} of the bare view" if wrk_floor else ""
                print(
                    f"{name}: {result['rps']:.0f} req/s{share}, p99 {result['p99']:.0f} ms, "
                    f"{result['timeouts']:.0f} time-outs, {result['errors']:.0f} errors"
                )


if __name__ == "__main__":
    main()
