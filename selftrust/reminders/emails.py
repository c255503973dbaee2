"""Email reminders and the link that confirms an address, through the operator's SMTP server.

Nothing but the confirmation is sent to an address until its link has been followed while
signed in to the account that gave it. The link is signed (django.core.signing) and works for
three days; a newer address makes older links useless.
"""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from selftrust.reminders.delivery import DeliveryProblem, Gone, ReminderMessage
from selftrust.reminders.models import EmailAddress

CONFIRMATION_SALT = "selftrust.reminders.confirm-email"
CONFIRMATION_LIFETIME = timedelta(days=3)
# One confirmation email a minute per account: enough for "send it again", too slow to use
# the server to fill someone's inbox.
RESEND_PAUSE = timedelta(minutes=1)


def is_available() -> bool:
    """Whether the operator has set up a mail server (SELFTRUST_EMAIL_URL)."""
    return bool(getattr(settings, "REMINDER_EMAIL_ENABLED", False))


def confirmation_token(address: EmailAddress) -> str:
    return signing.dumps(
        {"user": address.user_id, "address": address.address}, salt=CONFIRMATION_SALT
    )


class BadConfirmation(Exception):
    pass


def read_confirmation(token: str) -> dict:
    """What a confirmation link says: {"user": id, "address": ...}. BadConfirmation if it was
    changed, or is older than three days."""
    try:
        found = signing.loads(
            token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_LIFETIME.total_seconds()
        )
    except signing.SignatureExpired:
        raise BadConfirmation("expired") from None
    except signing.BadSignature:
        raise BadConfirmation("not ours") from None
    if not isinstance(found, dict) or not {"user", "address"} <= found.keys():
        raise BadConfirmation("not ours")
    return found


def absolute(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}{path}" if site_url else path


def _send(to: str, subject: str, body: str, site_url: str) -> None:
    email = EmailMessage(
        subject=subject,
        body=body,
        to=[to],
        headers={
            # Mail systems should not answer it with an out-of-office reply.
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{absolute(site_url, reverse('reminders:settings'))}>",
        },
    )
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused:
        raise DeliveryProblem("the mail server refused the address", temporary=False) from None
    except smtplib.SMTPAuthenticationError as error:
        # The operator's password is wrong: worth trying again once they have fixed it.
        raise DeliveryProblem(f"SMTP sign-in refused ({error.smtp_code})", temporary=True) from None
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryProblem(f"mail server: {type(error).__name__}", temporary=True) from None


def send_confirmation(address: EmailAddress) -> None:
    link = absolute(
        address.site_url,
        reverse("reminders:confirm_email", args=[confirmation_token(address)]),
    )
    body = render_to_string(
        "reminders/emails/confirm.txt",
        {"link": link, "days": CONFIRMATION_LIFETIME.days},
    )
    _send(address.address, "Confirm your address for Selftrust reminders", body, address.site_url)


def may_send_confirmation_again(address: EmailAddress) -> bool:
    sent = address.confirmation_sent_at
    return sent is None or timezone.now() - sent >= RESEND_PAUSE


def send_reminder(user, message: ReminderMessage) -> None:
    address = EmailAddress.objects.filter(user=user, confirmed_at__isnull=False).first()
    if address is None or not is_available():
        raise Gone("no confirmed address")
    body = render_to_string(
        "reminders/emails/reminder.txt",
        {
            "message": message,
            "link": absolute(address.site_url, message.link),
            "settings_link": absolute(address.site_url, reverse("reminders:settings")),
        },
    )
    _send(address.address, message.body, body, address.site_url)
