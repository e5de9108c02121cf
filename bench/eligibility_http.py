"""Benchmark: p50/p95 latency of the public score sheet and a country page under 20 concurrent
clients, on gunicorn with production settings and a seeded SQLite database.

    .venv/bin/python bench/eligibility_http.py [--data ../shared/data] [--requests 40]

Builds a throw-away database (rule sets, the publishers' files in --data, every supported cycle
computed and published), collects static files, starts gunicorn on 127.0.0.1 (stopped at the
end), warms each worker, then runs 20 client threads with keep-alive connections.
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


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
        manage = [PY, str(ROOT / "manage.py")]
        t0 = time.perf_counter()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
        )
        out = subprocess.run(
            [*manage, "shell", "-c", SEED.format(data=args.data)],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        print(f"seeded in {time.perf_counter() - t0:.1f} s: {out.strip().splitlines()[-1]}")
        year = 2024
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
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            for _ in range(100):
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    conn.request("GET", "/health/")
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            sheet = f"/en/eligibility/{year}/"
            pages = {
                "score sheet": [sheet],
                "country page": [f"/en/eligibility/country/{c}/" for c in COUNTRIES],
            }
            # warm every worker and cache
            for _ in range(4 * args.workers):
                for urls in pages.values():
                    for url in urls:
                        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                        c.request("GET", url)
                        r = c.getresponse()
                        body = r.read()
                        assert r.status == 200, (url, r.status, body[:300])
                        c.close()
            timings: dict[str, list[float]] = {k: [] for k in pages}
            lock = threading.Lock()
            errors: list[str] = []

            headers = {"Cookie": "bench=1"} if args.cookie else {}

            def client(i: int) -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                for n in range(args.requests):
                    kind = "score sheet" if (i + n) % 2 == 0 else "country page"
                    urls = pages[kind]
                    url = urls[(i + n) % len(urls)]
                    t = time.perf_counter()
                    conn.request("GET", url, headers=headers)
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
                f"{'with a cookie (no whole-page cache), ' if args.cookie else ''}"
                f"{len(errors)} errors"
            )
            for kind, values in timings.items():
                print(
                    f"{kind}: p50 {pct(values, 50) * 1000:.0f} ms, "
                    f"p95 {pct(values, 95) * 1000:.0f} ms ({len(values)} requests)"
                )
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
