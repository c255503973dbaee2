from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


# The words for each step live here and nowhere else: the Today card, the export and the API
# all read them from these choices. Words, never faces alone, and none of them a verdict: a
# low day is something to notice, not something to fix.
class Mood(models.IntegerChoices):
    VERY_LOW = 1, _("Very low")
    LOW = 2, _("Low")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class Energy(models.IntegerChoices):
    DRAINED = 1, _("Drained")
    LOW = 2, _("Low")
    STEADY = 3, _("Steady")
    LIVELY = 4, _("Lively")


NOTE_LIMIT = 200


class DailyCheckQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)


class DailyCheck(models.Model):
    """How one day felt, in a person's own words: mood, energy, or both, and a short note.

    One a person a local day; answering again the same day changes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_checks"
    )
    day = models.DateField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices, null=True, blank=True)
    energy = models.PositiveSmallIntegerField(choices=Energy.choices, null=True, blank=True)
    note = models.CharField(max_length=NOTE_LIMIT, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DailyCheckQuerySet.as_manager()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_daily_check_per_day"),
            models.CheckConstraint(
                condition=models.Q(mood__isnull=False) | models.Q(energy__isnull=False),
                name="daily_check_says_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day} mood={self.mood} energy={self.energy}"
