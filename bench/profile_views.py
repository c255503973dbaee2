"""Where the time goes: the benchmark's pages under cProfile, in-process, no server.

    .venv/bin/python bench/profile_views.py [--days 3650] [--runs 200] [--top 25]

Builds the same dataset as bench/run.py in a temporary folder (SQLite), or with
DATABASE_URL set in a scratch PostgreSQL database beside the one it names (dropped
afterwards), then for each page: the median time per request through Django's test
client (the whole middleware stack and template rendering, no network), the SQL it
runs with the database's query plan and time, and the cProfile functions with the
most cumulative and own time.
"""

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import dataset
import scratch_database


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--promises", type=int, default=3)
    parser.add_argument("--runs", type=int, default=200, help="requests per page")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument("--only", help="profile only the page whose path contains this")
    args = parser.parse_args(argv)

    data_dir = Path(tempfile.mkdtemp(prefix="selftrust-profile-"))
    try:
        with contextlib.ExitStack() as stack:
            database_url = None
            if os.environ.get("DATABASE_URL"):
                scratch = stack.enter_context(
                    scratch_database.scratch_database(os.environ["DATABASE_URL"])
                )
                database_url = scratch.url
            return _profile(args, data_dir, database_url)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _profile(args, data_dir: Path, database_url: str | None) -> int:
    try:
        dataset.setup_django(data_dir, database_url)
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", interactive=False, verbosity=0)
        data = dataset.generate(days=args.days, promises=args.promises)
        print(f"{data.promises} promises, {data.check_ins} check-ins ({data.database})\n")

        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies[settings.SESSION_COOKIE_NAME] = data.session_key
        pages = [
            ("/bench/hello", {}),
            ("/today/", {}),
            ("/track-record/", {}),
            ("/practice/mine/", {}),
            ("/practice/decisions/", {}),
            ("/api/v1/track-record", {"HTTP_AUTHORIZATION": f"Bearer {data.api_token}"}),
        ]
        for path, extra in pages:
            if args.only and args.only not in path:
                continue
            first = client.get(path, **extra)
            assert first.status_code == 200, (path, first.status_code)
            captured = []

            def record(execute, sql, params, many, context, captured=captured):
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    captured.append((sql, params, time.perf_counter() - started))

            with connection.execute_wrapper(record):
                client.get(path, **extra)
            timings = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get(path, **extra)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            print("=" * 100)
            print(
                f"{path}: median {statistics.median(timings):.2f} ms, "
                f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:.2f} ms "
                f"over {args.runs} requests (in-process, warm cache), "
                f"{len(response.content)} bytes"
            )
            print(f"-- {len(captured)} queries:")
            for sql, params, seconds in captured:
                print(f"   {seconds * 1000:.2f} ms  {sql[:300]}")
                if sql.lstrip().upper().startswith("SELECT"):
                    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
                    with connection.cursor() as cursor:
                        cursor.execute(explain + sql, params)
                        for row in cursor.fetchall():
                            print(f"      plan: {row[-1]}")
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.runs):
                client.get(path, **extra)
            profiler.disable()
            for order in ("cumulative", "tottime"):
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
                stats.print_stats(args.top)
                print(f"-- by {order}:")
                print(out.getvalue().split("\n", 7)[-1].rstrip())
        return 0
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001
            pass


if __name__ == "__main__":
    sys.exit(main())
