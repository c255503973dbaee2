"""What `PRAGMA synchronous=FULL` costs each acknowledged write, next to NORMAL.

Selftrust's SQLite runs in WAL mode. With synchronous=NORMAL a commit survives a crash of
the server but can be lost in a power cut; with FULL the log is flushed to the disk before
a save is acknowledged. This measures the price of that promise on this machine's disk:
many small transactions shaped like a check-in (one row, one index), committed one by one
in a database folder of the same kind as the app's.

    .venv/bin/python bench/durability.py [--writes 400] [--folder DIR] [--no-write]

The figures go between the durability markers in docs/benchmarks.md.
"""

import argparse
import os
import platform
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
START = "<!-- durability:start -->"
END = "<!-- durability:end -->"
PRAGMAS = "PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;"


def measure(folder: Path, synchronous: str, writes: int) -> dict:
    path = folder / f"durability-{synchronous.lower()}.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript(PRAGMAS + f" PRAGMA synchronous={synchronous};")
    connection.execute(
        "CREATE TABLE check_in (id INTEGER PRIMARY KEY, promise_id INTEGER, day TEXT,"
        " outcome TEXT, note TEXT, UNIQUE (promise_id, day))"
    )
    latencies = []
    started = time.perf_counter()
    for n in range(writes):
        began = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO check_in (promise_id, day, outcome, note) VALUES (?, ?, ?, ?)",
            (n % 7, f"2026-{n:05d}", "kept", "A few words about how it went."),
        )
        connection.execute("COMMIT")
        latencies.append((time.perf_counter() - began) * 1000)
    elapsed = time.perf_counter() - started
    connection.close()
    latencies.sort()
    return {
        "synchronous": synchronous,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
        "p99": latencies[int(len(latencies) * 0.99) - 1],
        "per_second": writes / elapsed,
    }


def section(rows: list[dict], writes: int, folder: Path) -> str:
    normal, full = rows
    extra = full["p50"] - normal["p50"]
    lines = [
        START,
        f"## Durability: the cost of `synchronous=FULL` ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"{writes} single-row transactions per setting, committed one at a time (WAL, "
        f"secure_delete on), in `{folder}` on this machine's disk; `make bench` or "
        "`.venv/bin/python bench/durability.py` rewrites this part.",
        "",
        "| synchronous | p50 ms | p95 ms | p99 ms | commits/s |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['synchronous']} | {row['p50']:.2f} | {row['p95']:.2f} | "
            f"{row['p99']:.2f} | {row['per_second']:.0f} |"
        )
    lines += [
        "",
        f"FULL adds {extra:.2f} ms to the median write here ({platform.machine()}, "
        f"SQLite {sqlite3.sqlite_version}). Selftrust uses FULL: a person's saved words "
        "should survive a power cut, and a person saves a few times a day, not thousands.",
        END,
    ]
    return "\n".join(lines)


def write(text: str) -> None:
    document = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in document and END in document:
        before, rest = document.split(START, 1)
        _old, after = rest.split(END, 1)
        document = before + text + after
    else:
        document = document.rstrip("\n") + "\n\n" + text + "\n"
    DOC.write_text(document, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=400)
    parser.add_argument("--folder", type=Path, default=None, help="where to write (a temp folder)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder or os.getcwd()) as folder:
        rows = [measure(Path(folder), mode, args.writes) for mode in ("NORMAL", "FULL")]
        text = section(rows, args.writes, Path(args.folder or "the working folder"))
    print(text)
    if not args.no_write:
        write(text)


if __name__ == "__main__":
    main()
