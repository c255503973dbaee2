"""Put a backup back in place of the SQLite database: `selftrust restore FILE [--yes]`.

Stop the servers first. The file must be a SQLite database made by Selftrust (one that
`selftrust backup` wrote). The current database is first copied aside, beside it, to
`<name>.before-restore-<time>`, so a restore can itself be undone. Asks before it starts,
unless --yes is given. On PostgreSQL this stops and shows the pg_restore command instead.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from selftrust.web.backups import PG_RESTORE, BackupRefused, is_the_database, restore_database


class Command(BaseCommand):
    help = "Restore the SQLite database from a backup (stop the servers first)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup that `selftrust backup` wrote")
        parser.add_argument(
            "--yes", action="store_true", help="restore without asking (for scripts)"
        )

    def handle(self, *args, file: str, yes: bool, **options):
        if connection.vendor != "sqlite":
            raise CommandError(
                "Selftrust is using PostgreSQL here; restore it with PostgreSQL's own tool:\n"
                f"    {PG_RESTORE}"
            )
        if connection.is_in_memory_db():
            raise CommandError("This database lives in memory only; there is nothing to restore.")
        database = Path(connection.settings_dict["NAME"])
        backup = Path(file)
        if is_the_database(backup, database):
            raise CommandError("That is the database itself. Please choose a backup.")
        if not yes and not self._confirmed(backup, database):
            raise CommandError("Nothing was changed.")
        # Our own connection would otherwise hold the file open through the restore.
        connection.close()
        try:
            aside = restore_database(backup, database)
        except BackupRefused as refused:
            raise CommandError(f"{refused} Nothing was changed.") from None
        self.stdout.write(
            f"Restored the database from {backup}. The database as it was is kept at {aside}.\n"
            "If the backup came from an older version of Selftrust, run `selftrust migrate` "
            "before starting the servers again."
        )

    def _confirmed(self, backup: Path, database: Path) -> bool:
        if not sys.stdin.isatty():
            raise CommandError(
                "A restore replaces everything in the database. Add --yes to go ahead without "
                "being asked. Nothing was changed."
            )
        self.stdout.write(
            f"This replaces everything in {database} with {backup}; the current database is "
            "kept aside first. Stop the Selftrust servers before going on."
        )
        return input("Type yes to restore: ").strip().lower() == "yes"
