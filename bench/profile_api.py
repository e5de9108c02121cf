"""CPU time of API requests in-process (no network, no gunicorn): steadier than load tests on a
busy machine. Production settings against a database kept by bench/api_http.py:

    BENCH_KEEP_DATABASE=1 .venv/bin/python bench/api_http.py   # prints "kept postgres://..."
    DATABASE_URL=postgres://.../ogp_bench_... REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/profile_api.py [--requests 200] [--profile] [PATH?QUERY ...]

Each address is called through the WSGI application (every middleware) ``--requests`` times
after a warm-up; ``{n}`` in an address becomes a new number at every request (a cache miss).
Prints the process CPU time per request, the queries per request, and with ``--profile`` the
functions with the most own time (cProfile). ``--rounds N`` measures N rounds of ``--requests``
each and prints the lowest and the median round: on a shared machine the lowest is the
steadier figure (other programs only ever add time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "support"))

DEFAULT_PATHS = [
    "/api/v1/cycles/2024/results/?page_size=50",
    "/api/v1/cycles/2024/results/?page_size=50&nocache={n}",
    "/api/v1/cycles/2024/results/?status=eligible&region=africa&page_size=50&nocache={n}",
    "/api/v1/commitments/?page_size=50&nocache={n}",
    "/api/v1/commitments/?page_size=50&country=UKR&nocache={n}",
    "/api/v1/commitments/?page_size=50&value=civic_participation&nocache={n}",
    "/api/v1/commitments/?page_size=50&policy_area=right-to-information&nocache={n}",
    "/api/v1/countries/?page_size=50&nocache={n}",
    "/bench/bare/",
]


def environ(path: str, headers: dict[str, str]) -> dict[str, object]:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1, help="lowest and median of N rounds")
    parser.add_argument("--profile", action="store_true", help="cProfile: top functions")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--dump", default="", help="with --profile: write the stats to this file")
    args = parser.parse_args()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "api_bench_settings",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "API_RATE_ANON": "100000000/min",
            "LOG_LEVEL": "WARNING",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        }
    )
    import logging

    import django

    django.setup()
    for handler in logging.getLogger().handlers:  # the log line goes to a sink, as to stderr
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(io.StringIO())  # type: ignore[arg-type]
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection, reset_queries

    app = WSGIHandler()
    counter = itertools.count(random.randrange(10**12))  # fresh addresses at every run

    def call(path: str) -> tuple[str, int]:
        status: list[str] = []
        body = app(
            environ(path.replace("{n}", str(next(counter))), {}),
            lambda s, h: status.append(s),
        )
        size = len(b"".join(body))
        body.close()
        return status[0], size

    connection.force_debug_cursor = True
    print(f"{args.requests} requests per address, in-process (production settings)")
    for path in args.paths:
        for _ in range(10):
            status, size = call(path)
        assert status.startswith("200"), (path, status)
        reset_queries()
        call(path)
        queries = len(connection.queries)
        profile = cProfile.Profile(time.process_time) if args.profile else None  # CPU, not wall
        rounds = []
        for _ in range(args.rounds):
            times0, wall0 = os.times(), time.perf_counter()
            if profile:
                profile.enable()
            for _ in range(args.requests):
                call(path)
                if len(connection.queries) > 1000:
                    reset_queries()
            if profile:
                profile.disable()
            times = os.times()
            rounds.append(
                (
                    (times.user - times0.user + times.system - times0.system)
                    / args.requests
                    * 1000,
                    (times.user - times0.user) / args.requests * 1000,
                    (times.system - times0.system) / args.requests * 1000,
                    (time.perf_counter() - wall0) / args.requests * 1000,
                )
            )
        rounds.sort()
        cpu, user, system, wall = rounds[0]
        note = " (under cProfile)" if profile else ""
        spread = (
            f" (lowest of {args.rounds} rounds; median {rounds[len(rounds) // 2][0]:.2f} ms)"
            if args.rounds > 1
            else ""
        )
        print(
            f"{path}: {cpu:.2f} ms CPU ({user:.2f} user, {system:.2f} system){spread}, "
            f"{wall:.2f} ms wall{note}, {queries} queries, {size} B"
        )
        if profile:
            out = io.StringIO()
            order = os.environ.get("SORT", "tottime")  # SORT=cumulative: by total time
            stats = pstats.Stats(profile, stream=out)
            if args.dump:
                stats.dump_stats(args.dump)
            stats.sort_stats(order).print_stats(args.top)
            print("\n".join(out.getvalue().splitlines()[6:]))
            print_by_package(stats, args.requests * args.rounds)


def print_by_package(stats: pstats.Stats, requests: int) -> None:
    """Own time per request summed by where the code lives (Django's parts, DRF, drivers...)."""
    totals: dict[str, float] = {}
    for (filename, _line, _name), entry in stats.stats.items():  # type: ignore[attr-defined]
        place = filename.split("site-packages/")[-1] if "site-packages/" in filename else filename
        if place.startswith(str(ROOT)):
            place = place[len(str(ROOT)) + 1 :]
        parts = place.split("/")
        group = "/".join(parts[:3] if parts[0] == "django" else parts[:2])
        stdlib = "python3." in filename and "site-packages/" not in filename
        if group.startswith(("~", "<")) or stdlib:
            group = "builtins and stdlib"
        totals[group] = totals.get(group, 0.0) + entry[2]
    print("own time per request by package (under cProfile):")
    for group, seconds in sorted(totals.items(), key=lambda item: -item[1])[:20]:
        print(f"  {seconds * 1000 / requests:6.3f} ms  {group}")


if __name__ == "__main__":
    main()
