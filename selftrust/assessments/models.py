from django.conf import settings
from django.db import models
from django.utils import timezone

from selftrust.assessments.instruments import INSTRUMENTS, Instrument


class AssessmentResponse(models.Model):
    """One completed questionnaire, with its score as computed when it was taken."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    instrument_slug = models.CharField(max_length=20)
    answers = models.JSONField()
    # PHQ-9's closing question about everyday difficulty: recorded, never scored.
    extra_answer = models.PositiveSmallIntegerField(null=True, blank=True)
    total = models.SmallIntegerField()
    band = models.CharField(max_length=80, blank=True)
    subscales = models.JSONField(default=dict, blank=True)
    safety_alert = models.BooleanField(default=False)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_at"]
        indexes = [models.Index(fields=["user", "instrument_slug", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.instrument_slug} {self.total}"

    @property
    def instrument(self) -> Instrument:
        return INSTRUMENTS[self.instrument_slug]
