"""Set a new passphrase for an account: `selftrust setpassphrase USERNAME`.

For the person who runs the server, when someone has lost both their passphrase and their
recovery codes, or an account may be in the wrong hands. The passphrase is asked for twice
at a terminal, or read as one line from standard input (so it never shows in the process
list), and checked by the same rules as sign-up. Every session of the account ends and every
API token stops working: whoever might have been using them is out.
"""

import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from selftrust.accounts import passphrase
from selftrust.accounts.models import User


class Command(BaseCommand):
    help = "Set a new passphrase for an account, end its sessions and revoke its API tokens."
    # call_command(..., stdin=...) in tests, like Django's createsuperuser.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username")

    def read_passphrase(self, stdin) -> str:
        if stdin.isatty():
            first = getpass.getpass("New passphrase: ")
            second = getpass.getpass("The same passphrase again: ")
            if first != second:
                raise CommandError("The two passphrases differ. Nothing was changed.")
            return first
        return stdin.readline().rstrip("\r\n")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username}. Nothing was changed.")
        new = self.read_passphrase(options.get("stdin") or sys.stdin)
        try:
            validate_password(new, user)
        except ValidationError as error:
            raise CommandError(
                "That passphrase won't do: " + " ".join(error.messages) + " Nothing was changed."
            ) from None
        ended = passphrase.set_passphrase(user, new, revoke=True)
        sessions = ngettext(
            "%(count)d session was ended", "%(count)d sessions were ended", ended.sessions
        ) % {"count": ended.sessions}
        tokens = ngettext(
            "%(count)d API token no longer works",
            "%(count)d API tokens no longer work",
            ended.tokens,
        ) % {"count": ended.tokens}
        self.stdout.write(f"The passphrase of {username} is changed; {sessions} and {tokens}.")
