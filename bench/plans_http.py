"""Benchmark (issue 14): p50/p95 latency of the commitment explorer's first page and of
commitment pages under 20 concurrent clients, on gunicorn (2 workers x 4 threads) with
production settings, against a bare Django view (bench/floor.py: 2 bytes, no middleware)
measured in the same run. One command, end to end (about 3 minutes at 100x on 2 cores):

    make bench-deps   # wrk, only for --wrk
    .venv/bin/python bench/plans_http.py [--copies 100] [--requests 40] [--wrk 10]
        [--stack postgres|sqlite] [--postgres-url postgres://postgres@127.0.0.1:5432/]
        [--redis-url redis://127.0.0.1:6379/0] [--no-redis] [--cookie] [--data ../shared/data]
        [--reuse postgres://.../ogp_bench_...]  # a database kept by BENCH_KEEP_DATABASE=1

Default stack: production's, a fresh PostgreSQL database (created on --postgres-url's server,
dropped at the end) and the Redis cache (keys under a prefix of the run, deleted at the end);
``--stack sqlite`` a throw-away SQLite file instead. The shared OGP sheet (558 commitments) is
imported with the real importer, then copied ``--copies`` times in the database (100 copies:
about 56,000 commitments) with 5 milestones per commitment and 10 progress updates per
milestone, as the issue asks (bench/plans_seed.py). ``--cookie`` sends a cookie, so the
visitors' page cache is bypassed and every page is built. Prints the stack, the figures and
the platform server's CPU time per request (steadier than latencies on a busy machine).
"""

import argparse
import sys
from pathlib import Path

from harness import (
    BARE,
    ROOT,
    add_stack_arguments,
    load,
    production_site,
    report,
    report_wrk,
    stack_from_args,
    warm,
)
from plans_seed import SHEET, seed_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--wrk", type=int, default=0, metavar="SECONDS",
        help="also measure each page with wrk (a client that does not share the GIL)",
    )  # fmt: skip
    parser.add_argument(
        "--cookie", action="store_true",
        help="send a cookie, so the visitors' page cache is bypassed (every page is built)",
    )  # fmt: skip
    add_stack_arguments(parser)
    args = parser.parse_args()
    if not (Path(args.data) / SHEET).is_file():
        sys.exit(f"{Path(args.data) / SHEET} not found")
    seed = seed_code(args.data, copies=args.copies)
    ids = ["AL0002", "UA0048", "MK0177", "GH0029", "SCO0001", "BUE0009", "XK0011"]
    ks = sorted({k for k in (1, args.copies // 2, args.copies - 1) if k >= 1})
    copies = [f"{i}-{k}" for i in ids for k in ks]
    pages = {
        BARE: ["/"],
        "explorer first page": ["/en/plans/commitments/"],
        "commitment page": [f"/en/plans/commitments/{i}/" for i in ids + copies],
    }
    headers = {"Cookie": "bench=1"} if args.cookie else {}
    with production_site(seed, workers=args.workers, stack=stack_from_args(args)) as site:
        warm(site, pages, rounds=4 * args.workers)
        result = load(site, pages, clients=args.clients, requests=args.requests, headers=headers)
        if args.wrk:
            report_wrk(site, pages, seconds=args.wrk, clients=args.clients, headers=headers)
        note = "with a cookie (no page cache), " if args.cookie else ""
        report(result, workers=args.workers, note=note, stack=site.stack)


if __name__ == "__main__":
    main()
