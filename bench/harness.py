"""What the HTTP benchmarks share: a throw-away production-settings site on gunicorn, warm-up,
keep-alive client threads, and percentiles reported against a bare view of the same run.

A benchmark script gives its seed code and its pages; this module does the rest:

    with production_site(seed_code, workers=2) as site:
        warm(site, pages, rounds=4 * 2)
        result = load(site, pages, clients=20, requests=40)
        report(result, workers=2, percentile=95)

The page kind named BARE is served by a second gunicorn with as many workers: ``bench/floor.py``,
a Django view returning 2 bytes with no middleware (the floor issue 12 measures against).
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
BARE = "bare Django view (bench/floor.py)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def production_env(tmp: str, **overrides: str) -> dict[str, str]:
    """Production settings on a SQLite file in `tmp` (override DATABASE_URL for PostgreSQL)."""
    return {
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
        **overrides,
    }


@dataclass
class Site:
    port: int
    floor_port: int
    env: dict[str, str]
    seed_output: str

    def port_for(self, kind: str) -> int:
        return self.floor_port if kind == BARE else self.port


def _wait_up(port: int, path: str = "/health/") -> None:
    for _ in range(150):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {path} on port {port}")


@contextmanager
def production_site(seed: str, *, workers: int = 2, without_redis: bool = False) -> Iterator[Site]:
    """Migrate a fresh database, collect static files, run `seed` in `manage.py shell`, then
    serve it with gunicorn (gthread, 4 threads a worker) until the block ends."""
    with tempfile.TemporaryDirectory() as tmp:
        env = production_env(tmp)
        if without_redis:
            env.pop("REDIS_URL", None)  # the database cache, as without Redis
        manage = [PY, str(ROOT / "manage.py")]
        t0 = time.perf_counter()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
        )
        out = subprocess.run(
            [*manage, "shell", "-c", seed], env=env, check=True, cwd=ROOT,
            capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        last = out.splitlines()[-1] if out else ""
        print(f"seeded in {time.perf_counter() - t0:.1f} s: {last}")
        port, floor_port = free_port(), free_port()
        common = ["-w", str(workers), "-k", "gthread", "--threads", "4", "--timeout", "120",
                  "--log-level", "warning"]  # fmt: skip
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{port}", *common], env=env, cwd=ROOT
        )
        floor = subprocess.Popen(
            [GUNICORN, "bench.floor", "-b", f"127.0.0.1:{floor_port}", *common], cwd=ROOT
        )
        try:
            _wait_up(port)
            _wait_up(floor_port, "/")
            yield Site(port=port, floor_port=floor_port, env=env, seed_output=out)
        finally:
            for process in (server, floor):
                process.terminate()
                process.wait(timeout=20)


def warm(site: Site, pages: dict[str, list[str]], *, rounds: int) -> None:
    """Request every page `rounds` times (each worker and its caches), failing on a non-200."""
    for _ in range(rounds):
        for kind, urls in pages.items():
            for url in urls:
                conn = http.client.HTTPConnection("127.0.0.1", site.port_for(kind), timeout=60)
                conn.request("GET", url)
                response = conn.getresponse()
                body = response.read()
                assert response.status == 200, (url, response.status, body[:300])
                conn.close()


@dataclass
class LoadResult:
    clients: int
    wall: float
    timings: dict[str, list[float]]
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.timings.values())


def load(
    site: Site,
    pages: dict[str, list[str]],
    *,
    clients: int,
    requests: int,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """`clients` threads with keep-alive connections, each making `requests` requests that
    go round the page kinds (and round each kind's addresses)."""
    kinds = list(pages)
    timings: dict[str, list[float]] = {k: [] for k in kinds}
    errors: list[str] = []
    lock = threading.Lock()

    def client(i: int) -> None:
        conns = {k: http.client.HTTPConnection("127.0.0.1", site.port_for(k), timeout=60)
                 for k in kinds}  # fmt: skip
        for n in range(requests):
            kind = kinds[(i + n) % len(kinds)]
            conn = conns[kind]
            urls = pages[kind]
            url = urls[(i * 7 + n) % len(urls)]
            t = time.perf_counter()
            conn.request("GET", url, headers=headers or {})
            response = conn.getresponse()
            response.read()
            dt = time.perf_counter() - t
            with lock:
                if response.status != 200:
                    errors.append(f"{url}: {response.status}")
                timings[kind].append(dt)
        for conn in conns.values():
            conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return LoadResult(clients, time.perf_counter() - t0, timings, errors)


def report(result: LoadResult, *, workers: int, percentile: int = 95, note: str = "") -> None:
    """One line for the run, one per page kind with p50, p`percentile` and the ratio of that
    percentile to the bare view's (when the pages include BARE)."""
    print(
        f"{result.clients} clients, {result.total} requests in {result.wall:.1f} s "
        f"({result.total / result.wall:.0f} req/s), gunicorn {workers} workers x 4 threads, "
        f"{note}{len(result.errors)} errors"
    )
    floor = pct(result.timings[BARE], percentile) if BARE in result.timings else None
    for kind, values in result.timings.items():
        p = pct(values, percentile)
        ratio = f"; {p / floor:.1f}x the bare view's" if floor else ""
        print(
            f"{kind}: p50 {pct(values, 50) * 1000:.0f} ms, p{percentile} {p * 1000:.0f} ms "
            f"({len(values)} requests{ratio})"
        )
    if result.errors:
        raise SystemExit("\n".join(result.errors[:10]))


def run_wrk(
    url: str, *, seconds: int, clients: int, headers: dict[str, str] | None = None
) -> dict[str, float]:
    """One ``wrk`` run (Debian's package, ``make bench-deps``): requests/s, p99 in ms,
    time-outs and non-2xx answers. A loaded machine can starve one run entirely: it is then
    measured once more."""
    args = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    for attempt in range(2):
        out = subprocess.run(
            [*args, url], capture_output=True, text=True, timeout=seconds + 30
        ).stdout
        found = re.search(r"Requests/sec:\s+([\d.]+)", out)
        if found and float(found.group(1)) > 0:
            break
        print(f"wrk {url}: no answer\n{out}", file=sys.stderr)
        time.sleep(2 * (attempt + 1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    timeouts = re.search(r"timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(found.group(1)) if found else 0.0,
        "p99": float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan"),
        "timeouts": float(timeouts.group(1)) if timeouts else 0.0,
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


def report_wrk(
    site: Site,
    pages: dict[str, list[str]],
    *,
    seconds: int,
    clients: int,
    headers: dict[str, str] | None = None,
) -> None:
    """Each page kind's first address under ``wrk -c<clients>``, with its share of the bare
    view's requests/s in the same run (the bare view first)."""
    floor = None
    print(f"wrk -c{clients} -d{seconds}s, one address per page kind")
    for kind, urls in pages.items():
        url = f"http://127.0.0.1:{site.port_for(kind)}{urls[0]}"
        result = run_wrk(url, seconds=seconds, clients=clients, headers=headers)
        floor = floor or result["rps"] or None
        share = f", {result['rps'] / floor:.0%} of the bare view" if floor else ""
        print(
            f"{kind}: {result['rps']:.0f} req/s{share}, p99 {result['p99']:.0f} ms, "
            f"{result['timeouts']:.0f} time-outs, {result['errors']:.0f} errors"
        )
