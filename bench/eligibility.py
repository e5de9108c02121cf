"""Benchmark: import every publisher file in ../shared/data, then score every country for every
cycle the data support. Prints wall time and peak memory for import and for scoring.

    .venv/bin/python bench/eligibility.py [--data ../shared/data]

Runs against a throw-away SQLite database (never your own). Import is measured twice: once for
time (no tracing) and once under tracemalloc for peak Python memory, after deleting the first
import. Scoring is the pure rules (fetch is done first and reported separately).

The goal (issue 10): import of every file plus compute and publish of all 14 cycles in under
2 s. The machine is shared, so the same run also times a bare Django view (full middleware,
test client) and prints the total as a multiple of one bare request: compare that ratio across
runs, not the seconds.

Measured 2026-12-02, 2 shared cores, 3 runs each (load average 0.4-0.9): before the GC pause and
single JSON encoding (115aa11) import 0.60-0.63 s wall (CPU 0.59-0.61 s), compute and publish
1.03-1.11 s (CPU 1.03-1.08 s), total 1.66-1.73 s; after, import 0.49-0.50 s (CPU 0.48 s), compute
and publish 0.94-1.28 s (CPU 0.94-1.25 s), total 1.46-1.77 s. Under a load of 3-4 the same code
gives 3-5 s wall: compare CPU times, and runs made at the same load.
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(db_path: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django

    django.setup()
    from django.conf import settings

    # background work (open data packages after a publication) is queued as on the embedded
    # default and done by the worker, not inside the publishing service being measured
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from ogp.countries.seed import seed_countries
    from ogp.eligibility import services

    seed_countries()
    services.ruleset_seed_shipped()


def bare_view_seconds(n: int = 300) -> float:
    """Median-ish cost of one request to a view that returns "ok" (best of 3 runs of n)."""
    import types

    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import path

    urls = types.ModuleType("bench_bare_urls")
    urls.urlpatterns = [path("bare/", lambda request: HttpResponse("ok"))]  # type: ignore[attr-defined]
    sys.modules["bench_bare_urls"] = urls
    best = float("inf")
    with override_settings(ROOT_URLCONF="bench_bare_urls", ALLOWED_HOSTS=["*"]):
        client = Client()
        client.get("/bare/")
        for _ in range(3):
            t0 = time.perf_counter()
            for _i in range(n):
                client.get("/bare/")
            best = min(best, (time.perf_counter() - t0) / n)
    return best


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        sys.exit(f"{data} not found: pass --data with the folder holding vdem/, ibp_obs/, eiu/")
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp) / "bench.sqlite3")
        from ogp.eligibility import compute, importing, seed, services
        from ogp.eligibility.models import Cycle, DatasetRelease, RuleSetVersion

        files = importing.candidate_files(data)
        print(f"files: {', '.join(p.name for p, _k in files)}")
        t0, c0 = time.perf_counter(), time.process_time()
        importing.import_paths([p for p, _k in files])
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        rows = sum(r.rows for r in DatasetRelease.objects.all())
        DatasetRelease.objects.all().delete()
        tracemalloc.start()
        importing.import_paths([p for p, _k in files])
        _cur, peak_import = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"import: {t_import:.2f} s wall, peak {mib(peak_import)} "
            f"({rows} source rows, {len(files)} files)"
        )

        years = seed.supported_years()
        cycles = []
        for year in years:
            cycles.append(services.cycle_open(acting_user=None, year=year))
        t0 = time.perf_counter()
        prepared = []
        for cycle in cycles:
            rules = RuleSetVersion.objects.get(pk=cycle.ruleset_id).rules
            prepared.append(
                (
                    compute.gather(
                        cycle, rules, research=compute.current_research_entries(cycle.year)
                    ),
                    rules,
                )
            )
        t_fetch = time.perf_counter() - t0
        n = sum(len(ci.inputs) for ci, _r in prepared)

        def score_all() -> None:
            for ci, rules in prepared:
                compute.score_all(ci, rules)

        score_all()  # warm up
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            score_all()
            best = min(best, time.perf_counter() - t0)
        tracemalloc.start()
        score_all()
        _cur, peak_score = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"fetch inputs from the database: {t_fetch:.2f} s for {len(cycles)} cycles")
        print(
            f"scoring: {best * 1000:.1f} ms wall (best of 5), peak {mib(peak_score)} "
            f"({n} country-cycles: {n // max(len(cycles), 1)} countries x {len(cycles)} "
            f"cycles {years[0]}-{years[-1]})"
        )
        compute._RELEASE_ROWS.clear()  # measure the reads too, as a fresh process would
        t0, c0 = time.perf_counter(), time.process_time()
        for cycle in cycles:
            services.cycle_compute(acting_user=None, cycle=cycle)
            # back-fill: only the newest cycle moves countries' statuses (as manage.py seed does)
            services.cycle_publish(
                acting_user=None, cycle=cycle, apply_statuses=cycle is cycles[-1]
            )
        t_pub, c_pub = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"compute and publish every cycle through the services (fetch, score, store, "
            f"audit, statuses from the newest cycle): {t_pub:.2f} s"
        )
        assert Cycle.objects.filter(state="published").count() == len(cycles)
        bare = bare_view_seconds()
        total = t_import + t_pub
        print(
            f"CPU time of this process (less sensitive to other processes on a shared machine): "
            f"import {c_import:.2f} s + compute and publish {c_pub:.2f} s = "
            f"{c_import + c_pub:.2f} s"
        )
        print(f"bare Django view: {bare * 1000:.2f} ms per request (best of 3 x 300)")
        print(
            f"import + compute + publish: {total:.2f} s = {total / bare:.0f} bare-view requests "
            f"(goal: under 2 s, i.e. {2 / bare:.0f} bare-view requests at this run's speed)"
        )


if __name__ == "__main__":
    main()
