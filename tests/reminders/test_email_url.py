import pytest
from django.core.exceptions import ImproperlyConfigured

from selftrust.reminders.email_url import email_settings


def test_smtp_means_starttls_on_port_587():
    found = email_settings("smtp://river:s3cret@mail.example.org")
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["EMAIL_HOST"] == "mail.example.org"
    assert found["EMAIL_PORT"] == 587
    assert found["EMAIL_HOST_USER"] == "river"
    assert found["EMAIL_HOST_PASSWORD"] == "s3cret"
    assert found["EMAIL_USE_TLS"] is True
    assert found["EMAIL_USE_SSL"] is False
    assert found["REMINDER_EMAIL_ENABLED"] is True


def test_smtp_tls_is_the_same_as_smtp():
    assert email_settings("smtp+tls://a:b@mail.example.org:2525") == {
        **email_settings("smtp://a:b@mail.example.org:2525")
    }


def test_smtp_ssl_means_tls_from_the_start_on_port_465():
    found = email_settings("smtp+ssl://river:s3cret@mail.example.org")
    assert found["EMAIL_PORT"] == 465
    assert found["EMAIL_USE_SSL"] is True
    assert found["EMAIL_USE_TLS"] is False


def test_special_characters_in_the_password_are_percent_encoded():
    found = email_settings("smtp://river%40example.org:p%40ss%3Aword@mail.example.org:587")
    assert found["EMAIL_HOST_USER"] == "river@example.org"
    assert found["EMAIL_HOST_PASSWORD"] == "p@ss:word"
    # A user name that is an address is the sender, unless ?from= says otherwise.
    assert found["DEFAULT_FROM_EMAIL"] == "river@example.org"


def test_the_sender_and_timeout_can_be_given():
    found = email_settings(
        "smtp://u:p@mail.example.org?from=Selftrust%20%3Creminders%40example.org%3E&timeout=20"
    )
    assert found["DEFAULT_FROM_EMAIL"] == "Selftrust <reminders@example.org>"
    assert found["EMAIL_TIMEOUT"] == 20


def test_console_prints_emails_for_a_laptop():
    found = email_settings("console://")
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert found["REMINDER_EMAIL_ENABLED"] is True


@pytest.mark.parametrize("unset", [None, "", "   "])
def test_no_url_means_no_email_and_nothing_sent_anywhere(unset):
    found = email_settings(unset)
    assert found["REMINDER_EMAIL_ENABLED"] is False
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.dummy.EmailBackend"


@pytest.mark.parametrize(
    "url, says",
    [
        ("mail.example.org", "not a URL"),
        ("http://mail.example.org", "http:// is not a way to send email"),
        ("smtp://u:p@mail.example.org:notaport", "port"),
        ("smtp://u:p@mail.example.org:99999", "port"),
        ("smtp://", "host name is missing"),
        ("smtp://:p@mail.example.org", "password but no user name"),
        ("smtp://u:p@mail.example.org/inbox", "no path"),
        ("smtp://u:p@mail.example.org?tls=off", "parameter we don't know (tls)"),
        ("smtp://u:p@mail.example.org?from=nobody", "must be an email address"),
        ("smtp://u:p@mail.example.org?timeout=0", "timeout"),
    ],
)
def test_a_bad_url_stops_start_up_with_a_clear_message(url, says):
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings(url)
    message = str(refused.value)
    assert "SELFTRUST_EMAIL_URL" in message
    assert says in message
    assert "smtp+ssl://" in message  # and says what would work


def test_the_password_never_appears_in_an_error():
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings("smtp://river:hunter2hunter2@mail.example.org:port")
    assert "hunter2" not in str(refused.value)
