"""The `selftrust` command: the front door for operators.

selftrust serve [--host H] [--port P] [--workers N]   serve with gunicorn (whitenoise for static files)
selftrust migrate                                     create or update the database
selftrust createuser USERNAME [--staff] [--therapist]
                                                      passphrase asked for, or read from standard input
selftrust setpassphrase USERNAME                      set a new passphrase for an account
selftrust resettwofactor USERNAME                     a therapist's lost phone: set up two-factor again
selftrust token USERNAME [--name NAME]                print a new personal API token
selftrust export USERNAME [--output FILE]             everything an account holds, as JSON
selftrust import USERNAME FILE                        bring an export into an empty account
selftrust backup FILE                                 a consistent copy of the SQLite database,
                                                      safe while serving (PostgreSQL: pg_dump)
selftrust restore FILE [--yes]                        put a backup back (stop the servers first)
selftrust purge [--dry-run]                           remove for good what is past keeping
selftrust worker [--once]                             background work: reminders, upkeep
                                                      (`serve` starts one unless --no-worker)
selftrust screen-text                                 screen lines from standard input for
                                                      crisis language (no database, no network)
selftrust manage ARGS...                              any Django management command

The operator commands are Django management commands (in each app's management/commands);
this file only parses the arguments and calls them, so `selftrust manage createuser river`
does the same as `selftrust createuser river`. `python -m selftrust ...` works the same.
"""

import argparse
import os
import subprocess
import sys

from django.core.exceptions import ImproperlyConfigured


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selftrust.settings")
    import django

    django.setup()


# The access log: who, when, the method and the path, the status, the size and the time.
# Never the query string (a search can hold someone's words), the referrer or cookies.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


def _unapplied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _collect_static() -> None:
    """Hashed, compressed copies of the static files in the data folder, when they changed."""
    from selftrust.web.static_files import collect_if_changed

    collect_if_changed()


def gunicorn_command(args) -> list[str]:
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
        # On SIGTERM, requests in flight get this long to finish before workers stop.
        "--graceful-timeout",
        str(args.graceful_timeout),
    ]
    if args.trusted_proxies:
        # The same proxies Django believes X-Forwarded-For from (settings.TRUSTED_PROXIES).
        command += ["--forwarded-allow-ips", args.trusted_proxies]
    if args.control_socket:
        command += ["--control-socket", args.control_socket]
    else:
        # Two servers on one host would otherwise share gunicorn's one default socket.
        command.append("--no-control-socket")
    if args.access_log:
        command += ["--access-logfile", "-", "--access-logformat", ACCESS_LOG_FORMAT]
    return command


def serve(args) -> int:
    if args.trusted_proxies:
        # Django reads the same list from the environment (settings.TRUSTED_PROXIES).
        os.environ["SELFTRUST_TRUSTED_PROXIES"] = args.trusted_proxies
    _django()
    pending = _unapplied_migrations()
    if pending:
        print(
            f"The database needs updating before Selftrust can serve ({len(pending)} "
            "change(s) waiting). Run `selftrust migrate` once, on one server, then start "
            "the servers again.",
            file=sys.stderr,
        )
        return 1
    _collect_static()
    command = gunicorn_command(args)
    if args.worker:
        # One worker beside the web server, so `make run` alone is a complete install. It is
        # in the same process group (Ctrl+C stops both) and stops by itself once gunicorn,
        # which takes over this process id, has gone.
        subprocess.Popen([sys.executable, "-m", "selftrust", "worker", "--stop-with-parent"])
    print(f"Selftrust is at http://{args.host}:{args.port}  (Ctrl+C to stop)", flush=True)
    os.execv(sys.executable, command)
    return 0  # not reached


def worker(args) -> int:
    _django()
    pending = _unapplied_migrations()
    if pending:
        # A worker of a new version must not run tasks against the old tables.
        print(
            f"The database needs updating before the worker can run ({len(pending)} "
            "change(s) waiting). Run `selftrust migrate` once, on one server, then start "
            "the servers and workers again.",
            file=sys.stderr,
        )
        return 1
    return run_command("worker", once=args.once, stop_with_parent=args.stop_with_parent)


def migrate(args) -> int:
    _django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=1 if args.verbose else 0)
    _collect_static()
    print("The database is ready.")
    return 0


def run_command(command: str, /, *positional, **options) -> int:
    """Run the management command `command`; a refusal goes to standard error, exit status 1."""
    _django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command(command, *positional, **options)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.returncode
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


def _yes_no(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off", ""}:
        return False
    raise SystemExit(f"Selftrust can't start: {name}={value!r} is not a yes/no value. Use 1 or 0.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="selftrust", description="Selftrust: rebuild trust in yourself."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    env = os.environ.get
    p = commands.add_parser(
        "serve",
        help="serve the app (every option can also be set by the environment variable shown)",
    )
    p.add_argument("--host", default=env("SELFTRUST_HOST", "127.0.0.1"), help="SELFTRUST_HOST")
    p.add_argument(
        "--port", type=int, default=int(env("SELFTRUST_PORT", "8000")), help="SELFTRUST_PORT"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=int(env("SELFTRUST_WORKERS", "0")),
        help="processes (default: cores + 1, at most 4); SELFTRUST_WORKERS",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=int(env("SELFTRUST_THREADS", "4")),
        help="threads per process; SELFTRUST_THREADS",
    )
    p.add_argument(
        "--graceful-timeout",
        type=int,
        default=int(env("SELFTRUST_GRACEFUL_TIMEOUT", "30")),
        help="seconds requests in flight get to finish on shutdown; SELFTRUST_GRACEFUL_TIMEOUT",
    )
    p.add_argument(
        "--trusted-proxies",
        default=env("SELFTRUST_TRUSTED_PROXIES", ""),
        help="comma-separated addresses or networks of your reverse proxies, whose "
        "X-Forwarded-For is believed (default: none); SELFTRUST_TRUSTED_PROXIES",
    )
    p.add_argument(
        "--control-socket",
        default=env("SELFTRUST_CONTROL_SOCKET", ""),
        help="a path for gunicorn's control socket, one per server (default: none); "
        "SELFTRUST_CONTROL_SOCKET",
    )
    p.add_argument(
        "--no-worker",
        dest="worker",
        action="store_false",
        default=not _yes_no("SELFTRUST_NO_WORKER", default=False),
        help="don't start a background worker beside the server (run `selftrust worker` as "
        "its own service instead); SELFTRUST_NO_WORKER=1",
    )
    p.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        default=_yes_no("SELFTRUST_ACCESS_LOG", default=True),
        help="don't write the access log to standard output; SELFTRUST_ACCESS_LOG=0",
    )
    p.set_defaults(run=serve)

    p = commands.add_parser(
        "worker", help="run background work: reminders every minute, upkeep every hour"
    )
    p.add_argument(
        "--once",
        action="store_true",
        help="enqueue what is due now, run the queue empty, and exit (for cron)",
    )
    p.add_argument("--stop-with-parent", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(run=worker)

    p = commands.add_parser("migrate", help="create or update the database")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(run=migrate)

    # The operator commands: each hands its arguments to the management command of its name.
    p = commands.add_parser("createuser", help="create an account")
    p.add_argument("username")
    p.add_argument("--staff", action="store_true", help="an account that may make invitation links")
    p.add_argument(
        "--therapist",
        action="store_true",
        help="a therapist's account (two-factor sign-in is set up at its first sign-in)",
    )
    p.set_defaults(
        run=lambda args: run_command(
            "createuser",
            args.username,
            **({"staff": True} if args.staff else {}),
            **({"therapist": True} if args.therapist else {}),
        )
    )

    p = commands.add_parser("setpassphrase", help="set a new passphrase for an account")
    p.add_argument("username")
    p.set_defaults(run=lambda args: run_command("setpassphrase", args.username))

    p = commands.add_parser(
        "resettwofactor",
        help="remove a therapist's two-factor devices (a lost phone); they set up an app again "
        "at their next sign-in",
    )
    p.add_argument("username")
    p.set_defaults(run=lambda args: run_command("resettwofactor", args.username))

    p = commands.add_parser("token", help="print a new personal API token for an account")
    p.add_argument("username")
    p.add_argument("--name", default="command line")
    p.set_defaults(run=lambda args: run_command("token", args.username, name=args.name))

    p = commands.add_parser("export", help="write everything an account holds as JSON")
    p.add_argument("username")
    p.add_argument(
        "--output", "-o", help="a file to write to, made private (default: standard output)"
    )
    p.set_defaults(run=lambda args: run_command("export", args.username, output=args.output))

    p = commands.add_parser(
        "import", help="bring a Selftrust export into an empty account, all of it or nothing"
    )
    p.add_argument("username")
    p.add_argument("file", help='the export file, or "-" for standard input')
    p.set_defaults(run=lambda args: run_command("import", args.username, args.file))

    p = commands.add_parser(
        "backup", help="write a consistent copy of the SQLite database (safe while serving)"
    )
    p.add_argument("file")
    p.set_defaults(run=lambda args: run_command("backup", args.file))

    p = commands.add_parser(
        "restore", help="put a backup in place of the SQLite database (stop the servers first)"
    )
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="restore without asking (for scripts)")
    p.set_defaults(run=lambda args: run_command("restore", args.file, yes=args.yes))

    p = commands.add_parser("purge", help="remove for good what is past keeping")
    p.add_argument("--dry-run", action="store_true", help="only say what would be removed")
    # Passed only when given, so the purge command's own default applies otherwise.
    p.set_defaults(
        run=lambda args: run_command("purge", **({"dry_run": True} if args.dry_run else {}))
    )

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
    try:
        return args.run(args)
    except ImproperlyConfigured as error:
        # A setting we can't use (SELFTRUST_HTTPS=ture): one clear line, not a traceback.
        print(f"Selftrust can't start: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
