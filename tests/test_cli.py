import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import get_commands

from selftrust import cli
from selftrust.accounts.models import ApiToken, User
from selftrust.promises.models import Promise
from tests.factories import PromiseFactory, UserFactory

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


@pytest.mark.django_db
def test_export_and_import_carry_an_account_through_files(user, tmp_path, capsys):
    PromiseFactory(user=user, text="Drink water")
    target = tmp_path / "export.json"
    assert cli.main(["export", user.username, "--output", str(target)]) == 0
    newcomer = UserFactory()
    assert cli.main(["import", newcomer.username, str(target)]) == 0
    assert "Brought 1 promise into the account" in capsys.readouterr().out
    assert Promise.objects.get(user=newcomer).text == "Drink water"


@pytest.mark.django_db
def test_export_goes_to_standard_output_by_default(user, capsys):
    assert cli.main(["export", user.username]) == 0
    assert json.loads(capsys.readouterr().out)["account"]["username"] == user.username


@pytest.mark.django_db
def test_a_refused_import_says_why_and_exits_with_1(user, tmp_path, capsys):
    PromiseFactory(user=user)
    target = tmp_path / "export.json"
    target.write_text('{"format": "selftrust-export/1", "promises": []}')
    assert cli.main(["import", user.username, str(target)]) == 1
    assert "already holds 1 promise" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["createuser", "river"], ("createuser", ("river",), {})),
        (["setpassphrase", "river"], ("setpassphrase", ("river",), {})),
        (["token", "river", "--name", "backup"], ("token", ("river",), {"name": "backup"})),
        (["export", "river"], ("export", ("river",), {"output": None})),
        (["export", "river", "-o", "x.json"], ("export", ("river",), {"output": "x.json"})),
        (["import", "river", "x.json"], ("import", ("river", "x.json"), {})),
        (["backup", "copy.sqlite3"], ("backup", ("copy.sqlite3",), {})),
        (["restore", "copy.sqlite3"], ("restore", ("copy.sqlite3",), {"yes": False})),
        (["restore", "copy.sqlite3", "--yes"], ("restore", ("copy.sqlite3",), {"yes": True})),
        (["purge"], ("purge", (), {})),
        (["purge", "--dry-run"], ("purge", (), {"dry_run": True})),
    ],
)
def test_operator_commands_are_handed_to_the_management_command_of_their_name(
    argv, expected, monkeypatch
):
    called = []
    monkeypatch.setattr(
        "django.core.management.call_command",
        lambda command, /, *args, **options: called.append((command, args, options)),
    )
    assert cli.main(argv) == 0
    assert called == [expected]


@pytest.mark.django_db
@pytest.mark.skipif("purge" not in get_commands(), reason="the purge command isn't written yet")
def test_purge_runs_for_real_with_dry_run():
    assert cli.main(["purge", "--dry-run"]) == 0


@pytest.mark.django_db
@pytest.mark.skipif(
    "setpassphrase" not in get_commands(), reason="the setpassphrase command isn't written yet"
)
def test_setpassphrase_for_an_unknown_account_fails_clearly(capsys):
    assert cli.main(["setpassphrase", "nobody"]) == 1
    assert "nobody" in capsys.readouterr().err


def test_python_m_selftrust_lists_the_operator_commands():
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("createuser", "setpassphrase", "token", "export", "import", "backup"):
        assert command in result.stdout
    assert "restore" in result.stdout and "purge" in result.stdout


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
        assert status == 200 and json.loads(body)["status"] == "ok"
        # Collected with hashed names (tests/test_serve.py checks compression and caching).
        _status, page = fetch(f"{base}/login/")
        for asset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', page):
            status, body = fetch(base + asset.decode())
            assert status == 200 and body, asset
        assert b"/static/django_htmx/htmx-2.min." in page
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
