"""Background tasks of reminders, run by the worker (`selftrust worker`, django-tasks)."""

import logging

from django.utils import timezone

from selftrust.reminders import emails, sending
from selftrust.reminders.delivery import DeliveryProblem
from selftrust.reminders.models import EmailAddress

try:  # Django 6 has the task framework built in; before it, the django-tasks package.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_due_reminders() -> dict:
    """Enqueued every minute by the worker's schedule; safe to run on several workers at once."""
    return sending.send_due_reminders().as_dict()


@task()
def send_email_confirmation(address_id: int, attempt: int = 1) -> str:
    """Send the link that confirms an address; tried again later if the mail server fails."""
    address = EmailAddress.objects.filter(pk=address_id, confirmed_at__isnull=True).first()
    if address is None:
        return "nothing to confirm"
    try:
        emails.send_confirmation(address)
    except DeliveryProblem as problem:
        if problem.temporary and attempt < sending.MAX_ATTEMPTS:
            later = timezone.now() + sending.RETRY_AFTER[attempt - 1]
            logger.warning(
                "Confirmation email for address %s not sent (try %d): %s. Trying again at %s.",
                address_id,
                attempt,
                problem,
                later.isoformat(),
            )
            send_email_confirmation.using(run_after=later).enqueue(address_id, attempt + 1)
            return "will try again"
        logger.error("Confirmation email for address %s could not be sent: %s", address_id, problem)
        return "failed"
    return "sent"
