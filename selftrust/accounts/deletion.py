"""Deleting an account so that its words are gone from the disk, not only from the tables."""

from django.db import connection, transaction

from selftrust.accounts import data_version


def delete_account(user) -> None:
    """Delete the person and everything they stored.

    On SQLite, `secure_delete` (settings) overwrites the freed pages, but the old pages can
    still sit in the write-ahead log until the next checkpoint; a checkpoint that truncates
    the log right away leaves no copy of the deleted words behind.
    """
    # Thousands of rows go at once; none of them needs to tell a kept page it changed.
    with transaction.atomic(), data_version.paused():
        user.delete()
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
