from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from selftrust.promises.schedule import ANSWER_WINDOW_DAYS
from selftrust.versioning import Versioned


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


# As long as a practice's longest box: room for a real paragraph, still one readable page.
REVIEW_TEXT_LIMIT = 4000
# The same limit as a promise's own words, since the last answer becomes one.
NEXT_PROMISE_LIMIT = 200
REVIEW_DAYS = 7
# A review can be changed for as long as an answer to a promise can (the answer window): long
# enough to add a thought the next morning, short enough that it stays a record of that week.
REVIEW_EDITABLE_DAYS = ANSWER_WINDOW_DAYS


class WeeklyReviewQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)


class WeeklyReview(Versioned):
    """A person's look back on seven days, in their own words.

    `week_ending` is the last of the seven days (the local day it was written). A promise for
    the next week, when one was written, is made as a real promise and linked here; its words
    stay here too, even if the promise is later changed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_reviews"
    )
    week_ending = models.DateField()
    kept = models.TextField(blank=True)
    got_in_the_way = models.TextField(blank=True)
    learned = models.TextField(blank=True)
    next_promise_text = models.CharField(max_length=NEXT_PROMISE_LIMIT, blank=True)
    next_promise = models.ForeignKey(
        "promises.Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WeeklyReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-week_ending", "-created_at"]
        indexes = [models.Index(fields=["user", "week_ending"], name="weekly_review_user_week")]

    def __str__(self) -> str:
        return f"{self.user_id} week ending {self.week_ending}"

    @property
    def first_day(self) -> date:
        return self.week_ending - timedelta(days=REVIEW_DAYS - 1)

    @property
    def editable_until(self) -> date:
        return self.week_ending + timedelta(days=REVIEW_EDITABLE_DAYS - 1)

    def is_editable_on(self, today: date) -> bool:
        return today <= self.editable_until
