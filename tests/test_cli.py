import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from selftrust import cli
from selftrust.accounts.models import ApiToken, User

SELFTRUST = Path(sys.executable).parent / "selftrust"


@pytest.mark.django_db
def test_createuser_reads_the_passphrase_from_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    assert cli.main(["createuser", "river"]) == 0
    user = User.objects.get(username="river")
    assert user.check_password("slow steady breath")
    assert user.password.startswith("argon2")


@pytest.mark.django_db
def test_createuser_refuses_a_weak_passphrase(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.main(["createuser", "river"]) == 1
    assert "too short" in capsys.readouterr().err
    assert not User.objects.exists()


@pytest.mark.django_db
def test_token_prints_a_working_secret(user, capsys, client):
    assert cli.main(["token", user.username]) == 0
    secret = capsys.readouterr().out.strip()
    assert ApiToken.objects.for_secret(secret).get().user == user
    response = client.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_token_for_an_unknown_account_fails_clearly(capsys):
    assert cli.main(["token", "nobody"]) == 1
    assert "no account called nobody" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_serve_runs_a_real_server_with_static_files(tmp_path):
    env = {**os.environ, "SELFTRUST_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run([SELFTRUST, "migrate"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [SELFTRUST, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, body = fetch(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        assert (status, json.loads(body)) == (200, {"status": "ok"})
        status, css = fetch(f"{base}/static/selftrust/selftrust.css")
        assert status == 200 and b"prefers-color-scheme" in css
        status, _js = fetch(f"{base}/static/django_htmx/htmx-2.min.js")
        assert status == 200
        assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
        assert (tmp_path / "selftrust.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_sqlite_runs_in_wal_mode(tmp_path):
    env = {**os.environ, "SELFTRUST_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    script = "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='selftrust.settings'; django.setup(); {script}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "wal"
