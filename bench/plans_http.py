"""Benchmark: p50/p95 latency of the commitment explorer's first page and of commitment pages
under 20 concurrent clients, on gunicorn with production settings, against a bare Django view
(bench/floor.py: 2 bytes, no middleware) measured in the same run, on a throw-away SQLite
database.

    .venv/bin/python bench/plans_http.py [--data ../shared/data] [--copies 100] [--requests 40]

The shared OGP sheet (558 commitments) is imported with the real importer, then copied
``--copies`` times in the database (100 copies: about 56,000 commitments) with 5 milestones per
commitment and 10 progress updates per milestone, as the issue asks.
"""

import argparse
import sys
from pathlib import Path

from harness import BARE, ROOT, load, production_site, report, report_wrk, warm

SHEET = "ogp/ogp_commitments_open_parliament_subset_g0v_2024-07.csv"

SEED = """
from pathlib import Path
from django.db import connection, transaction
from ogp.countries.seed import seed_countries
from ogp.plans.models import Commitment, CommitmentInstitution, Milestone, ProgressUpdate
from ogp.plans.services import sheet_import

seed_countries()
path = Path({data!r}) / {sheet!r}
sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
copies = {copies}
cols = [f.column for f in Commitment._meta.concrete_fields
        if f.column not in ("id", "identifier", "plan_id")]
c_cols = ", ".join(cols)
c_sel = ", ".join("c." + col for col in cols)
seq = (f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {{copies - 1}})")
# Copies are made in SQL (INSERT ... SELECT): Python objects for 2.8 million rows take too long.
with transaction.atomic(), connection.cursor() as cur:
    cur.execute(seq + " INSERT INTO plans_actionplan (ogp_id, country_id, locality_id, number, "
        "submitted_year, end_year, duration_years, due_date, published_on, source, is_demo) "
        "SELECT p.ogp_id || '-' || k.n, p.country_id, p.locality_id, p.number, p.submitted_year, "
        "p.end_year, p.duration_years, p.due_date, p.published_on, p.source, p.is_demo "
        "FROM plans_actionplan p, k")
    cur.execute(seq + f" INSERT INTO plans_commitment (identifier, plan_id, {{c_cols}}) "
        f"SELECT c.identifier || '-' || k.n, p2.id, {{c_sel}} FROM plans_commitment c "
        "JOIN plans_actionplan p ON p.id = c.plan_id, k "
        "JOIN plans_actionplan p2 ON p2.ogp_id = p.ogp_id || '-' || k.n")
    cur.execute("INSERT INTO plans_commitmentinstitution (commitment_id, role, name, "
        "organisation_id, is_civil_society, position) SELECT c2.id, i.role, i.name, "
        "i.organisation_id, i.is_civil_society, i.position FROM plans_commitmentinstitution i "
        "JOIN plans_commitment c ON c.id = i.commitment_id "
        "JOIN plans_commitment c2 ON c2.identifier LIKE c.identifier || '-%' "
        "WHERE c.identifier NOT LIKE '%-%'")
    cur.execute("INSERT INTO plans_commitment_policy_areas (commitment_id, policyarea_id) "
        "SELECT c2.id, t.policyarea_id FROM plans_commitment_policy_areas t "
        "JOIN plans_commitment c ON c.id = t.commitment_id "
        "JOIN plans_commitment c2 ON c2.identifier LIKE c.identifier || '-%' "
        "WHERE c.identifier NOT LIKE '%-%'")
    cur.execute("WITH RECURSIVE m(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 5) "
        "INSERT INTO plans_milestone (commitment_id, position, title, expected_output, "
        "responsible, start_date, due_date, weight, status, civil_society_status, "
        "status_updated_at, is_demo) SELECT c.id, m.n, 'Milestone ' || m.n, 'An output', "
        "'A ministry', NULL, date('2025-01-01', '+' || (60 * m.n) || ' days'), NULL, "
        "CASE (c.id + m.n) % 4 WHEN 0 THEN 'not_started' WHEN 1 THEN 'limited' "
        "WHEN 2 THEN 'substantial' ELSE 'complete' END, '', NULL, 0 "
        "FROM plans_commitment c, m")
    cur.execute("WITH RECURSIVE u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < 10) "
        "INSERT INTO plans_progressupdate (milestone_id, author_id, status, narrative, "
        "no_evidence_reason, created_at, is_demo) SELECT ms.id, NULL, "
        "CASE u.n % 4 WHEN 0 THEN 'not_started' WHEN 1 THEN 'limited' "
        "WHEN 2 THEN 'substantial' ELSE 'complete' END, "
        "'Progress narrative for the benchmark, written once per update.', 'Benchmark data.', "
        "datetime('2025-01-01', '+' || u.n || ' days'), 0 FROM plans_milestone ms, u")
print(Commitment.objects.count(), "commitments,", Milestone.objects.count(), "milestones,",
      ProgressUpdate.objects.count(), "updates,", CommitmentInstitution.objects.count(),
      "institutions")
"""


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
    args = parser.parse_args()
    if not (Path(args.data) / SHEET).is_file():
        sys.exit(f"{Path(args.data) / SHEET} not found")
    seed = SEED.format(data=args.data, sheet=SHEET, copies=args.copies)
    ids = ["AL0002", "UA0048", "MK0177", "GH0029", "SCO0001", "BUE0009", "XK0011"]
    ks = sorted({k for k in (1, args.copies // 2, args.copies - 1) if k >= 1})
    copies = [f"{i}-{k}" for i in ids for k in ks]
    pages = {
        BARE: ["/"],
        "explorer first page": ["/en/plans/commitments/"],
        "commitment page": [f"/en/plans/commitments/{i}/" for i in ids + copies],
    }
    # without Redis: the database cache shared by the workers, as on a one-machine install
    with production_site(seed, workers=args.workers, without_redis=True) as site:
        warm(site, pages, rounds=4 * args.workers)
        result = load(site, pages, clients=args.clients, requests=args.requests)
        if args.wrk:
            report_wrk(site, pages, seconds=args.wrk, clients=args.clients)
        report(result, workers=args.workers)


if __name__ == "__main__":
    main()
