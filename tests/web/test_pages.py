import pytest
from django.db import DatabaseError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


def test_healthz_reports_an_unreachable_database(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    assert client.get("/healthz").status_code == 503


def test_home_invites_visitors_and_sends_people_to_today(client, owner_client):
    from django.test import Client

    assert "Create an account" in Client().get("/").content.decode()
    assert owner_client.get("/")["Location"] == reverse("promises:today")


def test_unknown_pages_get_a_calm_not_found(client):
    response = client.get("/nowhere/")
    assert response.status_code == 404
    assert "Nothing you wrote has been lost" in response.content.decode()


def test_pages_load_nothing_from_other_servers(owner_client):
    for url in ["/", "/today/", "/ground/", "/help/", "/api/v1/docs"]:
        page = owner_client.get(url).content.decode()
        assert "https://cdn" not in page and "//fonts." not in page and "http://" not in page, url


def test_hello_baseline_is_off_unless_benchmarking(client):
    assert client.get("/bench/hello").status_code == 404
