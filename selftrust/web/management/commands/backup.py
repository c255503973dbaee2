"""Write a consistent copy of the SQLite database: `selftrust backup FILE`.

Safe while Selftrust is serving: SQLite's online backup API copies inside one read
transaction, so the copy never holds a write half done. The file is made readable by its
owner only, since it holds everything everyone wrote. On PostgreSQL this stops and shows the
pg_dump command to use instead.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from selftrust.web.backups import PG_DUMP, BackupRefused, copy_database, is_the_database


class Command(BaseCommand):
    help = "Write a consistent copy of the SQLite database to FILE (safe while serving)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the copy (replaced if it exists)")

    def handle(self, *args, file: str, **options):
        if connection.vendor != "sqlite":
            raise CommandError(
                "Selftrust is using PostgreSQL here; back it up with PostgreSQL's own tool:\n"
                f"    {PG_DUMP}\n"
                "The README's “Your data” section shows how to restore it."
            )
        target = Path(file)
        name = str(connection.settings_dict["NAME"])
        if not connection.is_in_memory_db() and is_the_database(target, name):
            raise CommandError("That is the database itself. Please choose another file.")
        if not target.parent.is_dir():
            raise CommandError(f"There is no folder {target.parent} to write the copy in.")
        connection.ensure_connection()
        try:
            copy_database(connection.connection, target)
        except (BackupRefused, OSError) as error:
            raise CommandError(f"The backup didn't work: {error}") from None
        self.stdout.write(f"Backed up the database to {target}.")
