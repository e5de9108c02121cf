"""What the HTTP benchmarks share: a throw-away production-settings site on gunicorn, warm-up,
keep-alive client threads, and percentiles reported against a bare view of the same run.

A benchmark script gives its seed code and its pages; this module does the rest:

    with production_site(seed_code, workers=2) as site:
        warm(site, pages, rounds=4 * 2)
        result = load(site, pages, clients=20, requests=40)
        report(result, workers=2, percentile=95)

The page kind named BARE is served by a second gunicorn with as many workers: ``bench/floor.py``,
a Django view returning 2 bytes with no middleware (the floor issue 12 measures against).

Two stacks (``add_stack_arguments`` gives every script ``--stack``, ``--postgres-url`` and
``--redis-url``):

- ``postgres`` (the default, production's): a fresh PostgreSQL database created on the server
  of ``--postgres-url`` (default ``$BENCH_POSTGRES_URL`` or postgres://postgres@127.0.0.1:5432/)
  under a unique name starting with ``--database-prefix`` (``ogp_bench``), dropped at the end;
  the Redis cache of ``--redis-url`` (``$BENCH_REDIS_URL`` or redis://127.0.0.1:6379/0) under a
  key prefix of its own, whose keys are deleted at the end (other keys of that Redis database
  are left alone); ``BENCH_KEEP_DATABASE=1`` keeps the database (its address is printed), to
  profile it afterwards with bench/profile_request.py, or to run again against it without
  seeding with ``--reuse DATABASE_URL`` (migrated first; never dropped);
- ``sqlite``: a SQLite file in a temporary folder, with the Redis cache too, or the database
  cache (``without_redis``) as on a one-machine install.

The stack is printed with the figures (``Site.stack``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
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
from urllib.parse import urlparse, urlunparse

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


DEFAULT_POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
DEFAULT_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def add_stack_arguments(parser: argparse.ArgumentParser, *, default: str = "postgres") -> None:
    """--stack, --postgres-url, --database-prefix, --redis-url, --no-redis."""
    group = parser.add_argument_group("stack (production: PostgreSQL + Redis)")
    group.add_argument("--stack", choices=["postgres", "sqlite"], default=default)
    group.add_argument(
        "--postgres-url", default=DEFAULT_POSTGRES,
        help="server on which a fresh database is created for the run and dropped at the end",
    )  # fmt: skip
    group.add_argument("--database-prefix", default="ogp_bench", help="of the fresh database")
    group.add_argument(
        "--redis-url", default=DEFAULT_REDIS,
        help="the cache (the run's keys are under a prefix of their own, deleted at the end)",
    )  # fmt: skip
    group.add_argument(
        "--no-redis", action="store_true", help="the database cache instead of Redis"
    )
    group.add_argument(
        "--reuse", default="", metavar="DATABASE_URL",
        help="a PostgreSQL database kept by an earlier run (BENCH_KEEP_DATABASE=1): migrated, "
        "not seeded, not dropped",
    )  # fmt: skip


@dataclass
class Stack:
    """Where a run keeps its data: made by `stack_from_args`, used by `production_site`."""

    kind: str = "sqlite"  # or "postgres"
    postgres_url: str = DEFAULT_POSTGRES
    database_prefix: str = "ogp_bench"
    redis_url: str | None = None  # None: the database cache
    reuse: str = ""  # a kept PostgreSQL database: migrated, not seeded, not dropped

    def label(self, database_url: str) -> str:
        database = "SQLite" if self.kind == "sqlite" else f"PostgreSQL {_pg_version(database_url)}"
        cache = "Redis cache" if self.redis_url else "database cache"
        return f"{database} + {cache}"


def stack_from_args(args: argparse.Namespace) -> Stack:
    return Stack(
        kind=args.stack,
        postgres_url=args.postgres_url,
        database_prefix=args.database_prefix,
        redis_url=None if args.no_redis else args.redis_url,
        reuse=args.reuse,
    )


def _pg_args(url: str) -> list[str]:
    u = urlparse(url)
    host, port, user = u.hostname or "127.0.0.1", str(u.port or 5432), u.username or "postgres"
    return ["-h", host, "-p", port, "-U", user]


def _pg_version(database_url: str) -> str:
    name = urlparse(database_url).path.lstrip("/")
    query = ["psql", *_pg_args(database_url), "-tAc", "SHOW server_version", name]
    out = subprocess.run(query, capture_output=True, text=True, check=False).stdout.strip()
    return out.split()[0] if out else "?"


@contextmanager
def _database(stack: Stack, tmp: str) -> Iterator[str]:
    """A DATABASE_URL for the run: a SQLite file in `tmp`, or a fresh PostgreSQL database
    (created here, dropped at the end even when the run fails)."""
    if stack.kind == "sqlite":
        yield f"sqlite:///{tmp}/bench.sqlite3"
        return
    if stack.reuse:  # kept by an earlier run: left as it is at the end
        yield stack.reuse
        return
    name = f"{stack.database_prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    args = _pg_args(stack.postgres_url)
    subprocess.run(["createdb", *args, name], check=True)
    url = urlunparse(urlparse(stack.postgres_url)._replace(path=f"/{name}"))
    try:
        yield url
    finally:
        if os.environ.get("BENCH_KEEP_DATABASE"):  # to profile it afterwards; drop it yourself
            print(f"kept {url} (BENCH_KEEP_DATABASE)")
        else:
            subprocess.run(["dropdb", "--if-exists", "--force", *args, name], check=False)


def _clear_redis(url: str, prefix: str) -> None:
    code = (
        "import redis, sys\n"
        "r = redis.Redis.from_url(sys.argv[1])\n"
        "keys = list(r.scan_iter(match=sys.argv[2] + ':*', count=1000))\n"
        "[r.delete(*keys[i:i + 1000]) for i in range(0, len(keys), 1000)]\n"
    )
    subprocess.run([PY, "-c", code, url, prefix], check=False)


@dataclass
class Site:
    port: int
    floor_port: int
    env: dict[str, str]
    seed_output: str
    stack: str = ""
    server_pid: int = 0

    def port_for(self, kind: str) -> int:
        return self.floor_port if kind == BARE else self.port

    def server_cpu(self) -> float:
        """CPU seconds (user + system) used so far by the platform's gunicorn and its workers:
        a figure that other programs on a busy machine disturb far less than latencies."""
        return _tree_cpu(self.server_pid) if self.server_pid else 0.0


def _tree_cpu(root: int) -> float:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tick = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


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
def production_site(
    seed: str,
    *,
    workers: int = 2,
    without_redis: bool = False,
    stack: Stack | None = None,
    env_overrides: dict[str, str] | None = None,
    threads: int = 4,
) -> Iterator[Site]:
    """Migrate a fresh database, collect static files, run `seed` in `manage.py shell`, then
    serve it with gunicorn until the block ends: gthread workers with `threads` threads each,
    or sync workers (the deployment's default) with ``threads=0``. Without a `stack`: SQLite
    and the environment's REDIS_URL (the database cache with `without_redis`)."""
    if stack is None:
        redis_url = None if without_redis else os.environ.get("REDIS_URL") or None
        stack = Stack(kind="sqlite", redis_url=redis_url)
    elif without_redis:
        stack = Stack(stack.kind, stack.postgres_url, stack.database_prefix, None, stack.reuse)
    with tempfile.TemporaryDirectory() as tmp, _database(stack, tmp) as database_url:
        prefix = f"bench{os.getpid()}{secrets.token_hex(3)}"
        env = production_env(tmp, DATABASE_URL=database_url, **(env_overrides or {}))
        env.pop("REDIS_URL", None)  # the database cache, as without Redis
        if stack.redis_url:
            env.update(REDIS_URL=stack.redis_url, CACHE_KEY_PREFIX=prefix)
        label = stack.label(database_url)
        manage = [PY, str(ROOT / "manage.py")]
        t0 = time.perf_counter()
        try:
            subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
            subprocess.run(
                [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
            )
            if stack.reuse:
                out = f"reused {stack.reuse} (not seeded)"
            else:
                out = subprocess.run(
                    [*manage, "shell", "-c", seed], env=env, check=True, cwd=ROOT,
                    capture_output=True, text=True,
                ).stdout.strip()  # fmt: skip
            last = out.splitlines()[-1] if out else ""
            print(f"{label}: seeded in {time.perf_counter() - t0:.1f} s: {last}", flush=True)
            port, floor_port = free_port(), free_port()
            kind = ["-k", "gthread", "--threads", str(threads)] if threads else ["-k", "sync"]
            # the workers' heartbeat files in memory, as the README's unit has them
            shm = "/dev/shm"  # noqa: S108 (gunicorn's own advice; only its heartbeat files)
            tmp_dir = ["--worker-tmp-dir", shm] if Path(shm).is_dir() else []
            common = ["-w", str(workers), *kind, "--timeout", "120", "--backlog", "2048", *tmp_dir,
                      "--log-level", "warning", "--no-control-socket"]  # fmt: skip
            server = subprocess.Popen(
                [GUNICORN, "config.wsgi", "-b", f"127.0.0.1:{port}", *common], env=env, cwd=ROOT
            )
            floor = subprocess.Popen(
                [GUNICORN, "bench.floor", "-b", f"127.0.0.1:{floor_port}", *common], cwd=ROOT
            )
            try:
                _wait_up(port)
                _wait_up(floor_port, "/")
                yield Site(
                    port=port,
                    floor_port=floor_port,
                    env=env,
                    seed_output=out,
                    stack=label,
                    server_pid=server.pid,
                )
            finally:
                for process in (server, floor):
                    process.terminate()
                    process.wait(timeout=20)
        finally:
            if stack.redis_url:
                _clear_redis(stack.redis_url, prefix)


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
    cpu: float = 0.0  # CPU seconds of the platform's gunicorn during the run

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
            try:
                conn.request("GET", url, headers=headers or {})
                response = conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn closed an idle keep-alive connection: a browser sends the request
                # again on a new one (the time of both counts)
                conn.close()
                conn = conns[kind] = http.client.HTTPConnection(
                    "127.0.0.1", site.port_for(kind), timeout=60
                )
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
    cpu0 = site.server_cpu()
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return LoadResult(clients, wall, timings, errors, site.server_cpu() - cpu0)


def report(
    result: LoadResult, *, workers: int, percentile: int = 95, note: str = "", stack: str = ""
) -> None:
    """One line for the run (with the stack), one per page kind with p50, p`percentile` and the
    ratio of that percentile to the bare view's (when the pages include BARE)."""
    print(
        f"{result.clients} clients, {result.total} requests in {result.wall:.1f} s "
        f"({result.total / result.wall:.0f} req/s), gunicorn {workers} workers x 4 threads, "
        f"{stack + ', ' if stack else ''}{note}{len(result.errors)} errors"
    )
    served = result.total - len(result.timings.get(BARE, []))
    if result.cpu and served:
        print(
            f"platform server CPU: {result.cpu * 1000 / served:.1f} ms per request (all of "
            f"its {served} requests, bare-view ones excluded)"
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


# wrk's Lua hooks: each request takes the next address of PATHS, with "{n}" replaced by a
# number no other request of the run uses (thread id, then a counter)
_WRK_ROTATE = """
local paths = {%s}
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local counter = 0
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  path = path:gsub("{n}", tid .. "x" .. counter)
  return wrk.format("GET", path)
end
"""


def run_wrk(
    url: str,
    *,
    seconds: int,
    clients: int,
    headers: dict[str, str] | None = None,
    paths: list[str] | None = None,
) -> dict[str, float]:
    """One ``wrk`` run (Debian's package, ``make bench-deps``): requests/s, p99 in ms,
    time-outs and non-2xx answers. With ``paths``, the requests go in turn to each of those
    addresses on ``url``'s host, ``{n}`` in them becoming a number no other request used (a
    page no cache holds). A loaded machine can starve one run entirely: it is then measured
    once more."""
    args = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    script = None
    if paths:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
        script.write(_WRK_ROTATE % ", ".join(json.dumps(path) for path in paths))
        script.close()
        args += ["-s", script.name]
    for attempt in range(2):
        out = subprocess.run(
            [*args, url], capture_output=True, text=True, timeout=seconds + 30
        ).stdout
        found = re.search(r"Requests/sec:\s+([\d.]+)", out)
        if found and float(found.group(1)) > 0:
            break
        print(f"wrk {url}: no answer\n{out}", file=sys.stderr)
        time.sleep(2 * (attempt + 1))
    if script is not None:
        os.unlink(script.name)
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
