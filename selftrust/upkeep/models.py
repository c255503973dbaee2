from django.db import models


class ScheduledRun(models.Model):
    """One periodic job for one time slot (a minute, an hour), written by the worker that
    enqueues it. Unique, so several workers on several servers enqueue each slot once."""

    job = models.CharField(max_length=40)
    slot = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_and_slot")
        ]

    def __str__(self) -> str:
        return f"{self.job} for {self.slot:%Y-%m-%d %H:%M}"
