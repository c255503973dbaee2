"""Bring a Selftrust export into an empty account: `selftrust import USERNAME FILE`.

The other half of `selftrust export`, with the same rules as Settings → Bring in an export:
only into an account with nothing in it yet, everything checked by the app's own forms and
scoring, and all of it or nothing. FILE may be "-" for standard input.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from selftrust.accounts.importing import ImportRefused, import_export, read_export
from selftrust.accounts.models import User


class Command(BaseCommand):
    help = "Bring a Selftrust export (JSON) into an empty account, all of it or nothing."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("file", help='the export file, or "-" for standard input')

    def handle(self, *args, username: str, file: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username}. Nothing was changed.")
        try:
            if file == "-":
                stdin = getattr(sys.stdin, "buffer", sys.stdin)
                raw = stdin.read()
            else:
                with open(file, "rb") as opened:
                    raw = opened.read()
        except OSError as error:
            raise CommandError(f"Couldn't read {file}: {error.strerror}.") from None
        try:
            summary = import_export(user, read_export(raw))
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(f"Brought {summary.in_words()} into the account {username}.")
