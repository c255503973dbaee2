import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_asked_for():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


@pytest.mark.django_db
def test_null_characters_are_refused_before_they_reach_the_database(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post("/promises/new/", {"text": "Rest\x00", "schedule": "daily"})
    assert response.status_code == 400
