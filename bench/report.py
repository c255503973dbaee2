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

P95_TARGET_MS = 50.0
THROUGHPUT_TARGET = 0.50  # of hello-world's requests per second

HEADER = """# Benchmarks

How fast Selftrust answers on one machine, measured by `make bench`
(`.venv/bin/python bench/run.py`; `--quick` for a smoke run, `--help` for the options).

The benchmark makes a fresh SQLite database (WAL) in a temporary folder, fills it with
one person's ten years of daily promises and check-ins, starts the real server
(`selftrust serve`: gunicorn, gthread workers) on 127.0.0.1, and measures each page
with a standard-library load generator over keep-alive connections. Every response must
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


def machine() -> dict[str, str]:
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
        "load": load,
    }


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _ms(value: float) -> str:
    return "—" if value != value else f"{value:.1f}"  # NaN check


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def verdicts(results, hello, in_process: dict[str, float]) -> list[dict]:
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
            }
        )
    return rows


def table(rows) -> str:
    lines = [
        "| Endpoint | Path | OK | Errors | p50 ms | p95 ms | p99 ms | req/s | % of hello "
        "| p95 < 50 ms | ≥ 50 % of hello | In-process ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|---:|",
    ]
    for row in rows:
        r = row["result"]
        share = "100 %" if row["is_hello"] else f"{row['share'] * 100:.0f} %"
        lines.append(
            f"| {r.name} | `{r.path}` | {r.ok} | {r.errors} | {_ms(r.p50)} | {_ms(r.p95)} | "
            f"{_ms(r.p99)} | {r.rps:.0f} | {share} | {_yes(row['p95_ok'])} | "
            f"{'(baseline)' if row['is_hello'] else _yes(row['rps_ok'])} | "
            f"{_ms(row['in_process_ms'])} |"
        )
    return "\n".join(lines)


def generated_section(*, info: dict, dataset, server: dict, load: dict, rows, cold) -> str:
    all_met = all(row["p95_ok"] and row["rps_ok"] for row in rows)
    misses = [
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
    errors = sum(row["result"].errors for row in rows)
    outcome_mix = ", ".join(f"{k} {v}" for k, v in dataset.outcome_counts.items())
    lines = [
        START,
        f"## Latest run: {info['date']}",
        "",
        f"**Targets met: {'yes' if all_met else 'no'}.**"
        + ("" if all_met else " Missed: " + "; ".join(misses) + "."),
        "",
        table(rows),
        "",
        f"Errors (any non-200 or a body without the expected content): {errors}.",
        "",
        "*In-process ms* is the median cost of one request through Django's test client in "
        "the benchmark process (the same middleware, views and templates; no network, no "
        "concurrency): what a request costs the server whatever else the machine is doing.",
    ]
    for row in rows:
        for sample in row["result"].error_samples:
            lines.append(f"- {row['result'].name}: {sample}")
    lines += [
        "",
        "### Setup",
        "",
        f"- **Machine**: {info['nproc']} CPUs usable (nproc), {info['cpu']}, {info['memory']} RAM, "
        f"{info['os']}; load average at start {info['load']}.",
        f"- **Software**: Python {info['python']}, Django {info['django']}, "
        f"django-ninja {info['django-ninja']}, gunicorn {info['gunicorn']}, SQLite {info['sqlite']}; "
        f"commit {info['commit']}.",
        f"- **Dataset**: 1 person, {dataset.promises} daily promises over {dataset.days} days "
        f"({dataset.days / 365:.1f} years), {dataset.check_ins} check-ins "
        f"({outcome_mix}); {dataset.practice_entries} practice entries over the same years "
        f"(of which {dataset.decisions} decisions, most looked back on); "
        f"SQLite journal mode {dataset.journal_mode}.",
        f"- **Server**: `selftrust serve`, gunicorn gthread, {server['workers']} workers × "
        f"{server['threads']} threads, DEBUG off, 127.0.0.1.",
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
        "result in each worker's memory cache until the person's record changes, so the table "
        "above measures the cached path; the first view after every check-in pays this.",
        "- The client shares the CPUs with the server, so absolute figures are lower than on a "
        "dedicated client; compare runs on the same machine only.",
        END,
    ]
    return "\n".join(lines)


def write(path: Path, section: str) -> None:
    if path.exists():
        text = path.read_text()
        if START in text and END in text:
            before, rest = text.split(START, 1)
            _old, after = rest.split(END, 1)
            path.write_text(before + section + after)
            return
        path.write_text(HEADER + section + "\n\n" + text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + section + "\n\n## Analysis\n\n(Written by hand; kept across runs.)\n")
