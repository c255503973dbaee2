"""Backing up and restoring the SQLite database, with SQLite's online backup API.

The backup API copies the database page by page inside one read transaction, so the copy is
consistent even while the server keeps writing (in WAL mode writers don't wait for it). A copy
of the files with `cp` is not: it can catch a write half done, or miss what is still in the
-wal file. PostgreSQL has its own tools for this; the messages below show them.
"""

import os
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
# The exact shape of a PostgreSQL backup and restore; the README shows the same.
PG_DUMP = 'pg_dump --format=custom --no-owner --file=selftrust.dump "$DATABASE_URL"'
PG_RESTORE = 'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" selftrust.dump'


class BackupRefused(Exception):
    """Why a backup or restore didn't happen. Nothing was changed."""


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the database `source` is connected to, written to `target`.

    The copy is one self-contained file (no -wal beside it), readable by its owner only, and
    checked before it replaces anything at `target`; a half-made copy is never left there.
    """
    target = Path(target)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.partial")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            checked = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
        if checked != "ok":
            raise BackupRefused(f"The copy didn't pass SQLite's check ({checked}).")
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def is_the_database(path: Path, database: Path) -> bool:
    """Whether `path` is the database itself or one of its companion files."""
    path, database = Path(path).resolve(), Path(database).resolve()
    return path in {database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))}


def check_selftrust_database(path: Path) -> None:
    """Raise BackupRefused unless `path` is a SQLite database made by Selftrust."""
    path = Path(path)
    if not path.is_file():
        raise BackupRefused(f"There is no file at {path}.")
    with open(path, "rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupRefused(f"{path} isn't a SQLite database.")
    connection = sqlite3.connect(path)
    try:
        ours = connection.execute(
            "SELECT 1 FROM django_migrations WHERE app = 'accounts' LIMIT 1"
        ).fetchone()
        checked = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError:
        ours, checked = None, "ok"
    finally:
        connection.close()
    if ours is None:
        raise BackupRefused(f"{path} is a SQLite database, but not one of Selftrust's.")
    if checked != "ok":
        raise BackupRefused(f"{path} is damaged: SQLite's check says {checked}.")


def set_aside_name(database: Path, now: datetime | None = None) -> Path:
    """Where the current database is kept before a restore: <name>.before-restore-<time>."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    database = Path(database)
    candidate = database.with_name(f"{database.name}.before-restore-{stamp}")
    number = 2
    while candidate.exists():
        candidate = database.with_name(f"{database.name}.before-restore-{stamp}-{number}")
        number += 1
    return candidate


def restore_database(backup: Path, database: Path) -> Path:
    """Put `backup` in place of `database`, keeping the current one aside; returns where.

    The servers should be stopped first: a request in flight during a restore may see a mix.
    """
    check_selftrust_database(backup)
    aside = set_aside_name(database)
    current = sqlite3.connect(database)
    try:
        copy_database(current, aside)
        source = sqlite3.connect(backup)
        try:
            source.backup(current)
        finally:
            source.close()
    finally:
        current.close()
    return aside
