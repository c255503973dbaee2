"""Create an account: `selftrust createuser USERNAME [--staff] [--therapist]`.

`--staff` makes an account that may invite people (with SELFTRUST_SIGNUP=invite) and make
therapist accounts from Settings; it is not a Django admin superuser.

`--therapist` makes a therapist's account (care/): people can invite it to see what they
choose to share. Its first sign-in sets up two-factor sign-in with an authenticator app, and
every sign-in after asks for a code; `selftrust resettwofactor USERNAME` starts that again.
Nothing else can make an account a therapist's: not sign-up, Settings, an import or the API.

The passphrase is asked for twice at a terminal, or read as one line from standard input, so
scripts can pipe it in without it showing in the process list. The same passphrase rules apply
as on the sign-up page.
"""

import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from selftrust.accounts.models import User, username_taken


def read_passphrase() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Passphrase: ")
        second = getpass.getpass("The same passphrase again: ")
        if first != second:
            raise CommandError("The two passphrases differ. Nothing was created.")
        return first
    return sys.stdin.readline().rstrip("\n")


class Command(BaseCommand):
    help = "Create an account; the passphrase is asked for, or read from standard input."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--staff",
            action="store_true",
            help="an account that may make invitation links in Settings",
        )
        parser.add_argument(
            "--therapist",
            action="store_true",
            help="a therapist's account, with two-factor sign-in set up at its first sign-in",
        )

    def handle(self, *args, username: str, staff: bool = False, therapist: bool = False, **options):
        if username_taken(username):
            raise CommandError(f"There is already an account called {username}.")
        user = User(username=username)
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as error:
            raise CommandError("That username won't do: " + " ".join(error.messages)) from None
        passphrase = read_passphrase()
        try:
            validate_password(passphrase, user)
        except ValidationError as error:
            raise CommandError("That passphrase won't do: " + " ".join(error.messages)) from None
        user.set_password(passphrase)
        user.is_staff = staff
        user.is_therapist = therapist
        user.save()
        made = "the staff account" if staff else "the account"
        if therapist:
            made = "the staff therapist account" if staff else "the therapist account"
        self.stdout.write(f"Created {made} {username}.")
        if therapist:
            self.stdout.write(
                "They set up two-factor sign-in, with an authenticator app, when they first "
                "sign in."
            )
