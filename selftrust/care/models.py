"""A person, their therapist, and what passes between them.

The person is in charge throughout: they make the invitation, choose what is shared, can end
the link at any time, and can read every look the therapist took (`AccessRecord`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTE_LIMIT = 1000
SESSION_NOTE_LIMIT = 2000


class Invitation(models.Model):
    """A one-time code a person gives their therapist; only its digest is kept."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_invitations"
    )
    code_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation from {self.person_id} made {self.created_at:%Y-%m-%d %H:%M}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.accepted_at and not self.withdrawn_at and now < self.expires_at


class EndedBy(models.TextChoices):
    PERSON = "person", _("you")
    THERAPIST = "therapist", _("your therapist")
    OPERATOR = "operator", _("the people who run this Selftrust")


class CareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class CareLink(models.Model):
    """One person and one therapist, from acceptance until either ends it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_links"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="caseload_links"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=10, choices=EndedBy.choices, blank=True)
    # Category slugs (care/categories.py) the person shares with this therapist. Nothing by
    # default.
    shared = models.JSONField(default=list, blank=True)
    # Shared records start on this day (the person's own day); None: everything.
    shared_from = models.DateField(null=True, blank=True)
    sharing_changed_at = models.DateTimeField(null=True, blank=True)
    # The day of the last session, for the summary "since the last session"; either may set it.
    last_session_on = models.DateField(null=True, blank=True)

    objects = CareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "therapist"],
                condition=Q(ended_at__isnull=True),
                name="one_active_link_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"Link {self.person_id} - {self.therapist_id}"

    # Everything about a link that changes what a therapist's page shows, for keys of pages
    # kept as rendered (web/page_cache.py); the caseload reads them with values_list.
    STATE_FIELDS = ("pk", "shared", "shared_from", "last_session_on")

    @staticmethod
    def state_of(pk, shared, shared_from, last_session_on) -> tuple:
        return (pk, tuple(shared or ()), shared_from, last_session_on)

    def state(self) -> tuple:
        return self.state_of(self.pk, self.shared, self.shared_from, self.last_session_on)

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    def shares(self, category: str) -> bool:
        return self.is_active and category in (self.shared or [])


class AccessRecord(models.Model):
    """One look (or attempted look) by a therapist at a person's data. Only the person reads
    these; no therapist page or API returns them, and nothing changes them."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_access_records"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the row still says who looked after a therapist's account is deleted.
    therapist_name = models.CharField(max_length=150)
    category = models.CharField(max_length=60)
    at = models.DateTimeField(default=timezone.now)
    # False: the therapist asked for something not shared with them and was shown nothing.
    allowed = models.BooleanField(default=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person", "-at"], name="access_person_newest_first")]

    def __str__(self) -> str:
        return f"{self.therapist_name} looked at {self.category} at {self.at:%Y-%m-%d %H:%M}"


class HomeworkKind(models.TextChoices):
    PRACTICE = "practice", _("A practice")
    LESSON = "lesson", _("A lesson")
    PROMISE = "promise", _("A promise to consider")


class HomeworkAnswer(models.TextChoices):
    OPEN = "open", _("Not answered yet")
    ACCEPTED = "accepted", _("Taken on")
    DECLINED = "declined", _("Declined")


class Homework(models.Model):
    """Something a therapist suggests between sessions. The person may take it on or decline."""

    link = models.ForeignKey(CareLink, on_delete=models.CASCADE, related_name="homework")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="homework"
    )
    kind = models.CharField(max_length=10, choices=HomeworkKind.choices)
    # A practice slug, a lesson slug, or the words of a suggested promise.
    target = models.CharField(max_length=200)
    note = models.TextField(max_length=NOTE_LIMIT, blank=True)
    due_on = models.DateField(null=True, blank=True)
    assigned_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(
        max_length=10, choices=HomeworkAnswer.choices, default=HomeworkAnswer.OPEN
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # The promise the person made from a suggested one, in their own words.
    promise = models.ForeignKey(
        "promises.Promise", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "-assigned_at"]
        indexes = [models.Index(fields=["person", "answer"], name="homework_person_answer")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target}"


class SessionNote(models.Model):
    """Something the person wants to bring to their next session, written whenever it comes."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_notes"
    )
    text = models.TextField(max_length=SESSION_NOTE_LIMIT)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the person marks it as brought (talked about); kept, not deleted.
    brought_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Session note of {self.created_at:%Y-%m-%d}"
