from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from selftrust.versioning import Versioned


class Schedule(models.TextChoices):
    ONCE = "once", _("Once")
    DAILY = "daily", _("Every day")
    WEEKDAYS = "weekdays", _("On days I choose")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ARCHIVED = "archived", _("Archived")


class Outcome(models.TextChoices):
    KEPT = "kept", _("Kept")
    PARTLY = "partly", _("Partly")
    NOT_THIS_TIME = "not_this_time", _("Not this time")
    LET_GO = "let_go", _("Let it go kindly")


WEEKDAY_NAMES = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]


class PromiseQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)

    def in_use(self):
        return self.exclude(status=Status.ARCHIVED)


class Promise(Versioned):
    """A small promise a person makes to themselves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promises"
    )
    text = models.CharField(max_length=200)
    schedule = models.CharField(max_length=10, choices=Schedule.choices, default=Schedule.DAILY)
    # Monday is 0, as in date.weekday(); only used when schedule is WEEKDAYS.
    weekdays = models.JSONField(default=list, blank=True)
    # The day a ONCE promise is for.
    due_date = models.DateField(null=True, blank=True)
    time_of_day = models.TimeField(null=True, blank=True)
    starts_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromiseQuerySet.as_manager()

    class Meta:
        ordering = ["time_of_day", "created_at"]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_active(self) -> bool:
        return self.status == Status.ACTIVE

    @property
    def is_paused(self) -> bool:
        return self.status == Status.PAUSED

    @property
    def is_archived(self) -> bool:
        return self.status == Status.ARCHIVED

    def schedule_in_words(self) -> str:
        from selftrust.promises.schedule import describe

        return describe(self)


class CheckIn(models.Model):
    """How a promise went on one day. Every outcome is information, none is a failure."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["promise", "day"], name="one_check_in_per_promise_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.promise_id} {self.day} {self.outcome}"
