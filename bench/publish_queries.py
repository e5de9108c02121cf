"""Query count of publishing the newest eligibility cycle (every country with a result).

    .venv/bin/python bench/publish_queries.py [--data ../shared/data]

Imports the publishers' files in ../shared/data into a throw-away SQLite database, opens and
computes the newest cycle the data support, then counts the queries `cycle_publish` runs (with
Django's CaptureQueriesContext), split into the eligibility part and the status updates.
"""

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument(
        "--recorded",
        default="",
        help="record this status for every country first (e.g. not_eligible), so that the "
        "cycle moves many statuses",
    )
    parser.add_argument("--year", type=int, default=0, help="cycle year (default: the newest)")
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        sys.exit(f"{data} not found: pass --data with the folder holding vdem/, ibp_obs/, eiu/")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        call_command("migrate", verbosity=0)
        from ogp.countries.seed import seed_countries
        from ogp.eligibility import importing, seed, services

        seed_countries()
        services.ruleset_seed_shipped()
        importing.import_paths([p for p, _k in importing.candidate_files(data)])
        year = args.year or seed.supported_years()[-1]
        cycle = services.cycle_open(acting_user=None, year=year)
        services.cycle_compute(acting_user=None, cycle=cycle)
        cycle.refresh_from_db()
        countries = cycle.results.count()
        if args.recorded:
            from ogp.countries.models import Country

            Country.objects.update(membership_status=args.recorded)
        from ogp.countries.models import MembershipStatusChange

        changes_before = MembershipStatusChange.objects.count()
        with CaptureQueriesContext(connection) as publish:
            services.cycle_publish(acting_user=None, cycle=cycle)
        moved = MembershipStatusChange.objects.count() - changes_before
        statuses = Counter(r.data["status"] for r in cycle.results.all())
        print(f"cycle {year}: {countries} countries with a result ({dict(statuses)})")
        print(f"cycle_publish: {len(publish.captured_queries)} queries ({moved} statuses moved)")
        print(f"per country: {len(publish.captured_queries) / countries:.1f} queries")


if __name__ == "__main__":
    main()
