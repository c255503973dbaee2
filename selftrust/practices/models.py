from django.conf import settings
from django.db import models

from selftrust.practices.catalog import DECISION, PRACTICES, THOUGHT_RECORD, Practice
from selftrust.practices.reflections import thought_changes
from selftrust.practices.vocabulary import EMOTIONS, THINKING_TRAPS, TRAPS
from selftrust.versioning import Versioned


class EntryQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(deleted_at__isnull=True)

    def owned_by(self, user):
        return self.filter(user=user)


class Entry(Versioned):
    """Anything a person wrote in a practice: the spine of the timeline.

    Worksheets keep their answers in `data`; the decision journal and thought record keep theirs
    in their own models, linked one-to-one. `title` and `search_text` are derived on save so the
    timeline can list and search ten years of entries with one indexed query.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_entries"
    )
    practice = models.CharField(max_length=40)
    data = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=200, blank=True)
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    # Set when deleted: hidden at once, removed for good after the undo window.
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "deleted_at", "created_at"]),
            models.Index(fields=["user", "practice", "created_at"]),
            # The timeline and the decisions page ask for what is not deleted, newest first;
            # PostgreSQL can't use the index above for `deleted_at IS NULL`, this one it can.
            models.Index(
                fields=["user", "-created_at"],
                condition=models.Q(deleted_at__isnull=True),
                name="entry_visible_newest_first",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice}: {self.title}"

    @property
    def definition(self) -> Practice:
        return PRACTICES[self.practice]


class InstinctServed(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    CANT_TELL = "cant_tell", "Can't tell"


class ReasonableCall(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_SURE = "not_sure", "I'm not sure"


class Decision(models.Model):
    """A small decision, the gut's view and confidence, and later how it turned out."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )
    decision = models.CharField(max_length=200)
    options = models.TextField(blank=True)
    gut_says = models.TextField(blank=True)
    confidence = models.PositiveSmallIntegerField(help_text="50 to 100 %")
    chosen = models.CharField(max_length=200, blank=True)
    sought_reassurance = models.BooleanField(default=False)
    reassurance_from = models.CharField(max_length=200, blank=True)
    review_on = models.DateField()
    what_happened = models.TextField(blank=True)
    # Judged by what was known when deciding, not by how it turned out.
    reasonable_call = models.CharField(max_length=10, choices=ReasonableCall.choices, blank=True)
    instinct_served = models.CharField(max_length=10, choices=InstinctServed.choices, blank=True)
    learned = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.decision

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None

    def written_words(self) -> list[str]:
        """Only the words the person typed: what the crisis-language check reads."""
        return [
            self.decision,
            self.options,
            self.gut_says,
            self.chosen,
            self.reassurance_from,
            self.what_happened,
            self.learned,
        ]

    def describe(self) -> tuple[str, str]:
        """(title, search text) for the timeline."""
        parts = [DECISION.name, *self.written_words()]
        return self.decision[:200], " ".join(p for p in parts if p)

    def as_answers(self) -> dict:
        """Everything written, as plain JSON-ready data (the API and the export share it)."""
        return {
            "decision": self.decision,
            "options": self.options,
            "gut_says": self.gut_says,
            "confidence": self.confidence,
            "chosen": self.chosen,
            "sought_reassurance": self.sought_reassurance,
            "reassurance_from": self.reassurance_from,
            "review_on": self.review_on.isoformat(),
            "what_happened": self.what_happened,
            "reasonable_call": self.reasonable_call,
            "instinct_served": self.instinct_served,
            "learned": self.learned,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
        }


class ThoughtRecord(models.Model):
    """A CBT thought record: a thought slowed down, examined, and re-rated."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="thought_record"
    )
    situation = models.TextField()
    automatic_thought = models.TextField()
    # [{"emotion": "anxious", "before": 80, "after": 40}, ...]
    emotions = models.JSONField(default=list)
    belief_before = models.PositiveSmallIntegerField()
    thinking_traps = models.JSONField(default=list, blank=True)
    evidence_for = models.TextField(blank=True)
    evidence_against = models.TextField(blank=True)
    balanced_thought = models.TextField(blank=True)
    belief_after = models.PositiveSmallIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return self.automatic_thought[:60]

    def written_words(self) -> list[str]:
        """Only the words the person typed: what the crisis-language check reads."""
        return [
            self.situation,
            self.automatic_thought,
            self.evidence_for,
            self.evidence_against,
            self.balanced_thought,
        ]

    def describe(self) -> tuple[str, str]:
        """(title, search text) for the timeline."""
        emotions = [EMOTIONS[e["emotion"]].name for e in self.emotions if e["emotion"] in EMOTIONS]
        traps = [TRAPS[t].name for t in self.thinking_traps if t in TRAPS]
        parts = [THOUGHT_RECORD.name, *self.written_words(), *emotions, *traps]
        return self.automatic_thought[:200], " ".join(p for p in parts if p)

    @property
    def changes(self):
        """How belief and feelings moved, for the entry's page."""
        return thought_changes(self.belief_before, self.belief_after, self.emotions)

    @property
    def traps_named(self):
        return [trap for trap in THINKING_TRAPS if trap.slug in self.thinking_traps]

    def as_answers(self) -> dict:
        """Everything written, as plain JSON-ready data (the API and the export share it)."""
        return {
            "situation": self.situation,
            "automatic_thought": self.automatic_thought,
            "emotions": self.emotions,
            "belief_before": self.belief_before,
            "thinking_traps": self.thinking_traps,
            "evidence_for": self.evidence_for,
            "evidence_against": self.evidence_against,
            "balanced_thought": self.balanced_thought,
            "belief_after": self.belief_after,
        }
