"""Selftrust's benchmark: `make bench` (or `.venv/bin/python bench/run.py`).

1. A fresh temporary SELFTRUST_DATA_DIR and database: SQLite (WAL) in that folder, or, when
   DATABASE_URL is set, a scratch PostgreSQL database `<name>_bench` on the same server
   (bench/scratch_database.py; the database DATABASE_URL names is never written to).
   `selftrust migrate`, and one person with ten years of daily promises, check-ins and
   practice entries, a session and a personal API token.
2. The real server, `selftrust serve --no-worker --no-access-log` (the web server alone), on
   free ports of 127.0.0.1 (with the hello-world baseline view turned on), ready once
   /healthz answers: one server, then two side by side (`--servers`; both by default on
   PostgreSQL, where several servers share one database in a clinic).
3. For each page: a warm-up, then a fixed number of requests (or a time limit) over several
   keep-alive connections, the pages taking turns in rounds.
4. The figures go to docs/benchmarks.md, between the bench:start and bench:end markers for
   SQLite, or the bench-postgres:start and bench-postgres:end markers for PostgreSQL.
5. The servers are stopped, the scratch database dropped and the temporary folder removed,
   whatever happens.

`--quick` is a smoke run: a small dataset and few requests, printed but not written to
docs/benchmarks.md unless --output is given.
"""

import argparse
import contextlib
import html
import http.client
import http.cookies
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dataset
import loadgen
import report
import scratch_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
HEALTH_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0


def _selftrust_command() -> str:
    beside_python = Path(sys.executable).parent / "selftrust"
    if beside_python.exists():
        return str(beside_python)
    return str(ROOT / ".venv" / "bin" / "selftrust")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _default_workers() -> int:
    # The same default as `selftrust serve`: cores + 1, at most 4.
    return min(4, (os.cpu_count() or 1) + 1)


def _server_counts(value: str) -> list[int]:
    try:
        counts = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        counts = []
    if not counts or any(n < 1 for n in counts):
        raise argparse.ArgumentTypeError("give numbers of servers like 1 or 1,2")
    return counts


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql"),
        default="postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
        help="postgresql (the default when DATABASE_URL is set: a scratch database "
        "<name>_bench on its server) or sqlite (the default otherwise)",
    )
    parser.add_argument(
        "--servers",
        type=_server_counts,
        help="numbers of servers to measure in turn, e.g. 1,2 (default: 1,2 on PostgreSQL, "
        "1 on SQLite)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 90 days of data, 200 requests or 3 s per endpoint, docs left alone",
    )
    parser.add_argument(
        "--requests", type=int, help="measured requests per endpoint (default 2000; quick 200)"
    )
    parser.add_argument(
        "--duration", type=float, help="time limit per endpoint in seconds (default 20; quick 3)"
    )
    parser.add_argument(
        "--warmup", type=int, help="warm-up requests per endpoint (default 200; quick 30)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        help="the endpoints take turns in this many rounds, sharing --requests and "
        "--duration (default 4; quick 1)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=8, help="keep-alive connections (default 8)"
    )
    parser.add_argument(
        "--client-processes",
        type=int,
        help="load generator processes (default: the number of CPUs, at most --concurrency)",
    )
    parser.add_argument("--days", type=int, help="days of history (default 3650; quick 90)")
    parser.add_argument("--promises", type=int, default=3, help="daily promises (default 3)")
    parser.add_argument(
        "--workers",
        type=int,
        default=_default_workers(),
        help="gunicorn worker processes (default, as `selftrust serve`: cores + 1, at most 4)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument(
        "--output",
        type=Path,
        help=f"Markdown file to update (default {DEFAULT_OUTPUT.relative_to(ROOT)}; "
        "--quick writes nothing unless this is given)",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    args.requests = args.requests or (200 if quick else 2000)
    args.duration = args.duration or (3.0 if quick else 20.0)
    args.warmup = args.warmup if args.warmup is not None else (30 if quick else 200)
    args.rounds = args.rounds or (1 if quick else 4)
    args.days = args.days or (90 if quick else 3650)
    args.client_processes = args.client_processes or (os.cpu_count() or 1)
    if args.database == "postgresql" and not os.environ.get("DATABASE_URL"):
        parser.error("--database postgresql needs DATABASE_URL (postgres://user:pass@host/name)")
    if args.servers is None:
        args.servers = [1, 2] if args.database == "postgresql" else [1]
    if args.output is None and not quick:
        args.output = DEFAULT_OUTPUT
    for name in ("requests", "rounds", "concurrency", "days", "promises", "workers", "threads"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    args.rounds = min(args.rounds, args.requests)
    if args.duration <= 0:
        parser.error("--duration must be positive")
    return args


class Server:
    """`selftrust serve` as a child process in its own process group."""

    def __init__(self, env: dict[str, str], workers: int, threads: int, log_path: Path):
        self.port = _free_port()
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                _selftrust_command(),
                "serve",
                # The web server alone: no background worker beside it, no access log.
                "--no-worker",
                "--no-access-log",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--threads",
                str(threads),
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"the server exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                response = conn.getresponse()
                body = response.read()
                conn.close()
                if response.status == 200 and b'"ok"' in body:
                    return
                last_error = f"HTTP {response.status}"
            except OSError as error:
                last_error = repr(error)
            time.sleep(0.2)
        raise RuntimeError(f"the server was not healthy in time ({last_error}):\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        self._log.flush()
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM to gunicorn's master (a graceful stop), SIGKILL to its group if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                print("The server did not stop in time; killing it.", file=sys.stderr)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=STOP_TIMEOUT_S)
        self._log.close()


def _get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, list[str]], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        found: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            found.setdefault(name.lower(), []).append(value)
        return response.status, found, body
    finally:
        conn.close()


def browser_cookies(port: int, session_key: str) -> str:
    """The session cookie plus the CSRF cookie the first page sets, as a browser would hold."""
    cookie = f"sessionid={session_key}"
    status, headers, _body = _get(port, "/today/", {"Cookie": cookie})
    if status != 200:
        raise RuntimeError(f"signing in with the session failed: /today/ answered {status}")
    jar = http.cookies.SimpleCookie()
    for value in headers.get("set-cookie", []):
        jar.load(value)
    if "csrftoken" in jar:
        cookie += f"; csrftoken={jar['csrftoken'].value}"
    return cookie


def targets(data: dataset.Dataset, cookie: str) -> list[loadgen.Target]:
    first_text = data.promise_texts[0]
    in_html = html.escape(first_text).encode()
    page = {"Cookie": cookie, "Accept": "text/html"}
    return [
        loadgen.Target("Hello world", "/bench/hello", {}, (b"Hello, world",)),
        loadgen.Target("Today", "/today/", page, (b"<h1>Today</h1>", in_html)),
        loadgen.Target(
            "Track record",
            "/track-record/",
            page,
            (b"Your track record", b'id="summary"', in_html),
        ),
        loadgen.Target(
            "Timeline", "/practice/mine/", page, (b"<h1>My practice</h1>", b'class="title"')
        ),
        loadgen.Target(
            "Progress", "/progress/", page, (b"<h1>Progress</h1>", b'id="promises-summary"')
        ),
        loadgen.Target(
            "Decision calibration", "/practice/decisions/", page, (b'id="calibration-summary"',)
        ),
        loadgen.Target("Calendar", "/calendar/", page, (b'<table class="month-calendar">',)),
        loadgen.Target(
            "Weekly review", "/weekly-review/new/", page, (b'id="week-summary-heading"',)
        ),
        loadgen.Target("Trust experiments", "/practice/trust/", page, (b'id="trust-summary"',)),
        loadgen.Target(
            "API track record",
            "/api/v1/track-record",
            {"Authorization": f"Bearer {data.api_token}", "Accept": "application/json"},
            (b'"answered_total"', first_text.encode()),
        ),
    ]


def print_results(rows) -> None:
    print()
    print(report.table(rows))
    for row in rows:
        for sample in row["result"].error_samples:
            print(f"  {row['result'].name}: {sample}")


_stop_requested = 0


def _on_signal(signum, _frame) -> None:
    global _stop_requested
    _stop_requested = 128 + signum
    # Raised wherever the main thread is; if that spot swallows it (an at-fork hook
    # can), _check_stop() raises it again at the next step.
    raise SystemExit(_stop_requested)


def _check_stop() -> None:
    if _stop_requested:
        raise SystemExit(_stop_requested)


def measure(args, env, data, data_dir: Path, servers: int, in_process) -> list[dict]:
    """Start `servers` servers, run the load against them, stop them; verdicts() rows."""
    running: list[Server] = []
    try:
        for index in range(servers):
            running.append(
                Server(env, args.workers, args.threads, data_dir / f"server-{servers}-{index}.log")
            )
        for server in running:
            server.wait_until_healthy()
        ports = [server.port for server in running]
        print(
            f"{servers} server(s) up on 127.0.0.1:{','.join(map(str, ports))} "
            f"({args.workers} workers × {args.threads} threads each)"
        )
        cookie = browser_cookies(ports[0], data.session_key)

        measured = targets(data, cookie)
        for target in measured:
            _check_stop()
            if args.warmup:
                print(f"{target.name} ({target.path}): warming up…", flush=True)
                loadgen.run(
                    ports,
                    target,
                    requests=args.warmup,
                    duration_s=max(2.0, args.duration / 4),
                    concurrency=args.concurrency,
                    processes=args.client_processes,
                    check_stop=_check_stop,
                )
        # Endpoints take turns, round by round, so a burst of other work on the machine
        # does not land on one endpoint only and skew the comparison with hello-world.
        parts: dict[str, list[loadgen.Result]] = {target.name: [] for target in measured}
        per_round = loadgen.split(args.requests, args.rounds)
        for round_index in range(args.rounds):
            for target in measured:
                _check_stop()
                part = loadgen.run(
                    ports,
                    target,
                    requests=per_round[round_index],
                    duration_s=args.duration / args.rounds,
                    concurrency=args.concurrency,
                    processes=args.client_processes,
                    check_stop=_check_stop,
                )
                print(
                    f"{servers} server(s), round {round_index + 1}/{args.rounds} {target.name}: "
                    f"{part.ok} ok, {part.errors} errors, p50 {part.p50:.1f} ms, "
                    f"p95 {part.p95:.1f} ms, {part.rps:.0f} req/s, "
                    f"{part.connects} connections opened",
                    flush=True,
                )
                parts[target.name].append(part)
                for server in running:
                    if server.process.poll() is not None:
                        raise RuntimeError(f"a server died during the run:\n{server.log_tail()}")
        _check_stop()
        results = [loadgen.merge(parts[target.name]) for target in measured]
        return report.verdicts(
            results, hello=results[0], in_process=in_process[0], made_afresh=in_process[1]
        )
    finally:
        for server in running:
            server.stop()


def benchmark(args, data_dir: Path, database_url: str | None) -> int:
    """Everything but making and dropping the database: see the module's docstring."""
    try:
        env = dataset.bench_environment(data_dir, database_url)
        print(f"Data folder: {data_dir}")
        subprocess.run(
            [_selftrust_command(), "migrate"], cwd=ROOT, env=env, check=True, timeout=300
        )
        dataset.setup_django(data_dir, database_url)
        print(f"Generating {args.promises} daily promises over {args.days} days…", flush=True)
        data = dataset.generate(days=args.days, promises=args.promises)
        print(f"  {data.check_ins} check-ins in {data.seconds_to_build:.1f} s ({data.database})")
        cold = dataset.time_uncached_track_record(data.user_id, runs=5 if args.quick else 20)
        print(
            f"  track_record_for() without cache: {cold.total_ms:.1f} ms "
            f"(fetch {cold.fetch_ms:.1f} ms, compute {cold.compute_ms:.1f} ms)"
        )
        in_process = dataset.time_in_process(
            targets(data, f"sessionid={data.session_key}"), runs=20 if args.quick else 100
        )
        print(
            "  in-process median per request: "
            + ", ".join(f"{name} {ms:.2f} ms" for name, ms in in_process.items())
        )
        made_afresh = dataset.time_in_process(
            targets(data, f"sessionid={data.session_key}"),
            runs=20 if args.quick else 100,
            made_afresh=True,
        )
        print(
            "  in-process, each page made afresh: "
            + ", ".join(f"{name} {ms:.2f} ms" for name, ms in made_afresh.items())
        )
        today = next(t for t in targets(data, f"sessionid={data.session_key}") if t.name == "Today")
        change_runs = 20 if args.quick else 100
        after_a_change = dataset.time_after_a_change(today, data.user_id, runs=change_runs)
        print(f"  Today right after a change (its cache missed): {after_a_change:.2f} ms")
        from django.db import connections

        connections.close_all()  # the servers and the forked clients must not share it

        info = report.machine(data.database)
        info["date"] = report.now()
        info["commit"] = report.git_revision(ROOT)

        runs = []
        for servers in args.servers:
            rows = measure(args, env, data, data_dir, servers, (in_process, made_afresh))
            print(f"\n{servers} server(s):")
            print_results(rows)
            runs.append((servers, rows))
        info["load_end"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        section = report.generated_section(
            vendor=args.database,
            info=info,
            dataset=data,
            server={"workers": args.workers, "threads": args.threads},
            load={
                "concurrency": args.concurrency,
                "processes": min(args.client_processes, args.concurrency),
                "warmup": args.warmup,
                "requests": args.requests,
                "duration": args.duration,
                "rounds": args.rounds,
            },
            runs=runs,
            cold=cold,
            today_after_a_change=(after_a_change, change_runs),
        )
        if args.output:
            report.write(args.output, section, args.database)
            print(f"\nWrote {args.output}")
        errors = sum(row["result"].errors for _servers, rows in runs for row in rows)
        met = all(row["p95_ok"] and row["rps_ok"] for _servers, rows in runs for row in rows)
        print(f"Targets met: {'yes' if met else 'no'}. Errors: {errors}.")
        return 1 if errors else 0
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 - Django may never have been set up
            pass


def main(argv=None) -> int:
    args = parse_args(argv)
    # Ctrl+C and SIGTERM (from make, CI or a closing terminal) unwind, so cleanup runs.
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    data_dir = Path(tempfile.mkdtemp(prefix="selftrust-bench-"))
    try:
        if args.database == "postgresql":
            with scratch_database.scratch_database(os.environ["DATABASE_URL"]) as scratch:
                print(f"Scratch database: {scratch.name} (dropped at the end)")
                return benchmark(args, data_dir, scratch.url)
        return benchmark(args, data_dir, None)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
