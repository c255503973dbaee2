"""PostgreSQL drops every connection (a restart, a failover): the servers carry on, no 5xx."""

import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection

from tests.factories import UserFactory, api_token_for
from tests.test_cli import free_port
from tests.test_serve import SELFTRUST, _stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="a PostgreSQL server is what drops the connections here",
    ),
]


def _status(url: str, token: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


def _terminate_every_other_connection() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_every_connection_dropped_mid_load_brings_no_5xx(tmp_path):
    token = api_token_for(UserFactory())
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or '127.0.0.1'}"
        f":{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SELFTRUST_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update({"DATABASE_URL": url, "SELFTRUST_DATA_DIR": str(tmp_path)})
    port = free_port()
    server = subprocess.Popen(
        [SELFTRUST, "serve", "--port", str(port), "--workers", "2", "--threads", "4"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if _status(f"{base}/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.1)
        pages = [
            (f"{base}/healthz", None),
            (f"{base}/login/", None),
            (f"{base}/help/", None),
            (f"{base}/api/v1/promises", token),
        ]
        # Warm up: every worker thread now holds a kept-alive database connection.
        for _ in range(10):
            assert all(_status(page, key) == 200 for page, key in pages)

        assert _terminate_every_other_connection() >= 1
        dropped_at = time.monotonic()
        first_healthy = None
        statuses = []
        for _ in range(10):
            for page, key in pages:
                statuses.append(_status(page, key))
                if page.endswith("/healthz") and statuses[-1] == 200 and first_healthy is None:
                    first_healthy = time.monotonic() - dropped_at
        # And once more mid-load.
        _terminate_every_other_connection()
        for _ in range(10):
            statuses += [_status(page, key) for page, key in pages]
    finally:
        output = _stop(server)
    assert [s for s in statuses if s >= 500] == [], output[-3000:]
    assert set(statuses) == {200}
    assert first_healthy is not None and first_healthy < 1.0
