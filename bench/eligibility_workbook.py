"""Benchmark: import the Open Budget Survey Explorer workbook (.xlsx, one sheet per round).

The real workbook is not in ../shared/data; this script rebuilds one in the Explorer's layout
(sheets named after the round, the Explorer's header in row 1, country names only) from the
shared OBS CSV, in a temporary folder, and imports it through the service, next to the CSV.

    .venv/bin/python bench/eligibility_workbook.py [--data ../shared/data]

Runs against a throw-away SQLite database. Prints wall time (best of 3, the release deleted
between runs), peak Python memory and how many rows matched by name.
"""

import argparse
import csv
import io
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.eligibility import mib, setup  # noqa: E402

HEADER = [
    "country",
    "Pre-Budget Statement",
    "Executive's Budget Proposal",
    "Citizens Budget",
    "Enacted Budget",
    "In-Year Reports",
    "Mid-Year Review",
    "Year-End Report",
    "Audit Report",
]
KEYS = ["country", "pbs", "ebp", "cb", "eb", "iyr", "myr", "yer", "ar"]


def build_workbook(csv_path: Path) -> bytes:
    from openpyxl import Workbook

    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    book = Workbook()
    book.remove(book.active)
    for year in sorted({r["survey_year"] for r in rows}):
        ws = book.create_sheet(year)
        ws.append(HEADER)
        for r in rows:
            if r["survey_year"] == year:
                ws.append([r[k] for k in KEYS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def timed_import(data: bytes, name: str) -> tuple[float, object]:
    from ogp.eligibility import services
    from ogp.eligibility.models import DatasetRelease

    best = float("inf")
    release = None
    for _ in range(3):
        DatasetRelease.objects.filter(file_name=name).delete()
        t0 = time.perf_counter()
        release, _created = services.release_import(acting_user=None, data=data, file_name=name)
        best = min(best, time.perf_counter() - t0)
    return best, release


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args()
    obs_csv = Path(args.data) / "ibp_obs" / "obs_public_availability_2006_2019.csv"
    crosswalk = Path(args.data) / "crosswalk"
    if not obs_csv.is_file():
        sys.exit(f"{obs_csv} not found: pass --data with the folder holding ibp_obs/")
    with tempfile.TemporaryDirectory() as tmp:
        setup(Path(tmp) / "bench.sqlite3")
        from ogp.eligibility import importing
        from ogp.eligibility.models import DatasetRelease

        if crosswalk.is_dir():  # name variants from the crosswalk, as in production
            importing.import_folder(crosswalk)
        workbook = build_workbook(obs_csv)
        (Path(tmp) / "Public Availability 2019.xlsx").write_bytes(workbook)
        t_csv, csv_release = timed_import(obs_csv.read_bytes(), obs_csv.name)
        DatasetRelease.objects.filter(pk=csv_release.pk).delete()
        t_xlsx, release = timed_import(workbook, "Public Availability 2019.xlsx")
        DatasetRelease.objects.filter(pk=release.pk).delete()
        tracemalloc.start()
        timed_import(workbook, "Public Availability 2019.xlsx")
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"workbook ({len(workbook) / 1024:.0f} KiB, {len(release.extra['sheets'])} sheets, "
            f"{release.rows} rows, {len(release.unmatched)} unmatched by name): "
            f"{t_xlsx * 1000:.0f} ms wall (best of 3), peak {mib(peak)}"
        )
        print(f"same data as CSV (codes): {t_csv * 1000:.0f} ms wall (best of 3)")


if __name__ == "__main__":
    main()
