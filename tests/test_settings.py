"""Settings read from the environment: safe defaults, loud mistakes, private files."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def _selftrust(*args, env=None, umask=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SELFTRUST_")}
    environment.pop("DATABASE_URL", None)
    # The browser tests set this for themselves; a real server never has it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.update(env or {})

    def set_umask():
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "selftrust", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=set_umask,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("value", ["ture", "maybe", "2"])
def test_a_misspelt_yes_or_no_stops_start_up_with_a_clear_message(tmp_path, value):
    result = _selftrust(
        "migrate", env={"SELFTRUST_DATA_DIR": str(tmp_path), "SELFTRUST_HTTPS": value}
    )
    assert result.returncode == 2
    assert f"SELFTRUST_HTTPS='{value}' is not a yes/no value" in result.stderr
    assert "Traceback" not in result.stderr  # one clear line for the operator


def test_the_data_folder_database_and_secret_are_private_whatever_the_umask(tmp_path):
    data = tmp_path / "data"
    result = _selftrust("migrate", env={"SELFTRUST_DATA_DIR": str(data)}, umask=0o022)
    assert result.returncode == 0, result.stderr
    assert _mode(data) == 0o700
    assert _mode(data / "selftrust.sqlite3") == 0o600
    assert _mode(data / "secret_key") == 0o600
    for journal in data.glob("selftrust.sqlite3-*"):  # the WAL and its index, if present
        assert _mode(journal) == 0o600, journal.name


def test_an_older_install_with_open_modes_is_made_private_at_start(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "secret_key").write_text("x" * 60)
    (data / "selftrust.sqlite3").touch()
    os.chmod(data, 0o755)
    os.chmod(data / "secret_key", 0o644)
    os.chmod(data / "selftrust.sqlite3", 0o644)
    assert _selftrust("migrate", env={"SELFTRUST_DATA_DIR": str(data)}).returncode == 0
    assert _mode(data) == 0o700
    assert _mode(data / "secret_key") == 0o600
    assert _mode(data / "selftrust.sqlite3") == 0o600


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    result = _selftrust(
        "manage",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SELFTRUST_DATA_DIR": str(tmp_path),
            "SELFTRUST_HTTPS": "1",
            "SELFTRUST_ALLOWED_HOSTS": "selftrust.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _setting(name: str, env: dict, tmp_path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import selftrust.settings as s; print(repr(getattr(s, {name!r}, None)))",
        ],
        env={**os.environ, "SELFTRUST_DATA_DIR": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_https_turns_on_hsts_and_the_redirect_but_lets_health_checks_through(tmp_path):
    on = {"SELFTRUST_HTTPS": "1"}
    assert _setting("SECURE_HSTS_SECONDS", on, tmp_path) == str(60 * 60 * 24 * 365)
    assert _setting("SECURE_SSL_REDIRECT", on, tmp_path) == "True"
    assert _setting("SECURE_REDIRECT_EXEMPT", on, tmp_path) == "['^healthz$']"
    assert _setting("SESSION_COOKIE_SECURE", on, tmp_path) == "True"
    assert _setting("SECURE_SSL_REDIRECT", {"SELFTRUST_HTTPS": "0"}, tmp_path) in {"None", "False"}


def test_sqlite_waits_for_the_disk_and_overwrites_what_is_deleted(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1


def test_the_secret_key_file_never_exists_before_the_key_is_in_it(tmp_path, monkeypatch):
    """The first start makes the secret key. Two app servers (or pytest's two workers) starting
    at the same moment once let one read the file between its making and its writing: an
    empty key, and every request of that process failed (CI, 2026-11-26). Now the key is
    written whole under another name and linked into place."""
    from selftrust import settings as selftrust_settings

    monkeypatch.setattr(selftrust_settings, "DATA_DIR", tmp_path)
    key_file = tmp_path / "secret_key"
    real_fdopen = os.fdopen
    seen_while_writing = []

    def fdopen(fd, *args, **kwargs):
        seen_while_writing.append(key_file.exists())
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    key = selftrust_settings._secret_key()
    assert seen_while_writing == [False]
    assert len(key) > 40 and key_file.read_text().strip() == key
    assert [path.name for path in tmp_path.iterdir()] == ["secret_key"]
    # A second start reads the same key.
    assert selftrust_settings._secret_key() == key
