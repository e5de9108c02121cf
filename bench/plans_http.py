"""Benchmark: p50/p95 latency of the commitment explorer's first page and of commitment pages
under 20 concurrent clients, on gunicorn with production settings, against a bare Django view
(/health/) measured in the same run, on a throw-away SQLite database.

    .venv/bin/python bench/plans_http.py [--data ../shared/data] [--copies 100] [--requests 40]

The shared OGP sheet (558 commitments) is imported with the real importer, then copied
``--copies`` times in the database (100 copies: about 56,000 commitments) with 5 milestones per
commitment and 10 progress updates per milestone, as the issue asks.
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
SHEET = "ogp/ogp_commitments_open_parliament_subset_g0v_2024-07.csv"

SEED = """
import datetime, random
from pathlib import Path
from django.db import transaction
from ogp.countries.seed import seed_countries
from ogp.plans.models import (ActionPlan, Commitment, CommitmentInstitution, Milestone,
    ProgressUpdate)
from ogp.plans.services import sheet_import

seed_countries()
path = Path({data!r}) / {sheet!r}
sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
copies, rng = {copies}, random.Random(7)
plans = list(ActionPlan.objects.all())
originals = list(Commitment.objects.all())
institutions = {{}}
for i in CommitmentInstitution.objects.all():
    institutions.setdefault(i.commitment_id, []).append(i)
statuses = ["not_started", "limited", "substantial", "complete"]
with transaction.atomic():
    for k in range(1, copies):
        plan_map = {{}}
        for p in plans:
            plan_map[p.pk] = ActionPlan(
                ogp_id=f"{{p.ogp_id}}-{{k}}", country_id=p.country_id, locality_id=p.locality_id,
                number=p.number, submitted_year=p.submitted_year, end_year=p.end_year,
                duration_years=p.duration_years, source=p.source)
        ActionPlan.objects.bulk_create(plan_map.values(), batch_size=1000)
        clones = []
        for c in originals:
            c2 = Commitment(**{{f.attname: getattr(c, f.attname)
                               for f in Commitment._meta.concrete_fields
                               if f.attname not in ("id", "plan_id", "identifier")}})
            c2.identifier = f"{{c.identifier}}-{{k}}"
            c2.plan_id = plan_map[c.plan_id].pk
            clones.append(c2)
        Commitment.objects.bulk_create(clones, batch_size=500)
        CommitmentInstitution.objects.bulk_create(
            [CommitmentInstitution(commitment_id=c2.pk, role=i.role, name=i.name,
                                   position=i.position)
             for c, c2 in zip(originals, clones) for i in institutions.get(c.pk, [])],
            batch_size=2000)
    ids = list(Commitment.objects.values_list("id", flat=True))
    milestones = [Milestone(commitment_id=cid, position=n, title=f"Milestone {{n}}",
                            due_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=60 * n),
                            status=statuses[(cid + n) % 4])
                  for cid in ids for n in range(1, 6)]
    Milestone.objects.bulk_create(milestones, batch_size=5000)
    mids = list(Milestone.objects.values_list("id", flat=True))
    batch = []
    for mid in mids:
        for n in range(10):
            batch.append(ProgressUpdate(milestone_id=mid, status=statuses[n % 4],
                                        narrative="Progress narrative " * 8,
                                        no_evidence_reason="Benchmark data."))
        if len(batch) >= 20000:
            ProgressUpdate.objects.bulk_create(batch); batch = []
    ProgressUpdate.objects.bulk_create(batch)
print(Commitment.objects.count(), "commitments,", Milestone.objects.count(), "milestones,",
      ProgressUpdate.objects.count(), "updates")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not (Path(args.data) / SHEET).is_file():
        sys.exit(f"{Path(args.data) / SHEET} not found")
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
        env.pop("REDIS_URL", None)  # local memory cache per worker, as without Redis
        manage = [PY, str(ROOT / "manage.py")]
        t0 = time.perf_counter()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
        )
        out = subprocess.run(
            [
                *manage, "shell", "-c",
                SEED.format(data=args.data, sheet=SHEET, copies=args.copies),
            ],
            env=env, check=True, cwd=ROOT, capture_output=True, text=True,
        ).stdout  # fmt: skip
        print(f"seeded in {time.perf_counter() - t0:.0f} s: {out.strip().splitlines()[-1]}")
        port = free_port()
        server = subprocess.Popen(
            [
                GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers),
                "-k", "gthread", "--threads", "4", "--log-level", "warning",
            ],
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
            ids = ["AL0002", "UA0048", "MK0177", "GH0029", "SCO0001", "BUE0009", "XK0011"]
            ks = sorted({k for k in (1, args.copies // 2, args.copies - 1) if k >= 1})
            copies = [f"{i}-{k}" for i in ids for k in ks]
            pages = {
                "bare view (/health/)": ["/health/"],
                "explorer first page": ["/en/plans/commitments/"],
                "commitment page": [f"/en/plans/commitments/{i}/" for i in ids + copies],
            }
            for _ in range(4 * args.workers):  # warm every worker (and its cache)
                for urls in pages.values():
                    for url in urls:
                        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                        c.request("GET", url)
                        r = c.getresponse()
                        r.read()
                        assert r.status == 200, (url, r.status)
                        c.close()
            timings: dict[str, list[float]] = {k: [] for k in pages}
            lock = threading.Lock()
            errors: list[str] = []
            kinds = list(pages)

            def client(i: int) -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                for n in range(args.requests):
                    kind = kinds[(i + n) % len(kinds)]
                    urls = pages[kind]
                    url = urls[(i * 7 + n) % len(urls)]
                    t = time.perf_counter()
                    conn.request("GET", url)
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
                f"{len(errors)} errors"
            )
            bare = pct(timings["bare view (/health/)"], 95)
            for kind, values in timings.items():
                p95 = pct(values, 95)
                print(
                    f"{kind}: p50 {pct(values, 50) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
                    f"({p95 / bare:.1f}x the bare view's p95; {len(values)} requests)"
                )
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
