import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from selftrust.web.backups import (
    BackupRefused,
    check_selftrust_database,
    copy_database,
    restore_database,
)
from tests.factories import PromiseFactory

ON_SQLITE = connection.vendor == "sqlite"


def selftrust(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """The real command, as an operator runs it, on a SQLite database in data_dir."""
    env = {**os.environ, "SELFTRUST_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "selftrust", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("migrated")
    assert selftrust(data_dir, "migrate").returncode == 0
    return data_dir


@pytest.fixture
def installation(migrated, tmp_path) -> Path:
    """A data folder with a migrated database and a table to write notes into."""
    data_dir = tmp_path / "data"
    shutil.copytree(migrated, data_dir)
    with closing(sqlite3.connect(data_dir / "selftrust.sqlite3")) as db:
        db.execute("CREATE TABLE notes (words TEXT)")
    return data_dir


def database(data_dir: Path) -> Path:
    return data_dir / "selftrust.sqlite3"


def notes(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [words for (words,) in db.execute("SELECT words FROM notes ORDER BY rowid")]


def write_note(path: Path, words: str) -> None:
    with closing(sqlite3.connect(path, timeout=10)) as db, db:
        db.execute("INSERT INTO notes VALUES (?)", (words,))


# --- backup -------------------------------------------------------------------------------


def test_a_backup_taken_while_another_connection_writes_is_whole(tmp_path):
    source_path = tmp_path / "live.sqlite3"
    with closing(sqlite3.connect(source_path)) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE halves (number INTEGER, half TEXT)")
    stop = threading.Event()
    written = []

    def keep_writing():
        # Each write is two rows in one transaction: a consistent copy has both or neither.
        with closing(sqlite3.connect(source_path, timeout=10)) as writer:
            while not stop.is_set():
                with writer:
                    for half in ("first", "second"):
                        writer.execute("INSERT INTO halves VALUES (?, ?)", (len(written), half))
                written.append(len(written))

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 200:
            time.sleep(0.001)
        with closing(sqlite3.connect(source_path)) as reader:
            copy_database(reader, tmp_path / "copy.sqlite3")
        count_at_copy = len(written)
        while len(written) < count_at_copy + 50:  # and the writer carried on meanwhile
            time.sleep(0.001)
    finally:
        stop.set()
        thread.join()
    with closing(sqlite3.connect(tmp_path / "copy.sqlite3")) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = copy.execute("SELECT number, half FROM halves ORDER BY number, half").fetchall()
    numbers = sorted({number for number, _half in rows})
    assert len(numbers) >= 200
    assert numbers == list(range(len(numbers)))
    assert rows == [(n, half) for n in numbers for half in ("first", "second")]
    assert not (tmp_path / "copy.sqlite3-wal").exists()


def test_the_backup_command_works_while_the_server_writes(installation, tmp_path):
    stop = threading.Event()

    def keep_writing():
        number = 0
        while not stop.is_set():
            write_note(database(installation), f"note {number}")
            number += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        result = selftrust(installation, "backup", str(tmp_path / "backup.sqlite3"))
    finally:
        stop.set()
        thread.join()
    assert result.returncode == 0, result.stderr
    assert "Backed up the database to" in result.stdout
    backup = tmp_path / "backup.sqlite3"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    saved = notes(backup)
    assert saved == [f"note {n}" for n in range(len(saved))]
    check_selftrust_database(backup)


@pytest.mark.skipif(not ON_SQLITE, reason="the test database is SQLite only in the SQLite run")
@pytest.mark.django_db(transaction=True)
def test_the_backup_command_copies_what_is_in_the_database(user, tmp_path):
    PromiseFactory(user=user, text="Drink water")
    target = tmp_path / "backup.sqlite3"
    call_command("backup", str(target), stdout=io.StringIO())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("SELECT text FROM promises_promise").fetchall() == [("Drink water",)]


@pytest.mark.django_db
def test_on_postgresql_backup_and_restore_show_the_postgresql_commands(monkeypatch, tmp_path):
    monkeypatch.setattr(connection, "vendor", "postgresql")
    with pytest.raises(CommandError) as backup:
        call_command("backup", str(tmp_path / "backup.sqlite3"))
    assert 'pg_dump --format=custom --no-owner --file=selftrust.dump "$DATABASE_URL"' in str(
        backup.value
    )
    with pytest.raises(CommandError) as restore:
        call_command("restore", str(tmp_path / "backup.sqlite3"), yes=True)
    assert 'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL"' in str(
        restore.value
    )
    assert not (tmp_path / "backup.sqlite3").exists()


def test_a_backup_never_writes_over_the_database_itself(installation):
    write_note(database(installation), "kept")
    result = selftrust(installation, "backup", str(database(installation)))
    assert result.returncode == 1
    assert "That is the database itself" in result.stderr
    assert notes(database(installation)) == ["kept"]


# --- restore ------------------------------------------------------------------------------


def test_restore_brings_back_the_state_of_the_backup(installation, tmp_path):
    write_note(database(installation), "before the backup")
    backup = tmp_path / "backup.sqlite3"
    assert selftrust(installation, "backup", str(backup)).returncode == 0
    write_note(database(installation), "after the backup")

    result = selftrust(installation, "restore", str(backup), "--yes")

    assert result.returncode == 0, result.stderr
    assert notes(database(installation)) == ["before the backup"]
    (aside,) = installation.glob("selftrust.sqlite3.before-restore-*")
    assert notes(aside) == ["before the backup", "after the backup"]
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600
    assert str(aside) in result.stdout
    # Still a working Selftrust database, in WAL mode as the server keeps it.
    assert selftrust(installation, "migrate").returncode == 0
    with closing(sqlite3.connect(database(installation))) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_restore_asks_first_and_without_an_answer_changes_nothing(installation, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    assert selftrust(installation, "backup", str(backup)).returncode == 0
    write_note(database(installation), "after the backup")
    result = selftrust(installation, "restore", str(backup))
    assert result.returncode == 1
    assert "Add --yes" in result.stderr
    assert notes(database(installation)) == ["after the backup"]
    assert not list(installation.glob("*before-restore*"))


def test_restore_refuses_a_file_that_is_not_sqlite(installation, tmp_path):
    write_note(database(installation), "kept")
    not_a_database = tmp_path / "export.json"
    not_a_database.write_text('{"format": "selftrust-export/1"}')
    result = selftrust(installation, "restore", str(not_a_database), "--yes")
    assert result.returncode == 1
    assert "isn't a SQLite database. Nothing was changed." in result.stderr
    assert notes(database(installation)) == ["kept"]
    assert not list(installation.glob("*before-restore*"))


def test_restore_refuses_a_sqlite_database_that_is_not_selftrusts(installation, tmp_path):
    write_note(database(installation), "kept")
    foreign = tmp_path / "photos.sqlite3"
    with closing(sqlite3.connect(foreign)) as db, db:
        db.execute("CREATE TABLE django_migrations (app TEXT, name TEXT)")
        db.execute("INSERT INTO django_migrations VALUES ('photos', '0001_initial')")
    with pytest.raises(BackupRefused, match="a SQLite database, but not one of Selftrust's"):
        restore_database(foreign, database(installation))
    with closing(sqlite3.connect(tmp_path / "empty.sqlite3")) as db:
        db.execute("CREATE TABLE anything (x)")
    with pytest.raises(BackupRefused, match="not one of Selftrust's"):
        restore_database(tmp_path / "empty.sqlite3", database(installation))
    assert notes(database(installation)) == ["kept"]
    assert not list(installation.glob("*before-restore*"))


def test_restore_refuses_a_file_that_is_not_there(installation, tmp_path):
    result = selftrust(installation, "restore", str(tmp_path / "missing.sqlite3"), "--yes")
    assert result.returncode == 1
    assert "There is no file at" in result.stderr
