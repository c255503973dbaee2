"""Machine facts and the Markdown written to docs/benchmarks.md.

Only the part between the markers is generated; anything outside them (the
hand-written analysis) is kept as it is on every run.
"""

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
# The PostgreSQL run has its own part, just after the SQLite one.
POSTGRES_START = "<!-- bench-postgres:start -->"
POSTGRES_END = "<!-- bench-postgres:end -->"
MARKERS = {"sqlite": (START, END), "postgresql": (POSTGRES_START, POSTGRES_END)}
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

P95_TARGET_MS = 50.0
THROUGHPUT_TARGET = 0.50  # of hello-world's requests per second

HEADER = """# Benchmarks

How fast Selftrust answers on one machine, measured by `make bench`
(`.venv/bin/python bench/run.py`; `--quick` for a smoke run, `--help` for the options).

The benchmark makes a fresh SQLite database (WAL) in a temporary folder, or with
`DATABASE_URL` set a scratch PostgreSQL database beside the one it names (`<name>_bench`,
dropped afterwards), fills it with one person's ten years of daily promises and check-ins,
starts the real server (`selftrust serve --no-worker --no-access-log`: gunicorn, gthread
workers) on 127.0.0.1, once as one server and once as two (`--servers 1,2`), and measures
each page with a standard-library load generator over keep-alive connections. Every response must
be a 200 with the expected content (the person's promise text), so a redirect to the
login page counts as an error, not as a fast answer.

`bench/profile_views.py` builds the same data and shows, page by page, the SQL with its
query plans and a cProfile listing of where the time goes (in-process, no server).

Targets: p95 under 50 ms, and at least 50 % of the hello-world view's throughput
(the same server and middleware doing no work).

The part between the markers below is rewritten on every run; what follows the end
marker is written by hand and kept.

"""


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_gib() -> str:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_revision(root: Path) -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{rev}{' (with uncommitted changes)' if dirty else ''}"


def machine(database: str = "") -> dict[str, str]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "nproc": str(usable),
        "cpu": cpu_model(),
        "memory": memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": _version("django"),
        "django-ninja": _version("django-ninja"),
        "gunicorn": _version("gunicorn"),
        "sqlite": sqlite3.sqlite_version,
        "database": database or f"SQLite {sqlite3.sqlite_version}",
        "load": load,
    }


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _ms(value: float) -> str:
    return "—" if value != value else f"{value:.1f}"  # NaN check


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def verdicts(
    results, hello, in_process: dict[str, float], made_afresh: dict[str, float] | None = None
) -> list[dict]:
    rows = []
    for result in results:
        share = result.rps / hello.rps if hello.rps else float("nan")
        is_hello = result is hello
        rows.append(
            {
                "result": result,
                "share": share,
                "p95_ok": result.p95 < P95_TARGET_MS,
                "rps_ok": is_hello or share >= THROUGHPUT_TARGET,
                "is_hello": is_hello,
                "in_process_ms": in_process.get(result.name, float("nan")),
                "made_afresh_ms": (made_afresh or {}).get(result.name, float("nan")),
            }
        )
    return rows


def table(rows) -> str:
    lines = [
        "| Endpoint | Path | OK | Errors | p50 ms | p95 ms | p99 ms | req/s | % of hello "
        "| p95 < 50 ms | ≥ 50 % of hello | In-process ms | Made afresh ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|---:|---:|",
    ]
    for row in rows:
        r = row["result"]
        share = "100 %" if row["is_hello"] else f"{row['share'] * 100:.0f} %"
        lines.append(
            f"| {r.name} | `{r.path}` | {r.ok} | {r.errors} | {_ms(r.p50)} | {_ms(r.p95)} | "
            f"{_ms(r.p99)} | {r.rps:.0f} | {share} | {_yes(row['p95_ok'])} | "
            f"{'(baseline)' if row['is_hello'] else _yes(row['rps_ok'])} | "
            f"{_ms(row['in_process_ms'])} | {_ms(row['made_afresh_ms'])} |"
        )
    return "\n".join(lines)


def _misses(rows) -> list[str]:
    return [
        f"{row['result'].name} ("
        + ", ".join(
            part
            for part, bad in (
                (f"p95 {row['result'].p95:.1f} ms", not row["p95_ok"]),
                (f"{row['share'] * 100:.0f} % of hello-world", not row["rps_ok"]),
            )
            if bad
        )
        + ")"
        for row in rows
        if not (row["p95_ok"] and row["rps_ok"])
    ]


def _servers_in_words(servers: int) -> str:
    words = {1: "one server", 2: "two servers", 3: "three servers", 4: "four servers"}
    return words.get(servers, f"{servers} servers")


def generated_section(
    *,
    vendor: str,
    info: dict,
    dataset,
    server: dict,
    load: dict,
    runs,
    cold,
    today_after_a_change: tuple[float, int],
) -> str:
    """The part between the markers for `vendor` ("sqlite" or "postgresql").

    `runs` is a list of (number of servers, rows from verdicts()), one table each;
    `today_after_a_change` is (median ms, requests) of Today with its cache missing.
    """
    start, end = MARKERS[vendor]
    name = DATABASE_NAMES[vendor]
    p95_met = [
        row["result"].name
        for row in runs[0][1]
        if all(
            r["p95_ok"] for _n, rows in runs for r in rows if r["result"].name == row["result"].name
        )
    ]
    lines = [start, f"## Latest run on {name}: {info['date']}", ""]
    for servers, rows in runs:
        all_met = all(row["p95_ok"] and row["rps_ok"] for row in rows)
        misses = _misses(rows)
        errors = sum(row["result"].errors for row in rows)
        lines += [
            f"### {_servers_in_words(servers).capitalize()}"
            + ("" if servers == 1 else f" (connections dealt to {servers} ports in turn)"),
            "",
            f"**Targets met: {'yes' if all_met else 'no'}.**"
            + ("" if all_met else " Missed: " + "; ".join(misses) + ".")
            + f" Errors (any non-200 or a body without the expected content): {errors}.",
            "",
            table(rows),
            "",
        ]
        for row in rows:
            for sample in row["result"].error_samples:
                lines.append(f"- {row['result'].name}: {sample}")
    if len(runs) > 1:
        lines += [
            "p95 under 50 ms with every number of servers: "
            + (", ".join(p95_met) if p95_met else "none")
            + ".",
            "",
        ]
    outcome_mix = ", ".join(f"{k} {v}" for k, v in dataset.outcome_counts.items())
    server_counts = " and ".join(_servers_in_words(n) for n, _rows in runs)
    lines += [
        "*In-process ms* is the median cost of one request through Django's test client in "
        "the benchmark process (the same middleware, views and templates; no network, no "
        "concurrency): what a request costs the server whatever else the machine is doing. "
        "Pages are kept as rendered until anything of the person's changes "
        "(`selftrust/web/page_cache.py`), so the load above and *In-process ms* measure the "
        "kept path; *Made afresh ms* is the same with the kept pages forgotten before each "
        "request: what the first look after any change costs.",
        "",
        "#### Setup",
        "",
        f"- **Machine**: {info['nproc']} CPUs usable (nproc), {info['cpu']}, {info['memory']} RAM, "
        f"{info['os']}; load average at start {info['load']}, at the end {info['load_end']} "
        "(other work on the machine shows here; compare runs made at similar load).",
        f"- **Software**: Python {info['python']}, Django {info['django']}, "
        f"django-ninja {info['django-ninja']}, gunicorn {info['gunicorn']}, {info['database']}; "
        f"commit {info['commit']}.",
        f"- **Dataset**: 1 person, {dataset.promises} daily promises over {dataset.days} days "
        f"({dataset.days / 365:.1f} years), {dataset.check_ins} check-ins "
        f"({outcome_mix}); {dataset.practice_entries} practice entries over the same years "
        f"(of which {dataset.decisions} decisions, most looked back on); "
        + (
            "in a scratch PostgreSQL database made for the run and dropped after it."
            if vendor == "postgresql"
            else "in a fresh SQLite file in a temporary folder."
        ),
        f"- **Server**: `selftrust serve --no-worker --no-access-log` ({server_counts}"
        + (", each on its own port" if len(runs) > 1 or runs[0][0] > 1 else "")
        + f"), gunicorn gthread, {server['workers']} workers × {server['threads']} threads "
        "per server, DEBUG off, 127.0.0.1; the database on the same machine.",
        f"- **Load**: {load['concurrency']} keep-alive connections from {load['processes']} client "
        f"processes on the same machine; per endpoint a warm-up of {load['warmup']} requests, then "
        f"{load['requests']} requests or {load['duration']:g} s, whichever comes first, in "
        f"{load['rounds']} round(s) where the endpoints take turns. Latency is per request as "
        "the client sees it (send to last byte read); req/s is successful responses over the "
        "time spent measuring that endpoint.",
        "- **Sessions**: the pages are fetched with a signed-in session cookie (and the CSRF "
        "cookie a browser would hold); the API with `Authorization: Bearer <personal token>`.",
        f"- **Track record without the cache** (in-process `track_record_for()` after "
        f"`cache.clear()`, median of {cold.runs}): {cold.total_ms:.1f} ms, of which fetching the "
        f"rows {cold.fetch_ms:.1f} ms and computing {cold.compute_ms:.1f} ms. The server keeps the "
        "result in each worker's memory cache until the person's record changes, so the tables "
        "above measure the cached path; the first view after every check-in pays this.",
        f"- **Today right after a change** (in-process, median of {today_after_a_change[1]}): "
        f"{today_after_a_change[0]:.1f} ms. Today keeps what it shows of the promises under the "
        "person's record_version too, so the tables measure that cached path; the first view "
        "after a check-in or a changed promise reads the promises and the week's answers "
        "(two more queries).",
        "- The client shares the CPUs with the server, so absolute figures are lower than on a "
        "dedicated client; compare runs on the same machine only.",
        end,
    ]
    return "\n".join(lines)


def write(path: Path, section: str, vendor: str = "sqlite") -> None:
    """Put `section` between `vendor`'s markers; a new PostgreSQL part goes just after the
    SQLite one, so the hand-written analysis below both stays where it is."""
    start, end = MARKERS[vendor]
    if path.exists():
        text = path.read_text()
        if start in text and end in text:
            before, rest = text.split(start, 1)
            _old, after = rest.split(end, 1)
            path.write_text(before + section + after)
            return
        if vendor != "sqlite" and END in text:
            before, after = text.split(END, 1)
            path.write_text(before + END + "\n\n" + section + after)
            return
        path.write_text(HEADER + section + "\n\n" + text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + section + "\n\n## Analysis\n\n(Written by hand; kept across runs.)\n")
