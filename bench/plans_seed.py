# ruff: noqa: E501 (the seeding script is SQL built in Python: one statement per call)
"""Seed code for 100x OGP's commitment sheet, shared by bench/plans_http.py and bench/api_http.py.

The shared OGP sheet (558 commitments) is imported with the real importer, then copied in the
database with INSERT ... SELECT (Python objects for 2.8 million rows take too long): ``copies``
copies of every plan and commitment (with institutions and policy areas), then 5 milestones per
commitment and 10 progress updates per milestone. Runs on PostgreSQL (``generate_series``) and
on SQLite (a recursive CTE); ``ANALYZE`` at the end, as autovacuum would do on a live server.
"""

SHEET = "ogp/ogp_commitments_open_parliament_subset_g0v_2024-07.csv"

_SEED = """
from pathlib import Path
from django.db import connection, transaction
from ogp.countries.seed import seed_countries
from ogp.plans.models import ActionPlan, Commitment, CommitmentInstitution, Milestone, ProgressUpdate
from ogp.plans.services import sheet_import

seed_countries()
path = Path({data!r}) / {sheet!r}
sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
copies, milestones, updates = {copies}, {milestones}, {updates}
pg = connection.vendor == "postgresql"


def numbers(name, count):
    # rows n = 1..count, as a table named `name`
    if pg:
        return f"generate_series(1, {{count}}) AS {{name}}(n)"
    return (f"(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {{count}}) "
            f"SELECT n FROM s) AS {{name}}")


false = "false" if pg else "0"
due = ("DATE '2025-01-01' + 60 * m.n" if pg else "date('2025-01-01', '+' || (60 * m.n) || ' days')")
posted = ("TIMESTAMPTZ '2025-01-01 00:00:00+00' + u.n * INTERVAL '1 day'" if pg
          else "datetime('2025-01-01', '+' || u.n || ' days')")
status = lambda n: (f"CASE {{n}} % 4 WHEN 0 THEN 'not_started' WHEN 1 THEN 'limited' "
                    "WHEN 2 THEN 'substantial' ELSE 'complete' END")


def columns(model, *skip):
    return [f.column for f in model._meta.concrete_fields if f.column not in ("id", *skip)]


p_cols = columns(ActionPlan, "ogp_id")
c_cols = columns(Commitment, "identifier", "plan_id")
i_cols = columns(CommitmentInstitution, "commitment_id")
original = "c.identifier NOT LIKE '%-%'"
with transaction.atomic(), connection.cursor() as cur:
    if copies > 1:
        cur.execute(f"INSERT INTO plans_actionplan (ogp_id, {{', '.join(p_cols)}}) "
            f"SELECT p.ogp_id || '-' || k.n, {{', '.join('p.' + c for c in p_cols)}} "
            f"FROM plans_actionplan p, {{numbers('k', copies - 1)}}")
        cur.execute(f"INSERT INTO plans_commitment (identifier, plan_id, {{', '.join(c_cols)}}) "
            f"SELECT c.identifier || '-' || k.n, p2.id, {{', '.join('c.' + col for col in c_cols)}} "
            f"FROM plans_commitment c JOIN plans_actionplan p ON p.id = c.plan_id "
            f"CROSS JOIN {{numbers('k', copies - 1)}} "
            "JOIN plans_actionplan p2 ON p2.ogp_id = p.ogp_id || '-' || k.n")
        # each copy's rows found through the unique identifier (an index look-up per copy)
        copy_of = (f"plans_commitment c CROSS JOIN {{numbers('k', copies - 1)}} "
                   "JOIN plans_commitment c2 ON c2.identifier = c.identifier || '-' || k.n")
        cur.execute(f"INSERT INTO plans_commitmentinstitution (commitment_id, {{', '.join(i_cols)}}) "
            f"SELECT c2.id, {{', '.join('i.' + col for col in i_cols)}} "
            f"FROM {{copy_of}} JOIN plans_commitmentinstitution i ON i.commitment_id = c.id "
            f"WHERE {{original}}")
        cur.execute("INSERT INTO plans_commitment_policy_areas (commitment_id, policyarea_id, identifier) "
            f"SELECT c2.id, t.policyarea_id, c2.identifier FROM {{copy_of}} "
            f"JOIN plans_commitment_policy_areas t ON t.commitment_id = c.id WHERE {{original}}")
    cur.execute("INSERT INTO plans_milestone (commitment_id, position, title, expected_output, "
        "responsible, start_date, due_date, weight, status, civil_society_status, "
        f"status_updated_at, is_demo) SELECT c.id, m.n, 'Milestone ' || m.n, 'An output', "
        f"'A ministry', NULL, {{due}}, NULL, {{status('(c.id + m.n)')}}, '', NULL, {{false}} "
        f"FROM plans_commitment c CROSS JOIN {{numbers('m', milestones)}}")
    cur.execute("INSERT INTO plans_progressupdate (milestone_id, author_id, status, narrative, "
        "no_evidence_reason, created_at, is_demo) SELECT ms.id, NULL, "
        f"{{status('u.n')}}, 'Progress narrative for the benchmark, written once per update.', "
        f"'Benchmark data.', {{posted}}, {{false}} "
        f"FROM plans_milestone ms CROSS JOIN {{numbers('u', updates)}}")
with connection.cursor() as cur:
    cur.execute("ANALYZE")
print(Commitment.objects.count(), "commitments,", Milestone.objects.count(), "milestones,",
      ProgressUpdate.objects.count(), "updates,", CommitmentInstitution.objects.count(),
      "institutions")
"""


def seed_code(data: str, *, copies: int, milestones: int = 5, updates: int = 10) -> str:
    """Code for ``manage.py shell -c``: the sheet in `data`, copied `copies` times in all."""
    return _SEED.format(
        data=data, sheet=SHEET, copies=copies, milestones=milestones, updates=updates
    )
