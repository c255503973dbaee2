"""Two app servers on one PostgreSQL: a session works on both, and neither ever serves a
figure older than the last write, whichever server took it."""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.factories import PromiseFactory, UserFactory, api_token_for
from tests.test_cli import free_port
from tests.test_serve import SELFTRUST, _stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="several app servers share one PostgreSQL",
    ),
]


def _request(url, *, token=None, cookie=None, body=None):
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookie:
        headers["Cookie"] = cookie
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.read(), url


def _database_url() -> str:
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@"
        f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )


def _serve(tmp_path, name: str) -> tuple[subprocess.Popen, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SELFTRUST_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        {
            "DATABASE_URL": _database_url(),
            "SELFTRUST_DATA_DIR": str(tmp_path / name),
            # Every server of an installation shares the secret key (sessions, signed links);
            # here, the one the test signed its session with.
            "SELFTRUST_SECRET_KEY": settings.SECRET_KEY,
        }
    )
    port = free_port()
    server = subprocess.Popen(
        [SELFTRUST, "serve", "--port", str(port), "--workers", "1", "--no-worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if _request(f"{base}/healthz")[0] == 200:
                return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    pytest.fail(f"server {name} did not start: {server.stdout.read()}")


def test_a_session_and_the_figures_hold_across_two_servers(tmp_path):
    user = UserFactory()
    promise = PromiseFactory(user=user, starts_on=user.local_today() - timedelta(days=10))
    token = api_token_for(user)
    browser = Client()
    browser.force_login(user)
    cookie = f"sessionid={browser.cookies['sessionid'].value}"

    first, first_url = _serve(tmp_path, "first")
    second, second_url = _serve(tmp_path, "second")
    try:
        for base in (first_url, second_url):
            status, page, landed = _request(f"{base}/today/", cookie=cookie)
            assert status == 200 and landed == f"{base}/today/", "signed in on both servers"
            assert promise.text.encode() in page

        stale_reads = []
        for days_ago, writer in enumerate([first_url, second_url, first_url, second_url]):
            day = (user.local_today() - timedelta(days=days_ago)).isoformat()
            status, _body, _ = _request(
                f"{writer}/api/v1/promises/{promise.pk}/check-ins",
                token=token,
                body={"date": day, "outcome": "kept"},
            )
            assert status in (200, 201)
            answered = days_ago + 1
            for base in (first_url, second_url):
                for _ in range(15):
                    _status, body, _ = _request(f"{base}/api/v1/track-record", token=token)
                    if json.loads(body)["overall"]["answered_7d"] != answered:
                        stale_reads.append((base, answered))
        assert stale_reads == []
    finally:
        _stop(first)
        _stop(second)


def test_serve_refuses_a_postgresql_database_with_changes_waiting(tmp_path):
    scratch = f"{connection.settings_dict['NAME']}_unmigrated"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        cursor.execute(f'CREATE DATABASE "{scratch}"')
    try:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("SELFTRUST_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        }
        env.update(
            {
                "DATABASE_URL": _database_url().rsplit("/", 1)[0] + f"/{scratch}",
                "SELFTRUST_DATA_DIR": str(tmp_path),
            }
        )
        result = subprocess.run(
            [SELFTRUST, "serve", "--port", str(free_port())],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1
        assert "Run `selftrust migrate` once" in result.stderr
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
