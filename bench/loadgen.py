"""A small closed-loop HTTP load generator from the standard library only.

Several client processes (so one Python interpreter's GIL is not the bottleneck), each
with a few threads, each thread holding one keep-alive `http.client` connection to
127.0.0.1 (with several servers, connections are dealt to their ports in turn, as a load
balancer holding keep-alive connections would). Every connection sends its share of a fixed number of GET requests, one after
another, and stops early at a shared deadline. A response counts only if its status is
200 and its body holds every expected marker; anything else is an error.
"""

import http.client
import math
import multiprocessing
import queue
import signal
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

HOST = "127.0.0.1"
REQUEST_TIMEOUT_S = 30.0
START_TIMEOUT_S = 60.0
ERROR_SAMPLES = 5


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    headers: dict[str, str]
    # Byte strings that must all appear in a correct response body.
    markers: tuple[bytes, ...] = ()


@dataclass
class Result:
    name: str
    path: str
    latencies_ms: list[float]
    errors: int
    error_samples: list[str]
    connects: int
    wall_s: float
    connections: int
    planned: int

    @property
    def ok(self) -> int:
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        return self.ok / self.wall_s if self.wall_s > 0 else 0.0

    def percentile(self, pct: float) -> float:
        data = sorted(self.latencies_ms)
        if not data:
            return math.nan
        if len(data) == 1:
            return data[0]
        # Linear interpolation between closest ranks (numpy's default).
        rank = (len(data) - 1) * pct / 100
        low = math.floor(rank)
        high = min(low + 1, len(data) - 1)
        return data[low] + (data[high] - data[low]) * (rank - low)

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p95(self) -> float:
        return self.percentile(95)

    @property
    def p99(self) -> float:
        return self.percentile(99)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.latencies_ms) if self.latencies_ms else math.nan


@dataclass
class _ConnectionResult:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    connects: int = 0
    finished_at: float = 0.0


def _describe(status: int, response: http.client.HTTPResponse, body: bytes) -> str:
    location = response.getheader("Location")
    if location:
        return f"HTTP {status} -> {location}"
    if status == 200:
        return f"HTTP 200 without the expected content ({len(body)} bytes)"
    return f"HTTP {status}: {body[:120]!r}"


def _connection_loop(
    port: int,
    target: Target,
    count: int,
    go: threading.Event,
    start_at,
    duration_s: float,
    out: _ConnectionResult,
) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        conn.connect()
        out.connects += 1
    except OSError as error:  # retried (and counted) on the first request
        out.error_samples.append(f"connect: {error!r}")
    headers = {"Connection": "keep-alive", **target.headers}
    go.wait(START_TIMEOUT_S)
    deadline = start_at.value + duration_s
    try:
        for _ in range(count):
            if time.monotonic() >= deadline:
                break
            if conn.sock is None:
                out.connects += 1
            started = time.perf_counter()
            try:
                conn.request("GET", target.path, headers=headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                out.errors += 1
                if len(out.error_samples) < ERROR_SAMPLES:
                    out.error_samples.append(repr(error))
                conn.close()
                continue
            elapsed_ms = (time.perf_counter() - started) * 1000
            if response.status == 200 and all(marker in body for marker in target.markers):
                out.latencies_ms.append(elapsed_ms)
            else:
                out.errors += 1
                if len(out.error_samples) < ERROR_SAMPLES:
                    out.error_samples.append(_describe(response.status, response, body))
    finally:
        out.finished_at = time.monotonic()
        conn.close()


def _client_process(
    ports: list[int],
    target: Target,
    counts: list[int],
    ready,
    start,
    start_at,
    duration_s: float,
    results,
) -> None:
    # Only the benchmark's main process handles Ctrl+C and SIGTERM; it ends these processes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    go = threading.Event()
    outs = [_ConnectionResult() for _ in counts]
    threads = [
        threading.Thread(
            target=_connection_loop,
            args=(port, target, count, go, start_at, duration_s, out),
            daemon=True,
        )
        for port, count, out in zip(ports, counts, outs, strict=True)
    ]
    for thread in threads:
        thread.start()
    ready.release()
    start.wait(START_TIMEOUT_S)
    go.set()
    # Every request has its own timeout, so this join is bounded too.
    limit = time.monotonic() + duration_s + REQUEST_TIMEOUT_S + 30
    for thread in threads:
        thread.join(max(0.0, limit - time.monotonic()))
    results.put(
        {
            "latencies_ms": [ms for out in outs for ms in out.latencies_ms],
            "errors": sum(out.errors for out in outs),
            "error_samples": [s for out in outs for s in out.error_samples][:ERROR_SAMPLES],
            "connects": sum(out.connects for out in outs),
            "finished_at": max((out.finished_at for out in outs), default=0.0),
            "unfinished": sum(thread.is_alive() for thread in threads),
        }
    )


def split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def run(
    port: int | list[int],
    target: Target,
    requests: int,
    duration_s: float,
    concurrency: int,
    processes: int,
    check_stop: Callable[[], None] = lambda: None,
) -> Result:
    """Send up to `requests` requests over `concurrency` connections, for at most `duration_s`.

    `port` may be a list: one server per port, connection i goes to port i mod len(port).
    """
    ports = [port] if isinstance(port, int) else list(port)
    concurrency = max(1, min(concurrency, requests))
    processes = max(1, min(processes, concurrency))
    context = multiprocessing.get_context("fork")
    ready = context.Semaphore(0)
    start = context.Event()
    start_at = context.Value("d", 0.0)
    results = context.Queue()
    per_connection = split(requests, concurrency)
    port_of_connection = [ports[i % len(ports)] for i in range(concurrency)]
    connections_per_process = split(concurrency, processes)
    workers = []
    collected: list[dict] = []
    offset = 0
    for n in connections_per_process:
        counts = per_connection[offset : offset + n]
        their_ports = port_of_connection[offset : offset + n]
        offset += n
        worker = context.Process(
            target=_client_process,
            args=(their_ports, target, counts, ready, start, start_at, duration_s, results),
            daemon=True,
        )
        worker.start()
        workers.append(worker)
    try:
        for _ in workers:
            if not ready.acquire(timeout=START_TIMEOUT_S):
                raise RuntimeError("a load generator process did not start")
            check_stop()
        time.sleep(0.2)  # let every thread open its connection
        start_at.value = time.monotonic()
        start.set()
        limit = time.monotonic() + duration_s + REQUEST_TIMEOUT_S + 60
        while len(collected) < len(workers):
            # Short waits, so a stop asked for by a signal is noticed within half a second.
            check_stop()
            try:
                collected.append(results.get(timeout=0.5))
            except queue.Empty:
                if time.monotonic() > limit:
                    raise RuntimeError("a load generator process did not report back") from None
    finally:
        # After a complete run the processes are exiting; after an error or a stop, end them now.
        complete = len(collected) == len(workers)
        for worker in workers:
            worker.join(timeout=10 if complete else 0)
            if worker.is_alive():
                worker.terminate()
                worker.join(timeout=5)
    latencies = [ms for c in collected for ms in c["latencies_ms"]]
    errors = sum(c["errors"] for c in collected)
    samples = [s for c in collected for s in c["error_samples"]][:ERROR_SAMPLES]
    unfinished = sum(c["unfinished"] for c in collected)
    if unfinished:
        errors += unfinished
        samples.append(f"{unfinished} connection(s) still waiting at the time limit")
    finished = max(c["finished_at"] for c in collected)
    return Result(
        name=target.name,
        path=target.path,
        latencies_ms=latencies,
        errors=errors,
        error_samples=samples,
        connects=sum(c["connects"] for c in collected),
        wall_s=max(finished - start_at.value, 1e-9),
        connections=concurrency,
        planned=requests,
    )


def merge(parts: list[Result]) -> Result:
    """One result from several runs against the same target (rounds taken in turns)."""
    first = parts[0]
    return Result(
        name=first.name,
        path=first.path,
        latencies_ms=[ms for part in parts for ms in part.latencies_ms],
        errors=sum(part.errors for part in parts),
        error_samples=[s for part in parts for s in part.error_samples][:ERROR_SAMPLES],
        connects=sum(part.connects for part in parts),
        wall_s=sum(part.wall_s for part in parts),
        connections=first.connections,
        planned=sum(part.planned for part in parts),
    )
