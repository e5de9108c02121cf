"""What the HTTP benchmarks share: a throw-away production-settings site on gunicorn, warm-up,
keep-alive client threads, and percentiles reported against a bare view of the same run.

A benchmark script gives its seed code and its pages; this module does the rest:

    with production_site(seed_code, workers=2) as site:
        warm(site.port, pages, rounds=4 * 2)
        result = load(site.port, pages, clients=20, requests=40)
        report(result, floor="bare view (/health/)", percentile=95)
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
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
BARE = "bare view (/health/)"


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
    env: dict[str, str]
    seed_output: str


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
        port = free_port()
        server = subprocess.Popen(
            [GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
             "-k", "gthread", "--threads", "4", "--timeout", "120", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        try:
            _wait_up(port)
            yield Site(port=port, env=env, seed_output=out)
        finally:
            server.terminate()
            server.wait(timeout=20)


def warm(port: int, pages: dict[str, list[str]], *, rounds: int) -> None:
    """Request every page `rounds` times (each worker and its caches), failing on a non-200."""
    for _ in range(rounds):
        for urls in pages.values():
            for url in urls:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
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
    port: int,
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
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in range(requests):
            kind = kinds[(i + n) % len(kinds)]
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
