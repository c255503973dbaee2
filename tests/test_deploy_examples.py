"""The clinic deployment guide (docs/deploy.md) and its example files (deploy/), used as an
operator would use them.

Always: every setting and `selftrust` command they name is one Selftrust has, and the
refusals they quote are the ones printed; the settings file, filled in, passes Django's
deployment checks; nginx lets idle connections go before gunicorn closes them; the backup
script keeps the password off the command line and never deletes old backups after a failed
one. Where the tools are
installed (each test says so when it skips): the systemd units pass `systemd-analyze verify`
and `security`, the Caddyfile `caddy validate`, the nginx site `nginx -t`, and both proxies
keep query strings out of their logs. Where PostgreSQL is reachable: a nightly backup made by
the script comes back with the guide's own commands, under the database's own name, once the
damaged database has been set aside.
"""

import argparse
import functools
import http.client
import importlib.machinery
import importlib.util
import os
import re
import secrets
import shutil
import socket
import ssl
import stat
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from selftrust.accounts.importing import MAX_UPLOAD_BYTES
from selftrust.reminders.email_url import email_settings
from selftrust.reminders.vapid import public_key_of
from selftrust.web.health import HEALTH_PATH

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
GUIDE_PATH = ROOT / "docs" / "deploy.md"
GUIDE = GUIDE_PATH.read_text()
SELFTRUST = str(Path(sys.executable).with_name("selftrust"))
UNITS = [
    "selftrust@.service",
    "selftrust-worker.service",
    "selftrust-backup.service",
    "selftrust-backup.timer",
]
SETTINGS_FILE = "/etc/selftrust/selftrust.env"
# Where the guide installs what the units run, and what stands in for it here.
INSTALLED_SELFTRUST = "/opt/selftrust/venv/bin/selftrust"
INSTALLED_BACKUP = "/usr/local/sbin/selftrust-backup"
POSTGRES_URL = "postgres://selftrust:selftrust@127.0.0.1:5432/selftrust"


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any Selftrust setting, plus `extra`."""
    env = {
        k: v
        for k, v in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for themselves; a server never has it.
        if not k.startswith("SELFTRUST_") and k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return {**env, **extra}


def _tested_block(name: str) -> str:
    """The fenced block after `<!-- tested: name -->` in the guide, dedented."""
    match = re.search(
        rf"^[ \t]*<!-- tested: {re.escape(name)} -->\n[ \t]*```\w*\n(.*?)^[ \t]*```",
        GUIDE,
        flags=re.M | re.S,
    )
    assert match, f"docs/deploy.md has no block marked <!-- tested: {name} -->"
    return textwrap.dedent(match.group(1))


def _environment_file(text: str) -> dict[str, str]:
    """NAME=value lines as systemd's EnvironmentFile= reads them (comments and blanks skipped)."""
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        name, _, value = line.partition("=")
        values[name.strip()] = value.strip().strip("'\"")
    return values


EXAMPLE_SETTINGS = _environment_file((DEPLOY / "selftrust.env.example").read_text())


def _unit(name: str) -> dict[str, list[str]]:
    """A unit file's Key=value lines, every value of each key, in order."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    for _ in range(100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            pytest.fail(f"{what} stopped: {process.communicate()[0]}")
        time.sleep(0.1)
    process.kill()
    pytest.fail(f"{what} did not open port {port}")


def _status_of(url: str, **kwargs) -> int:
    try:
        with urllib.request.urlopen(url, timeout=15, **kwargs) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# --- Settings and commands named in the guide and the examples -----------------------------


def _deploy_texts() -> dict[str, str]:
    return {
        "docs/deploy.md": GUIDE,
        **{f"deploy/{p.name}": p.read_text() for p in sorted(DEPLOY.iterdir()) if p.is_file()},
    }


def _settings_selftrust_reads() -> set[str]:
    """Every SELFTRUST_* name that appears as a string in the code: a name it looks up."""
    names = set()
    for source in (ROOT / "selftrust").rglob("*.py"):
        names |= set(re.findall(r"[\"'](SELFTRUST_[A-Z0-9_]+)[\"']", source.read_text()))
    return names


def test_every_setting_in_the_guide_and_the_examples_is_one_selftrust_reads():
    read = _settings_selftrust_reads()
    unknown = {
        f"{where}: {name}"
        for where, text in _deploy_texts().items()
        for name in re.findall(r"SELFTRUST_[A-Z0-9_]+", text)
        if name not in read
    }
    assert not unknown, "named but never read by Selftrust: " + ", ".join(sorted(unknown))


def test_every_setting_in_the_example_file_is_explained_in_the_guide():
    assert EXAMPLE_SETTINGS, "the example settings file has no settings"
    unexplained = [name for name in EXAMPLE_SETTINGS if f"`{name}`" not in GUIDE]
    assert not unexplained


def _code_lines(text: str, markdown: bool) -> list[str]:
    """Shell as it would be run: a Markdown file's fenced blocks and inline code, or every
    line of a plain file; lines continued with a backslash are joined."""
    if not markdown:
        return text.replace("\\\n", " ").splitlines()
    fence = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", flags=re.M | re.S)
    lines = []
    for block in fence.findall(text):
        lines += block.replace("\\\n", " ").splitlines()
    lines += re.findall(r"`([^`\n]+)`", fence.sub("", text))
    return lines


# `selftrust` where a shell would run it: first on a line (a comment's too), after ; && | (
# or sudo, or as the last part of a path (/opt/selftrust/venv/bin/selftrust).
COMMAND = re.compile(
    r"(?:^[ \t#]*|[;&|(][ \t]*|\bsudo[ \t]+|bin/)selftrust[ \t]+([a-z][a-z0-9_-]*)([^;&|#\n]*)"
)


def _commands_named() -> list[tuple[str, str, tuple[str, ...]]]:
    """(where, subcommand, its --options), once each."""
    found = {}
    for where, text in _deploy_texts().items():
        for line in _code_lines(text, markdown=where.endswith(".md")):
            for command, rest in COMMAND.findall(line):
                words = rest.split()
                if command == "manage" and words:
                    command, words = f"manage {words[0]}", words[1:]
                options = tuple(w.split("=")[0] for w in words if w.startswith("--"))
                found.setdefault((command, options), where)
    return [(where, command, options) for (command, options), where in sorted(found.items())]


@functools.cache
def _help(*command: str) -> str:
    data = Path(os.environ.get("SELFTRUST_DATA_DIR", "/tmp")) / "deploy-help"  # noqa: S108
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", *command, "--help"],
        env=_clean_env(SELFTRUST_DATA_DIR=str(data)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout + result.stderr


@functools.cache
def _django_commands() -> set[str]:
    data = Path(os.environ.get("SELFTRUST_DATA_DIR", "/tmp")) / "deploy-help"  # noqa: S108
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "manage", "help", "--commands"],
        env=_clean_env(SELFTRUST_DATA_DIR=str(data)),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(result.stdout.split())


def test_the_guide_and_the_examples_name_the_commands_an_operator_needs():
    named = {command for _where, command, _options in _commands_named()}
    assert {"serve", "migrate", "worker", "manage check", "backup"} <= named


@pytest.mark.parametrize(
    ("where", "command", "options"),
    _commands_named(),
    ids=[" ".join([c, *o]) for _w, c, o in _commands_named()],
)
def test_every_selftrust_command_in_the_guide_and_the_examples_is_a_real_one(
    where, command, options
):
    if command.startswith("manage "):
        django_command = command.split()[1]
        assert django_command in _django_commands(), f"{where}: no `selftrust {command}`"
        usage = _help("manage", django_command)
    else:
        subcommands = re.search(r"\{([a-z0-9,_-]+)\}", _help()).group(1).split(",")
        assert command in subcommands, f"{where}: `selftrust {command}` is not a command"
        usage = _help(command)
    for option in options:
        assert re.search(rf"{re.escape(option)}\b", usage), (
            f"{where}: `selftrust {command}` has no {option}"
        )


def test_the_refusals_the_guide_quotes_are_what_the_servers_and_the_worker_print(tmp_path):
    quoted = re.search(r"the\s+journal says\n\n```\n(.*?)```", GUIDE, flags=re.S).group(1)
    # A database nothing has been applied to: every migration is waiting.
    app = _clean_env(SELFTRUST_DATA_DIR=str(tmp_path))
    printed = []
    for command in (["serve", "--no-worker", "--port", str(_free_port())], ["worker"]):
        result = subprocess.run(
            [SELFTRUST, *command], env=app, capture_output=True, text=True, timeout=120
        )
        assert result.returncode != 0, result.stdout
        printed.append(result.stderr.strip().splitlines()[-1])

    def any_count(text: str) -> str:
        return re.sub(r"\(\d+ change", "(N change", text)

    assert any_count(quoted).splitlines() == [any_count(line) for line in printed]


# --- The settings file --------------------------------------------------------------------


def _push_key_from_the_guide() -> str:
    installed_python = "/opt/selftrust/venv/bin/python"
    command = _tested_block("vapid-key").strip()
    assert command.startswith(installed_python + " ")
    result = subprocess.run(
        command.replace(installed_python, sys.executable, 1),
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_guides_push_key_command_makes_a_key_selftrust_accepts():
    key = _push_key_from_the_guide()
    assert len(public_key_of(key)) == 87  # 65 bytes, base64url without padding
    assert _push_key_from_the_guide() != key


def _filled_in(settings: dict[str, str], data_dir: Path) -> dict[str, str]:
    """The example as an operator completes it: every CHANGE-ME replaced, as the guide says."""
    filled = {}
    for name, value in settings.items():
        if "CHANGE-ME" in value:
            secret = (
                _push_key_from_the_guide()
                if name == "SELFTRUST_VAPID_PRIVATE_KEY"
                else secrets.token_urlsafe(50)
            )
            value = value.replace("CHANGE-ME", secret)
        filled[name] = value
    return {**filled, "SELFTRUST_DATA_DIR": str(data_dir)}


def _deploy_check(settings: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SELFTRUST, "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=_clean_env(**settings),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_example_settings_filled_in_pass_djangos_deployment_checks(tmp_path):
    result = _deploy_check(_filled_in(EXAMPLE_SETTINGS, tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_settings_left_unchanged_are_refused(tmp_path):
    result = _deploy_check({**EXAMPLE_SETTINGS, "SELFTRUST_DATA_DIR": str(tmp_path)})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "SELFTRUST_VAPID_PRIVATE_KEY" in output
    assert "security.W009" in output  # the secret key


def test_the_example_settings_turn_https_on_and_sign_up_by_invitation():
    assert EXAMPLE_SETTINGS["SELFTRUST_HTTPS"] == "1"
    assert EXAMPLE_SETTINGS["SELFTRUST_SIGNUP"] == "invite"
    host = EXAMPLE_SETTINGS["SELFTRUST_ALLOWED_HOSTS"]
    assert EXAMPLE_SETTINGS["SELFTRUST_CSRF_TRUSTED_ORIGINS"] == f"https://{host}"
    assert urlsplit(EXAMPLE_SETTINGS["DATABASE_URL"]).scheme == "postgres"


def test_the_example_mail_server_is_one_selftrust_can_use():
    mail = email_settings(EXAMPLE_SETTINGS["SELFTRUST_EMAIL_URL"])
    assert mail["REMINDER_EMAIL_ENABLED"]
    assert mail["EMAIL_USE_TLS"]
    assert mail["EMAIL_HOST_USER"] == "reminders@example.org"


def test_every_unit_and_the_admin_command_read_the_settings_file_the_guide_makes_private():
    for name in UNITS:
        if name.endswith(".service"):
            assert _unit(name)["EnvironmentFile"] == [SETTINGS_FILE], name
    assert f"--property=EnvironmentFile={SETTINGS_FILE}" in (DEPLOY / "selftrust-admin").read_text()
    assert f"install -o root -g root -m 600 deploy/selftrust.env.example {SETTINGS_FILE}" in GUIDE


# --- The systemd units --------------------------------------------------------------------


def test_app_servers_are_stopped_gently_and_given_longer_than_their_graceful_timeout():
    unit = _unit("selftrust@.service")
    graceful = int(EXAMPLE_SETTINGS.get("SELFTRUST_GRACEFUL_TIMEOUT", "30"))
    assert unit["KillSignal"] == ["SIGTERM"]
    assert int(unit["TimeoutStopSec"][0]) > graceful
    assert unit["Restart"] == ["on-failure"]


def test_app_servers_leave_the_background_work_to_the_worker_service():
    assert "--no-worker" in _unit("selftrust@.service")["ExecStart"][0]
    assert _unit("selftrust-worker.service")["ExecStart"] == [f"{INSTALLED_SELFTRUST} worker"]


@pytest.mark.parametrize("name", [u for u in UNITS if u.endswith(".service")])
def test_every_service_runs_as_its_own_user_and_writes_only_its_own_folder(name):
    unit = _unit(name)
    assert unit["User"] == ["selftrust"]
    assert unit["NoNewPrivileges"] == ["yes"]
    assert unit["ProtectSystem"] == ["strict"]
    assert unit["PrivateTmp"] == ["yes"]
    assert len(unit["ReadWritePaths"]) == 1


def _rendered_units(folder: Path) -> Path:
    """The units with what they run pointed at this checkout, for systemd-analyze to find."""
    backup = folder / "selftrust-backup"
    shutil.copy(DEPLOY / "selftrust-backup", backup)
    backup.chmod(0o755)
    for name in UNITS:
        text = (DEPLOY / name).read_text()
        text = text.replace(INSTALLED_SELFTRUST, SELFTRUST).replace(INSTALLED_BACKUP, str(backup))
        (folder / name).write_text(text)
    return folder


def _instances(folder: Path) -> list[str]:
    return [
        str(folder / n) for n in ("selftrust@8001.service", "selftrust@8002.service", *UNITS[1:])
    ]


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed (Debian: apt-get install systemd)")
    units = _rendered_units(tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "verify", *_instances(units)], capture_output=True, text=True
    )
    # Warnings count: systemd ignores a misspelt key with only a warning.
    ours = [line for line in result.stderr.splitlines() if "selftrust" in line]
    assert result.returncode == 0 and not ours, result.stderr


def test_systemd_rates_every_service_exposure_as_ok(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed (Debian: apt-get install systemd)")
    if (
        "--offline"
        not in subprocess.run(["systemd-analyze", "--help"], capture_output=True, text=True).stdout
    ):
        pytest.skip("this systemd-analyze has no --offline (systemd 250 or newer has)")
    units = _rendered_units(tmp_path)
    for unit in _instances(units):
        if not unit.endswith(".service"):
            continue
        # --threshold=20: an exposure of 2.0 or less, "OK" on systemd's scale of 10.
        result = subprocess.run(
            ["systemd-analyze", "security", "--offline=yes", "--threshold=20", unit],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout[-400:]


def test_the_nightly_timer_starts_the_backup_service():
    timer = _unit("selftrust-backup.timer")
    assert timer["Persistent"] == ["true"]
    backup = _unit("selftrust-backup.service")
    assert backup["ExecStart"][0].startswith(INSTALLED_BACKUP + " /var/backups/selftrust")
    assert backup["ReadWritePaths"] == ["/var/backups/selftrust"]
    if shutil.which("systemd-analyze"):
        result = subprocess.run(
            ["systemd-analyze", "calendar", timer["OnCalendar"][0]], capture_output=True
        )
        assert result.returncode == 0


# --- The admin command --------------------------------------------------------------------


def test_the_admin_command_runs_selftrust_as_the_service_user_with_its_arguments(tmp_path):
    fake = tmp_path / "systemd-run"
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    fake.chmod(0o755)
    result = subprocess.run(
        ["sh", str(DEPLOY / "selftrust-admin"), "createuser", "river jones"],
        env={**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
    )
    arguments = result.stdout.splitlines()
    assert "--pipe" in arguments  # not a terminal: standard input passes through
    assert "--uid=selftrust" in arguments
    assert "--wait" in arguments
    assert arguments[-3:] == [INSTALLED_SELFTRUST, "createuser", "river jones"]


# --- The backup script --------------------------------------------------------------------


def _backup_module():
    loader = importlib.machinery.SourceFileLoader(
        "selftrust_backup", str(DEPLOY / "selftrust-backup")
    )
    spec = importlib.util.spec_from_loader("selftrust_backup", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_the_backup_script_reads_every_part_of_the_database_url():
    env = _backup_module().libpq_environment(
        "postgres://selftrust:p%40ss%2Fword@db.clinic.internal:5433/clinic"
        "?sslmode=verify-full&sslrootcert=/etc/selftrust/db-ca.pem"
    )
    assert env == {
        "PGHOST": "db.clinic.internal",
        "PGPORT": "5433",
        "PGUSER": "selftrust",
        "PGPASSWORD": "p@ss/word",
        "PGDATABASE": "clinic",
        "PGSSLMODE": "verify-full",
        "PGSSLROOTCERT": "/etc/selftrust/db-ca.pem",
    }


def test_the_backup_script_refuses_a_url_it_cannot_pass_on_whole():
    module = _backup_module()
    with pytest.raises(ValueError, match="application_name"):
        module.libpq_environment("postgres://u:p@h/db?application_name=x")
    with pytest.raises(ValueError, match="postgres://"):
        module.libpq_environment("sqlite:///data/selftrust.sqlite3")


def _fake_postgres_tools(folder: Path, dump_works: bool = True) -> dict[str, str]:
    """pg_dump and pg_restore stand-ins that record how they were called."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    (bin_dir / "pg_dump").write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > {folder}/pg_dump.args\n'
        f"env | grep '^PG' > {folder}/pg_dump.env\n"
        + (
            'for a in "$@"; do case "$a" in --file=*) echo dump > "${a#--file=}";; esac; done\n'
            if dump_works
            else "echo 'pg_dump: error: connection refused' >&2; exit 1\n"
        )
    )
    (bin_dir / "pg_restore").write_text("#!/bin/sh\nexit 0\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}"}


def _run_backup(folder: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(DEPLOY / "selftrust-backup"), str(folder), *extra],
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _old_backup(folder: Path, days: int) -> Path:
    old = folder / f"selftrust-old-{days}.dump"
    old.write_text("old")
    stamp = (datetime.now(UTC) - timedelta(days=days)).timestamp()
    os.utime(old, (stamp, stamp))
    return old


def test_a_backup_never_shows_the_database_password_on_a_command_line(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    env = {
        **_fake_postgres_tools(tmp_path),
        "DATABASE_URL": "postgres://selftrust:s3cret-pass@127.0.0.1:5432/selftrust",
    }
    result = _run_backup(backups, env)
    assert result.returncode == 0, result.stderr
    assert "s3cret-pass" not in (tmp_path / "pg_dump.args").read_text()
    assert "PGPASSWORD=s3cret-pass" in (tmp_path / "pg_dump.env").read_text()
    (made,) = backups.glob("selftrust-*.dump")
    assert re.fullmatch(r"selftrust-\d{4}-\d\d-\d\dT\d{6}Z\.dump", made.name)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_a_backup_removes_only_backups_older_than_the_days_to_keep(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    too_old, recent = _old_backup(backups, 40), _old_backup(backups, 10)
    env = {**_fake_postgres_tools(tmp_path), "DATABASE_URL": POSTGRES_URL}
    assert _run_backup(backups, env, "--keep-days", "30").returncode == 0
    assert not too_old.exists()
    assert recent.exists()
    assert len(list(backups.glob("selftrust-*.dump"))) == 2


def test_a_failed_backup_keeps_every_old_one_and_says_so(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    too_old = _old_backup(backups, 40)
    env = {**_fake_postgres_tools(tmp_path, dump_works=False), "DATABASE_URL": POSTGRES_URL}
    result = _run_backup(backups, env)
    assert result.returncode == 1
    assert "no backup was made" in result.stderr
    assert too_old.exists()
    assert [p.name for p in backups.iterdir()] == [too_old.name]  # no half-written file


def test_a_backup_without_database_url_stops_with_a_clear_sentence(tmp_path):
    result = _run_backup(tmp_path, {})
    assert result.returncode == 1
    assert "DATABASE_URL is not set" in result.stderr


# --- The proxies --------------------------------------------------------------------------

CADDYFILE = (DEPLOY / "Caddyfile").read_text()
NGINX_SITE = (DEPLOY / "nginx.conf").read_text()


def _ports_the_guide_starts() -> set[int]:
    match = re.search(r"systemctl enable --now ((?:selftrust@\d+ )+)", GUIDE)
    return {int(p) for p in re.findall(r"@(\d+)", match.group(1))}


def test_both_proxies_send_requests_to_the_servers_the_guide_starts():
    ports = _ports_the_guide_starts()
    assert len(ports) == 2
    caddy_upstreams = re.search(r"reverse_proxy ([^{]+)\{", CADDYFILE).group(1).split()
    assert {int(u.rsplit(":", 1)[1]) for u in caddy_upstreams} == ports
    nginx_upstreams = re.findall(r"^\s*server 127\.0\.0\.1:(\d+)", NGINX_SITE, flags=re.M)
    assert {int(p) for p in nginx_upstreams} == ports


def test_caddy_checks_each_server_on_the_health_path():
    assert re.search(rf"^\s*health_uri {re.escape(HEALTH_PATH)}$", CADDYFILE, flags=re.M)


def test_both_proxies_accept_an_import_of_the_largest_size_selftrust_allows():
    nginx_limit = re.search(r"client_max_body_size (\d+)m;", NGINX_SITE).group(1)
    caddy_limit = re.search(r"max_size (\d+)MB", CADDYFILE).group(1)
    room_for_the_form = 64 * 1024
    assert int(nginx_limit) * 1024 * 1024 >= MAX_UPLOAD_BYTES + room_for_the_form
    assert int(caddy_limit) * 1000 * 1000 >= MAX_UPLOAD_BYTES + room_for_the_form


def test_nginx_replaces_the_forwarded_headers_a_client_sends():
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in NGINX_SITE
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in NGINX_SITE
    # Caddy replaces them unless told to trust an earlier proxy.
    assert "trusted_proxies" not in CADDYFILE


def _gunicorn_keepalive_seconds() -> float:
    """The keep-alive the app servers' gunicorn runs with, read as gunicorn reads its options."""
    from gunicorn.config import Config

    from selftrust.cli import gunicorn_command

    command = gunicorn_command(
        argparse.Namespace(
            host="127.0.0.1",
            port=8001,
            workers=int(EXAMPLE_SETTINGS["SELFTRUST_WORKERS"]),
            threads=int(EXAMPLE_SETTINGS["SELFTRUST_THREADS"]),
            graceful_timeout=int(EXAMPLE_SETTINGS["SELFTRUST_GRACEFUL_TIMEOUT"]),
            trusted_proxies=EXAMPLE_SETTINGS["SELFTRUST_TRUSTED_PROXIES"],
            control_socket="",
            access_log=True,
        )
    )
    assert command[1:3] == ["-m", "gunicorn"]
    config = Config()
    for name, value in vars(config.parser().parse_args(command[3:])).items():
        if value is not None and name in config.settings:
            config.set(name, value)
    return config.keepalive


def test_nginx_lets_an_idle_connection_go_before_the_app_server_closes_it():
    # Otherwise nginx may send a request down a connection gunicorn is closing: a 502, and a
    # POST is not tried again on the other server.
    upstream = re.search(r"^upstream selftrust \{(.*?)^\}", NGINX_SITE, flags=re.M | re.S).group(1)
    idle = re.search(r"^\s*keepalive_timeout (\d+)s;", upstream, flags=re.M)
    assert idle, "the upstream block keeps idle connections for nginx's default 60 s"
    assert int(idle.group(1)) < _gunicorn_keepalive_seconds()


def test_nginx_logs_requests_without_their_query_strings():
    log_format = re.search(r"log_format selftrust_private (.*?);", NGINX_SITE, flags=re.S).group(1)
    assert "$uri" in log_format
    for leaky in ("$request ", '$request"', "$request_uri", "$args", "$query_string"):
        assert leaky not in log_format
    access_logs = re.findall(r"^\s*access_log (.*);", NGINX_SITE, flags=re.M)
    assert access_logs and all(line.endswith(" selftrust_private") for line in access_logs)


def _caddy_env(folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }


def test_the_caddyfile_passes_caddy_validate(tmp_path):
    if not shutil.which("caddy"):
        pytest.skip("caddy is not installed (Debian: apt-get install caddy)")
    result = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        env=_caddy_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "not formatted" not in result.stderr


def test_caddy_keeps_query_strings_out_of_its_log(tmp_path):
    if not shutil.which("caddy"):
        pytest.skip("caddy is not installed (Debian: apt-get install caddy)")
    port = _free_port()
    # Plain HTTP on a free port, no admin endpoint, and app servers that aren't there, so the
    # request fails and Caddy logs it.
    config = CADDYFILE.replace("{\n", "{\n\tadmin off\n", 1)
    config = config.replace("selftrust.example.org {", f"http://127.0.0.1:{port} {{")
    for upstream in re.search(r"reverse_proxy ([^{]+)\{", CADDYFILE).group(1).split():
        config = config.replace(upstream, f"127.0.0.1:{_free_port()}")
    (tmp_path / "Caddyfile").write_text(config)
    caddy = subprocess.Popen(
        ["caddy", "run", "--adapter", "caddyfile", "--config", str(tmp_path / "Caddyfile")],
        env=_caddy_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_port(port, caddy, "caddy")
        status = _status_of(f"http://127.0.0.1:{port}/practices/search?q=my+secret+words")
    finally:
        caddy.terminate()
        log = caddy.communicate(timeout=30)[0]
    assert status >= 500
    assert "/practices/search" in log  # the failed request was logged...
    assert "secret" not in log  # ...without what was searched for


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "selftrust.example.org")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "fullchain.pem", folder / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _nginx_config(folder: Path, site: str) -> Path:
    """A minimal nginx.conf around the site file, with every path it writes inside `folder`."""
    cert, key = _self_signed_certificate(folder)
    site = site.replace("/var/log/nginx/", f"{folder}/")
    site = site.replace("/etc/letsencrypt/live/selftrust.example.org/fullchain.pem", str(cert))
    site = site.replace("/etc/letsencrypt/live/selftrust.example.org/privkey.pem", str(key))
    (folder / "selftrust.conf").write_text(site)
    wrapper = folder / "nginx.conf"
    wrapper.write_text(
        f"pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\n"
        "events {}\n"
        "http {\n"
        + "".join(
            f"    {kind}_temp_path {folder}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    access_log {folder}/access.log;\n"
        f"    include {folder}/selftrust.conf;\n"
        "}\n"
    )
    return wrapper


def _nginx_command(folder: Path, wrapper: Path) -> list[str]:
    return ["nginx", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(wrapper)]


def test_the_nginx_site_passes_nginx_t(tmp_path):
    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    wrapper = _nginx_config(tmp_path, NGINX_SITE)
    result = subprocess.run(
        [*_nginx_command(tmp_path, wrapper), "-t"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_nginx_keeps_query_strings_out_of_its_logs(tmp_path):
    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed (Debian: apt-get install nginx)")
    http_port, https_port = _free_port(), _free_port()
    site = re.sub(r"^\s*listen \[::\]:\d+( ssl)?;\n", "", NGINX_SITE, flags=re.M)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    # App servers that aren't there: the request fails, and nginx has an error to log.
    for port in _ports_the_guide_starts():
        site = site.replace(f"127.0.0.1:{port} ", f"127.0.0.1:{_free_port()} ")
    wrapper = _nginx_config(tmp_path, site)
    nginx = subprocess.Popen(
        [*_nginx_command(tmp_path, wrapper), "-g", "daemon off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_port(https_port, nginx, "nginx")
        unverified = ssl.create_default_context()
        unverified.check_hostname = False
        unverified.verify_mode = ssl.CERT_NONE
        status = _status_of(
            f"https://127.0.0.1:{https_port}/practices/search?q=my+secret+words",
            context=unverified,
        )
        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=15)
        plain.request("GET", "/practices/search?q=my+secret+words")
        redirect = plain.getresponse().status
        plain.close()
    finally:
        nginx.terminate()
        output = nginx.communicate(timeout=30)[0]
    assert status == 502
    assert redirect == 301  # to https://
    logs = output + "".join(p.read_text() for p in tmp_path.glob("*.log"))
    assert "GET /practices/search HTTP/1.1" in logs  # the requests were logged...
    assert "secret" not in logs  # ...without what was searched for


# --- Backup and restore against a real PostgreSQL -----------------------------------------

SCRATCH = "selftrust_deploy_test"
SET_ASIDE = "selftrust_deploy_test_before_restore"


def _postgres_base_url() -> str:
    from_env = os.environ.get("DATABASE_URL", "")
    return from_env if from_env.startswith("postgres") else POSTGRES_URL


def _with_database(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def _libpq_env(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {
        "PGHOST": parts.hostname or "127.0.0.1",
        "PGPORT": str(parts.port or 5432),
        "PGUSER": parts.username or "",
        "PGPASSWORD": parts.password or "",
        "PGDATABASE": "postgres",
    }


def _psql(url: str, database: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "--dbname", database, "--tuples-only", "--no-align", "--command", sql],
        env=_clean_env(**_libpq_env(url)),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _drop_scratch_databases(url: str) -> None:
    for name in (SCRATCH, SET_ASIDE):
        subprocess.run(
            ["dropdb", "--if-exists", "--force", name],
            env=_clean_env(**_libpq_env(url)),
            capture_output=True,
        )


@pytest.fixture
def postgres_url():
    missing = [
        t for t in ("psql", "createdb", "dropdb", "pg_dump", "pg_restore") if not shutil.which(t)
    ]
    if missing:
        pytest.skip(f"PostgreSQL's client tools are not installed ({', '.join(missing)})")
    url = _postgres_base_url()
    try:
        _psql(url, urlsplit(url).path.lstrip("/"), "SELECT 1")
    except subprocess.CalledProcessError as error:
        pytest.skip(f"PostgreSQL is not reachable at {urlsplit(url).hostname}: {error.stderr}")
    _drop_scratch_databases(url)
    made = subprocess.run(
        ["createdb", SCRATCH], env=_clean_env(**_libpq_env(url)), capture_output=True, text=True
    )
    if made.returncode != 0:
        pytest.skip(f"the {urlsplit(url).username} role can't create databases: {made.stderr}")
    yield url
    _drop_scratch_databases(url)


def test_a_nightly_backup_comes_back_with_the_guides_restore_commands(postgres_url, tmp_path):
    # A Selftrust database with one account in it.
    scratch = _with_database(postgres_url, SCRATCH)
    app = _clean_env(DATABASE_URL=scratch, SELFTRUST_DATA_DIR=str(tmp_path / "data"))
    subprocess.run([SELFTRUST, "migrate"], env=app, check=True, capture_output=True, timeout=300)
    subprocess.run(
        [SELFTRUST, "createuser", "river"],
        input="a calm and steady river\n",
        env=app,
        check=True,
        capture_output=True,
        text=True,
    )

    # The nightly backup, as selftrust-backup.service runs it.
    backups = tmp_path / "backups"
    backups.mkdir()
    made = _run_backup(backups, {"DATABASE_URL": scratch})
    assert made.returncode == 0, made.stderr
    (backup,) = backups.glob("selftrust-*.dump")

    # The guide's restore, word for word: only the database names, the backup's path and the
    # role are this machine's, and `runuser -u postgres --` runs as the test's role.
    role = urlsplit(postgres_url).username
    set_aside = _tested_block("set-aside").replace("selftrust_before_restore", SET_ASIDE)
    set_aside = set_aside.replace("DATABASE selftrust ", f"DATABASE {SCRATCH} ")
    restore = re.sub(r"^BACKUP=.*$", f"BACKUP={backup}", _tested_block("restore"), flags=re.M)
    restore = re.sub(r"^DATABASE=.*$", f"DATABASE={SCRATCH}", restore, flags=re.M)
    restore = re.sub(r"(--owner|--role)=selftrust\b", rf"\1={role}", restore)
    script = 'set -eu\nrunuser() { while [ "$1" != "--" ]; do shift; done; shift; "$@"; }\n'
    result = subprocess.run(
        ["bash", "-c", script + set_aside + restore],
        env=_clean_env(**_libpq_env(postgres_url)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "1"  # the guide's check: one account

    # The backup is back under the original name; the database it replaced is kept aside.
    assert _psql(postgres_url, SCRATCH, "SELECT username FROM accounts_user") == "river"
    assert _psql(postgres_url, SET_ASIDE, "SELECT username FROM accounts_user") == "river"
    assert _psql(postgres_url, SCRATCH, "SHOW server_encoding") == "UTF8"
    # Selftrust, whose settings have not changed, finds nothing missing.
    check = subprocess.run(
        [SELFTRUST, "manage", "migrate", "--check"], env=app, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
