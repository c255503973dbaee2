"""Write everything an account holds as JSON: `selftrust export USERNAME [--output FILE]`.

The same file as Settings → Download my data, for an operator moving someone's data or
keeping a copy. It goes to standard output unless --output names a file, which is made
readable by its owner only: it holds everything the person wrote.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from selftrust.accounts.export import export_json
from selftrust.accounts.models import User


def write_private(path: str, text: str) -> None:
    """Write text to path, readable and writable by its owner only (mode 600)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    # An existing file keeps its mode through O_CREAT; this makes it private too.
    os.fchmod(descriptor, 0o600)
    with open(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


class Command(BaseCommand):
    help = "Write everything an account holds as JSON (the same file as Settings gives)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--output", "-o", help="a file to write to, made private (default: standard output)"
        )

    def handle(self, *args, username: str, output: str | None, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username}.")
        body = export_json(user)
        if output in (None, "-"):
            self.stdout.write(body)
            return
        try:
            write_private(output, body + "\n")
        except OSError as error:
            raise CommandError(f"Couldn't write {output}: {error.strerror}.") from None
        self.stderr.write(f"Wrote everything {username} holds to {output}.")
