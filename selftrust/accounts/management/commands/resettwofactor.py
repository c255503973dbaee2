"""Reset a therapist's two-factor sign-in: `selftrust resettwofactor USERNAME`.

For a lost or replaced phone. Every two-factor device of the account is removed and every
session of it ends; at their next sign-in, after their passphrase, the therapist sets up an
authenticator app again. Until then their API tokens don't work (selftrust/api/auth.py).
Check who is asking before you run it: with the devices gone, the passphrase alone is what
stands before the set-up page.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from selftrust.accounts.models import User
from selftrust.care.two_factor import reset_second_factor


class Command(BaseCommand):
    help = "Remove an account's two-factor devices so it sets up an app again at its next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username}. Nothing was changed.")
        removed = reset_second_factor(user)
        if not removed:
            self.stdout.write(
                f"{username} had no two-factor sign-in set up, so there was nothing to reset. "
                + (
                    "They set it up at their next sign-in."
                    if user.is_therapist
                    else "It is asked of therapist accounts only."
                )
            )
            return
        devices = ngettext("%(count)d device", "%(count)d devices", removed) % {"count": removed}
        self.stdout.write(
            f"Two-factor sign-in of {username} is reset ({devices} removed) and they are signed "
            "out everywhere. They set up an authenticator app again at their next sign-in."
        )
