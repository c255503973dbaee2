"""The client's address: X-Forwarded-For believed only from the operator's own proxies."""

import pytest
from django.test import RequestFactory

from selftrust.web.proxies import client_address


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/login/", **extra)


def test_without_trusted_proxies_the_connection_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_forwarded_client_is_used(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("10.0.0.2", "203.0.113.9")) == "203.0.113.9"


def test_an_address_the_client_wrote_itself_is_not_believed(settings):
    # The client sent "X-Forwarded-For: 1.2.3.4"; our proxy appended the real address.
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_address(request("10.0.0.2", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def test_a_chain_of_our_own_proxies_is_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    assert client_address(request("10.0.0.2", "203.0.113.9, 192.0.2.1")) == "203.0.113.9"


def test_a_request_from_a_stranger_with_the_header_keeps_its_own_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_address(request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.django_db
def test_sign_in_throttling_counts_the_client_behind_the_proxy(settings, client):
    from tests.factories import UserFactory

    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    UserFactory(username="river")
    for attempt in range(settings.AXES_FAILURE_LIMIT * 5 + 1):
        response = client.post(
            "/login/",
            {"username": f"nobody{attempt}", "password": "wrong passphrase here"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    assert response.status_code == 429  # that one address is paused
    other = client.post(
        "/login/",
        {"username": "nobody", "password": "wrong passphrase here"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.77",
    )
    assert other.status_code == 200  # someone else behind the same proxy is not
