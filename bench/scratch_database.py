"""A scratch PostgreSQL database for the benchmark, created beside the one DATABASE_URL names.

The benchmark fills a database with one invented person's ten years and then drops it, so it
must never run in the database DATABASE_URL names: that may hold real people's words. It
connects to that database only to say `CREATE DATABASE <name>_bench` and, at the end,
`DROP DATABASE <name>_bench`; the role needs CREATEDB (`ALTER ROLE selftrust CREATEDB`).
"""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

SUFFIX = "_bench"


@dataclass(frozen=True)
class ScratchDatabase:
    url: str  # DATABASE_URL for the scratch database
    name: str
    server_version: str  # "15.18 (Debian 15.18-0+deb12u1)"


def scratch_url(url: str) -> tuple[str, str]:
    """(the scratch database's URL, its name): the same server, role and options."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ValueError(f"DATABASE_URL is not a PostgreSQL URL (scheme {parts.scheme!r})")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ValueError("DATABASE_URL names no database")
    scratch = f"{name}{SUFFIX}"
    return urlunsplit(parts._replace(path="/" + quote(scratch))), scratch


def _connect(url: str):
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        autocommit=True,  # CREATE and DROP DATABASE cannot run inside a transaction
        **settings.get("OPTIONS", {}),
    )


def _drop(cursor, name: str) -> None:
    from psycopg import sql

    # FORCE (PostgreSQL 13+) ends connections a killed run may have left behind.
    force = (
        sql.SQL(" WITH (FORCE)") if cursor.connection.info.server_version >= 130000 else sql.SQL("")
    )
    cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)) + force)


@contextlib.contextmanager
def scratch_database(url: str) -> Iterator[ScratchDatabase]:
    """Create `<name>_bench` (dropping one a stopped run left behind), yield it, drop it."""
    import psycopg
    from psycopg import sql

    target, name = scratch_url(url)
    try:
        admin = _connect(url)
    except psycopg.Error as error:
        raise RuntimeError(f"could not connect to DATABASE_URL's server: {error}") from error
    with admin, admin.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = str(cursor.fetchone()[0])
        try:
            _drop(cursor, name)
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.errors.InsufficientPrivilege as error:
            raise RuntimeError(
                f"the role in DATABASE_URL may not create the scratch database {name!r}: "
                f"{error}. As an administrator: ALTER ROLE <role> CREATEDB;"
            ) from error
    try:
        yield ScratchDatabase(url=target, name=name, server_version=version)
    finally:
        with _connect(url) as admin, admin.cursor() as cursor:
            _drop(cursor, name)
