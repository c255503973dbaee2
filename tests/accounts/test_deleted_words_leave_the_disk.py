"""After an account is deleted, its words are not left in the SQLite file or its log."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from selftrust.accounts.deletion import delete_account
    from selftrust.accounts.models import User
    from selftrust.promises.models import Promise
    keep = User.objects.create_user("keeps", password="a long passphrase here")
    Promise.objects.create(user=keep, text="Water the plants", schedule="daily", starts_on="2026-11-01")
    gone = User.objects.create_user("leaves", password="a long passphrase here")
    for n in range(50):
        Promise.objects.create(user=gone, text=f"zebra-quartz-{n} lantern", schedule="daily", starts_on="2026-11-01")
    delete_account(gone)
    # Read the files while this server's connection is still open, as a running server's
    # would be: SQLite tidies its log when the last connection closes, a server rarely does.
    from pathlib import Path
    from django.conf import settings
    folder = Path(settings.DATA_DIR)
    everything = b"".join(p.read_bytes() for p in folder.glob("selftrust.sqlite3*"))
    print("kept:", b"Water the plants" in everything)
    print("deleted words found:", b"zebra-quartz" in everything)
    """
)


def test_deleted_words_are_not_left_in_the_database_file_or_its_log(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "SELFTRUST_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "selftrust.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "kept: True" in result.stdout  # the check can see words that are there
    assert "deleted words found: False" in result.stdout
