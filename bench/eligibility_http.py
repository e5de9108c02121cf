"""Benchmark: p50/p95 latency of the public score sheet and a country page under 20 concurrent
clients, on gunicorn with production settings and a seeded SQLite database.

    .venv/bin/python bench/eligibility_http.py [--data ../shared/data] [--requests 40]

Builds a throw-away database (rule sets, the publishers' files in --data, every supported cycle
computed and published), collects static files, starts gunicorn on 127.0.0.1 (stopped at the
end), warms each worker, then runs 20 client threads with keep-alive connections.
"""

import argparse
import sys
from pathlib import Path

from harness import BARE, ROOT, load, production_site, report, warm

COUNTRIES = ["NAM", "KEN", "FRA", "BRA", "IDN", "MEX", "PHL", "ZAF", "GEO", "NOR"]

SEED = """
from ogp.countries.seed import seed_countries
from ogp.eligibility import importing, seed, services
from pathlib import Path
seed_countries()
services.ruleset_seed_shipped()
importing.import_folder(Path({data!r}))
print(len(seed.compute_and_publish()), "cycles published")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cookie",
        action="store_true",
        help="send a cookie, so the whole-page cache for visitors is bypassed (page built from "
        "the cached published data)",
    )
    args = parser.parse_args()
    if not Path(args.data).is_dir():
        sys.exit(f"{args.data} not found")
    pages = {
        BARE: ["/"],
        "score sheet": ["/en/eligibility/2024/"],
        "country page": [f"/en/eligibility/country/{c}/" for c in COUNTRIES],
    }
    with production_site(SEED.format(data=args.data), workers=args.workers) as site:
        warm(site, pages, rounds=4 * args.workers)
        headers = {"Cookie": "bench=1"} if args.cookie else {}
        result = load(site, pages, clients=args.clients, requests=args.requests, headers=headers)
        note = "with a cookie (no whole-page cache), " if args.cookie else ""
        report(result, workers=args.workers, note=note)


if __name__ == "__main__":
    main()
