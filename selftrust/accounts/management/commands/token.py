"""Print a new personal API token for an account: `selftrust token USERNAME [--name NAME]`.

Only the token's digest is stored, so this is the one time its secret is shown. It can be
revoked in Settings like any other token.
"""

from django.core.management.base import BaseCommand, CommandError

from selftrust.accounts.forms import TokenForm
from selftrust.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Print a new personal API token for an account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="what the token is for")

    def handle(self, *args, username: str, name: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no account called {username}.")
        form = TokenForm({"name": name})
        if not form.is_valid():
            raise CommandError(" ".join(form.errors["name"]))
        _token, secret = ApiToken.issue(user, form.cleaned_data["name"])
        self.stdout.write(secret)
