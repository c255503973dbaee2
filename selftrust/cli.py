"""The `selftrust` command: the front door for operators.

selftrust serve [--host H] [--port P] [--workers N]   serve with gunicorn (whitenoise for static files)
selftrust migrate                                     create or update the database
selftrust createuser USERNAME                         passphrase asked for, or read from standard input
selftrust token USERNAME [--name NAME]                print a new personal API token
selftrust screen-text                                 screen lines from standard input for
                                                      crisis language (no database, no network)
selftrust manage ARGS...                              any Django management command

`python -m selftrust ...` works the same.
"""

import argparse
import getpass
import os
import sys


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selftrust.settings")
    import django

    django.setup()


def serve(args) -> int:
    _django()
    workers = args.workers or min(4, (os.cpu_count() or 1) + 1)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "selftrust.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--graceful-timeout",
        "10",
    ]
    print(f"Selftrust is at http://{args.host}:{args.port}  (Ctrl+C to stop)", flush=True)
    os.execv(sys.executable, command)
    return 0  # not reached


def migrate(args) -> int:
    _django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1 if args.verbose else 0)
    print("The database is ready.")
    return 0


def _read_passphrase() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Passphrase: ")
        second = getpass.getpass("The same passphrase again: ")
        if first != second:
            raise SystemExit("The two passphrases differ. Nothing was created.")
        return first
    return sys.stdin.readline().rstrip("\n")


def createuser(args) -> int:
    _django()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from selftrust.accounts.models import User

    if User.objects.filter(username=args.username).exists():
        print(f"There is already an account called {args.username}.", file=sys.stderr)
        return 1
    passphrase = _read_passphrase()
    user = User(username=args.username)
    try:
        validate_password(passphrase, user)
    except ValidationError as error:
        print("That passphrase won't do: " + " ".join(error.messages), file=sys.stderr)
        return 1
    user.set_password(passphrase)
    user.full_clean(exclude=["password"])
    user.save()
    print(f"Created the account {args.username}.")
    return 0


def token(args) -> int:
    _django()
    from selftrust.accounts.models import ApiToken, User

    user = User.objects.filter(username=args.username).first()
    if user is None:
        print(f"There is no account called {args.username}.", file=sys.stderr)
        return 1
    _token, secret = ApiToken.issue(user, args.name)
    print(secret)
    return 0


def screen_text(args) -> int:
    # No Django here: the screener is plain Python, so this runs without settings or a database.
    from selftrust.safety.screening import screen_lines

    screen_lines(sys.stdin, sys.stdout)
    return 0


def manage(args) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["selftrust manage", *args.rest])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="selftrust", description="Selftrust: rebuild trust in yourself."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("serve", help="serve the app")
    p.add_argument("--host", default=os.environ.get("SELFTRUST_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("SELFTRUST_PORT", "8000")))
    p.add_argument(
        "--workers", type=int, default=0, help="processes (default: cores + 1, at most 4)"
    )
    p.add_argument("--threads", type=int, default=4, help="threads per process")
    p.set_defaults(run=serve)

    p = commands.add_parser("migrate", help="create or update the database")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(run=migrate)

    p = commands.add_parser("createuser", help="create an account")
    p.add_argument("username")
    p.set_defaults(run=createuser)

    p = commands.add_parser("token", help="print a new personal API token for an account")
    p.add_argument("username")
    p.add_argument("--name", default="command line")
    p.set_defaults(run=token)

    p = commands.add_parser(
        "screen-text",
        help="read lines from standard input; write one JSON object per line saying whether "
        "each suggests a crisis",
    )
    p.set_defaults(run=screen_text)

    p = commands.add_parser("manage", help="run a Django management command")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(run=manage)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
