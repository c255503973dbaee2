"""`selftrust serve` as an operator runs it: refuses an old database, collects hashed and
compressed static files, logs requests without their words, and runs twice on one host."""

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_cli import fetch, free_port

SELFTRUST = str(Path(sys.executable).with_name("selftrust"))


def _env(data: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SELFTRUST_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.pop("DATABASE_URL", None)
    return {**env, "SELFTRUST_DATA_DIR": str(data)}


def _start(env, *extra) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [SELFTRUST, "serve", "--port", str(port), "--workers", "1", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            fetch(f"{base}/healthz")
            return server, base
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"serve stopped: {server.stdout.read()}")
            time.sleep(0.1)
    server.terminate()
    pytest.fail("serve did not answer")


def _stop(server) -> str:
    server.terminate()
    output, _ = server.communicate(timeout=15)
    return output


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    data = tmp_path_factory.mktemp("served")
    subprocess.run([SELFTRUST, "migrate"], env=_env(data), check=True, capture_output=True)
    return data


def test_serve_refuses_a_database_with_changes_waiting(tmp_path):
    result = subprocess.run(
        [SELFTRUST, "serve", "--port", str(free_port())],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Run `selftrust migrate` once" in result.stderr


def test_static_files_are_hashed_compressed_and_cached_for_a_year(migrated):
    server, base = _start(_env(migrated))
    try:
        _status, page = fetch(f"{base}/login/")
        css = re.search(rb'href="(/static/selftrust/selftrust\.[0-9a-f]{12}\.css)"', page)
        assert css, "the page links the hashed stylesheet"
        request = urllib.request.Request(
            base + css.group(1).decode(), headers={"Accept-Encoding": "br, gzip"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.headers["Content-Encoding"] == "br"
            max_age = int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"])[1])
            assert max_age >= 365 * 24 * 60 * 60
        request = urllib.request.Request(
            base + css.group(1).decode(), headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.headers["Content-Encoding"] == "gzip"
    finally:
        _stop(server)


def test_the_access_log_has_the_path_but_never_the_query_string(migrated):
    server, base = _start(_env(migrated))
    try:
        fetch(f"{base}/login/?next=/practice/mine/%3Fq%3Dmy+secret+words")
    finally:
        output = _stop(server)
    assert '"GET /login/ HTTP/1.1" 200' in output
    assert "secret" not in output


def test_the_access_log_can_be_turned_off(migrated):
    server, base = _start({**_env(migrated), "SELFTRUST_ACCESS_LOG": "0"})
    try:
        fetch(f"{base}/login/")
    finally:
        output = _stop(server)
    assert '"GET /login/' not in output


def test_two_servers_on_one_host_both_serve_and_stop_cleanly(migrated):
    first, first_base = _start(_env(migrated))
    second, second_base = _start(_env(migrated))
    try:
        assert fetch(f"{first_base}/healthz")[0] == 200
        assert fetch(f"{second_base}/healthz")[0] == 200
    finally:
        _stop(second)
    # Stopping the second left the first alone (no shared control socket between them).
    try:
        assert fetch(f"{first_base}/healthz")[0] == 200
    finally:
        _stop(first)


def _worker_status(base: str) -> str:
    import json

    return json.loads(fetch(f"{base}/healthz")[1])["worker"]["status"]


def test_serve_starts_a_worker_beside_the_server_and_stops_it_too(tmp_path):
    subprocess.run([SELFTRUST, "migrate"], env=_env(tmp_path), check=True, capture_output=True)
    server, base = _start(_env(tmp_path))
    try:
        for _ in range(100):
            if _worker_status(base) == "ok":
                break
            time.sleep(0.2)
        assert _worker_status(base) == "ok"
        found = subprocess.run(
            ["pgrep", "-P", str(server.pid), "-f", "selftrust worker"],
            capture_output=True,
            text=True,
        )
        worker_pids = [int(pid) for pid in found.stdout.split()]
        assert len(worker_pids) == 1
    finally:
        _stop(server)
    for _ in range(50):  # the worker notices within a few seconds that its server has gone
        if not Path(f"/proc/{worker_pids[0]}").exists():
            break
        time.sleep(0.2)
    assert not Path(f"/proc/{worker_pids[0]}").exists()


def test_serve_without_a_worker_leaves_the_work_to_a_separate_service(tmp_path):
    subprocess.run([SELFTRUST, "migrate"], env=_env(tmp_path), check=True, capture_output=True)
    server, base = _start(_env(tmp_path), "--no-worker")
    try:
        time.sleep(3)
        assert _worker_status(base) == "not seen yet"
    finally:
        _stop(server)


def test_the_worker_refuses_a_database_with_changes_waiting(tmp_path):
    result = subprocess.run(
        [SELFTRUST, "worker", "--once"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "before the worker can run" in result.stderr
    assert "Run `selftrust migrate` once" in result.stderr
