"""Email through a real SMTP server started by the test, configured by SELFTRUST_EMAIL_URL."""

import logging
import re
from datetime import UTC, datetime, time
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from selftrust.reminders.email_url import email_settings
from selftrust.reminders.models import Delivery, EmailAddress, SentReminder
from selftrust.reminders.sending import send_due_reminders
from tests.factories import UserFactory
from tests.reminders import smtp_server
from tests.reminders.factories import person_with_email, reminded_promise

pytestmark = pytest.mark.django_db


@pytest.fixture
def trusted_certificate(tmp_path, monkeypatch):
    cert_file, key_file = smtp_server.make_certificate(tmp_path)
    # Django's SMTP backend checks the server's certificate against the system's trust
    # store; this points the store at the test's own certificate.
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
    return cert_file, key_file


@pytest.fixture
def starttls_server(trusted_certificate):
    controller, mailbox = smtp_server.start(*trusted_certificate, implicit_tls=False)
    yield controller.port, mailbox
    controller.stop()


@pytest.fixture
def implicit_tls_server(trusted_certificate):
    controller, mailbox = smtp_server.start(*trusted_certificate, implicit_tls=True)
    yield controller.port, mailbox
    controller.stop()


def url(scheme: str, port: int, password: str = smtp_server.PASSWORD) -> str:
    return f"{scheme}://{smtp_server.USER}:{password.replace(' ', '%20')}@localhost:{port}?from=reminders%40selftrust.example.org"


def test_a_reminder_goes_through_the_operators_server_with_starttls_and_sign_in(starttls_server):
    port, mailbox = starttls_server
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0), text="Rest for ten minutes")
    with override_settings(**email_settings(url("smtp", port))):
        send_due_reminders(datetime(2026, 6, 10, 9, 0, tzinfo=UTC))

    [received] = mailbox.received
    assert received.over_tls
    assert received.signed_in_as == smtp_server.USER
    assert received.recipients == [f"{person.username}@example.org"]
    assert received.sender == "reminders@selftrust.example.org"
    assert received.message["Subject"] == "A small promise is waiting for you"
    assert received.message["Auto-Submitted"] == "auto-generated"
    body = received.message.get_content()
    assert "Rest for ten minutes" not in body
    assert "https://selftrust.example.org/settings/reminders/" in body
    assert SentReminder.objects.get().status == Delivery.SENT


def test_smtp_ssl_speaks_tls_from_the_first_byte(implicit_tls_server):
    port, mailbox = implicit_tls_server
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0))
    with override_settings(**email_settings(url("smtp+ssl", port))):
        send_due_reminders(datetime(2026, 6, 10, 9, 0, tzinfo=UTC))
    [received] = mailbox.received
    assert received.over_tls
    assert received.signed_in_as == smtp_server.USER


def test_a_mail_server_that_is_down_is_logged_and_tried_again_later(starttls_server, caplog):
    port, mailbox = starttls_server
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0))
    nobody_listening = smtp_server.free_port()
    with (
        override_settings(**email_settings(url("smtp", nobody_listening))),
        caplog.at_level(logging.WARNING, logger="selftrust.reminders"),
    ):
        send_due_reminders(datetime(2026, 6, 10, 9, 0, tzinfo=UTC))
    row = SentReminder.objects.get()
    assert row.status == Delivery.WAITING
    assert row.next_attempt_at == datetime(2026, 6, 10, 9, 1, tzinfo=UTC)
    assert f"Reminder {row.pk} by email not sent (try 1 of 5)" in caplog.text

    # The server is back; the retry a minute later goes through.
    with override_settings(**email_settings(url("smtp", port))):
        send_due_reminders(row.next_attempt_at)
    row.refresh_from_db()
    assert row.status == Delivery.SENT
    assert row.attempts == 2
    assert len(mailbox.received) == 1


@pytest.mark.django_db(transaction=True)  # the worker reopens its connection between tasks
def test_an_address_is_confirmed_by_the_link_it_receives(starttls_server, client):
    port, mailbox = starttls_server
    user = UserFactory()
    client.force_login(user)
    with override_settings(**email_settings(url("smtp", port))):
        response = client.post(reverse("reminders:email"), {"address": "me@example.org"})
        assert response.status_code == 302
        # Nothing is sent while the page answers: the worker sends the link.
        assert not mailbox.received
        call_command("worker", "--once", "--no-schedule", verbosity=0)

    [received] = mailbox.received
    assert received.recipients == ["me@example.org"]
    body = received.message.get_content()
    link = re.search(r"https?://\S+/settings/reminders/email/confirm/\S+/", body).group(0)
    path = urlsplit(link).path
    assert not EmailAddress.objects.get(user=user).is_confirmed

    page = client.get(path)
    assert "me@example.org" in page.content.decode()
    assert not EmailAddress.objects.get(user=user).is_confirmed  # opening it changes nothing
    client.post(path)
    assert EmailAddress.objects.get(user=user).is_confirmed
