import pytest


@pytest.fixture(autouse=True)
def _email_available(settings):
    """As with SELFTRUST_EMAIL_URL set; emails land in django.core.mail.outbox."""
    settings.REMINDER_EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "reminders@selftrust.example.org"
