import io
import json
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def without_time_of_export(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "exported_at"}


def test_export_writes_the_same_json_as_settings_to_standard_output(owner_client, user):
    CheckInFactory(promise=PromiseFactory(user=user, text="Drink water ☕"), note="Tea counts")
    out = io.StringIO()
    call_command("export", user.username, stdout=out)
    from_settings = json.loads(owner_client.get(reverse("accounts:export")).content)
    assert without_time_of_export(json.loads(out.getvalue())) == without_time_of_export(
        from_settings
    )
    assert "Drink water ☕" in out.getvalue()  # written as it is, not \\u escapes


def test_export_to_a_file_makes_it_readable_by_its_owner_only(user, tmp_path):
    target = tmp_path / "export.json"
    target.write_text("an older file, open to everyone")
    target.chmod(0o644)
    PromiseFactory(user=user, text="Rest")
    call_command("export", user.username, output=str(target), stderr=io.StringIO())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text())
    assert [p["text"] for p in data["promises"]] == ["Rest"]


def test_export_of_an_unknown_account_fails_clearly():
    with pytest.raises(CommandError, match="There is no account called nobody."):
        call_command("export", "nobody")


def test_export_holds_only_that_accounts_data(user, other_user):
    PromiseFactory(user=other_user, text="Not mine")
    out = io.StringIO()
    call_command("export", user.username, stdout=out)
    assert json.loads(out.getvalue())["promises"] == []
