"""Saving, finding and deleting what people write in their practices."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from selftrust.practices.catalog import DECISION, PRACTICES, THOUGHT_RECORD, Practice
from selftrust.practices.models import Decision, Draft, Entry, ThoughtRecord
from selftrust.practices.vocabulary import EMOTIONS, HEAVY_EMOTIONS, TRAPS

# Long enough to notice a mis-tap and undo it; short enough that "delete" soon means gone.
UNDO_WINDOW = timedelta(minutes=10)


# --- drafts -------------------------------------------------------------------------------


def draft_key(practice: Practice, entry: Entry | None = None, *, review: bool = False) -> str:
    if review:
        return f"review:{entry.pk}"
    return f"edit:{entry.pk}" if entry is not None else f"new:{practice.slug}"


def _without_nul(value):
    # PostgreSQL refuses NUL in text and JSON; it is never part of anything a person typed.
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value.replace("\x00", "") if isinstance(value, str) else value


def save_draft(user, key: str, data: dict) -> None:
    cleaned = {
        k: _without_nul(v) for k, v in data.items() if k not in ("csrfmiddlewaretoken", "action")
    }
    Draft.objects.update_or_create(user=user, key=key, defaults={"data": cleaned})


def draft_data(user, key: str) -> dict | None:
    draft = Draft.objects.filter(user=user, key=key).first()
    return draft.data if draft else None


def clear_draft(user, key: str) -> None:
    Draft.objects.filter(user=user, key=key).delete()


# --- titles and search ----------------------------------------------------------------------


def label_for(practice: Practice, name: str, value) -> str:
    spec = next((f for f in practice.fields if f.name == name), None)
    if spec is None or spec.kind not in ("choice", "multi"):
        return str(value)
    choices = dict(spec.choices)
    for group in (spec.groups or {}).values():
        choices.update(dict(group))
    if isinstance(value, list):
        return ", ".join(choices.get(item, str(item)) for item in value)
    return choices.get(value, str(value))


def danger_note(entry: Entry) -> str:
    """If the person answered that there may be danger now, or that they felt unsafe, what the
    entry says first, beside Get help now; otherwise ""."""
    practice = entry.definition
    if practice.kind != "worksheet":
        return ""
    for spec in practice.fields:
        if spec.danger_answers and entry.data.get(spec.name) in spec.danger_answers:
            return spec.danger_note
    return ""


def describe_worksheet(practice: Practice, data: dict) -> tuple[str, str]:
    """(title, search text) for a worksheet entry."""
    title = practice.name
    if practice.title_field and data.get(practice.title_field) not in (None, ""):
        title = label_for(practice, practice.title_field, data[practice.title_field])
    words = [practice.name] + [label_for(practice, k, v) for k, v in data.items()]
    return title[:200], " ".join(words)


def _decision_words(decision: Decision) -> list[str]:
    return [
        decision.decision,
        decision.options,
        decision.gut_says,
        decision.chosen,
        decision.reassurance_from,
        decision.what_happened,
        decision.learned,
    ]


def _thought_words(record: ThoughtRecord) -> list[str]:
    return [
        record.situation,
        record.automatic_thought,
        record.evidence_for,
        record.evidence_against,
        record.balanced_thought,
    ]


def describe_decision(decision: Decision) -> tuple[str, str]:
    parts = [DECISION.name, *_decision_words(decision)]
    return decision.decision[:200], " ".join(p for p in parts if p)


def describe_thought(record: ThoughtRecord) -> tuple[str, str]:
    emotions = [EMOTIONS[e["emotion"]].name for e in record.emotions if e["emotion"] in EMOTIONS]
    traps = [TRAPS[t].name for t in record.thinking_traps if t in TRAPS]
    parts = [THOUGHT_RECORD.name, *_thought_words(record), *emotions, *traps]
    return record.automatic_thought[:200], " ".join(p for p in parts if p)


# --- what the person wrote, and how hard it felt ----------------------------------------------

# Strong enough that a gentle "would it help to reach out?" is worth offering.
HARD_DISTRESS = 70  # on the 0-100 scales: SUDS and feelings in a thought record
HARD_INTENSITY = 8  # on the 0-10 scales: body sensations and named emotions


def written_words(entry: Entry) -> list[str]:
    """Only the words the person typed: what the crisis-language check should read."""
    practice = entry.definition
    if practice.kind == "worksheet":
        free_text = {f.name for f in practice.fields if f.kind in ("text", "long")}
        return [str(value) for name, value in entry.data.items() if name in free_text and value]
    if practice.kind == "thought":
        return _thought_words(entry.thought_record)
    return _decision_words(entry.decision)


def felt_hard(entry: Entry) -> bool:
    """Did this entry record strong distress? Then reaching out to someone may help.

    Distress still strong afterwards counts as much as before: an exercise that didn't help,
    or a feeling that grew, is when someone else may.
    """
    practice = entry.definition
    if practice.kind == "thought":
        return any(
            (e.get(when) or 0) >= HARD_DISTRESS
            for e in entry.thought_record.emotions
            for when in ("before", "after")
        )
    if practice.slug == "grounding":
        return any((entry.data.get(when) or 0) >= HARD_DISTRESS for when in ("before", "after"))
    intensity = entry.data.get("intensity") or 0
    if practice.slug == "body-check-in":
        return intensity >= HARD_INTENSITY
    if practice.slug == "emotion":
        # Strong joy or calm is not distress: only the heavy feelings bring the offer.
        return entry.data.get("emotion") in HEAVY_EMOTIONS and intensity >= HARD_INTENSITY
    return False


def named_hopelessness(entry: Entry) -> bool:
    """Did the person name hopelessness? At any intensity, Get help now is offered with care:
    hopelessness is one of the feelings that can come with thoughts of not wanting to live."""
    return entry.definition.slug == "emotion" and entry.data.get("emotion") == "hopeless"


# --- saving ---------------------------------------------------------------------------------


def _new_entry(user, practice: Practice) -> Entry:
    return Entry(user=user, practice=practice.slug, created_at=timezone.now())


def save_worksheet(user, practice: Practice, answers: dict, entry: Entry | None = None) -> Entry:
    with transaction.atomic():
        entry = entry or _new_entry(user, practice)
        entry.data = answers
        entry.title, entry.search_text = describe_worksheet(practice, answers)
        entry.save()
    return entry


def save_modelled(user, practice: Practice, form, entry: Entry | None = None) -> Entry:
    """Save a decision or thought record form (a ModelForm whose instance hangs off an Entry)."""
    with transaction.atomic():
        entry = entry or _new_entry(user, practice)
        record = form.save(commit=False)
        describe = describe_decision if practice.kind == "decision" else describe_thought
        entry.title, entry.search_text = describe(record)
        entry.save()
        record.entry = entry
        record.save()
    return entry


def review_decision(user, entry: Entry, form) -> Decision:
    with transaction.atomic():
        decision = form.save(commit=False)
        decision.reviewed_at = timezone.now()
        decision.save()
        entry.title, entry.search_text = describe_decision(decision)
        entry.save(update_fields=["title", "search_text", "updated_at"])
    return decision


# --- deleting with undo ---------------------------------------------------------------------


def delete_entry(entry: Entry) -> None:
    entry.deleted_at = timezone.now()
    entry.save(update_fields=["deleted_at"])
    purge_deleted(entry.user_id)


def restore_entry(entry: Entry) -> bool:
    """Undo a delete if still within the window; returns whether it was restored."""
    if entry.deleted_at is None or timezone.now() - entry.deleted_at > UNDO_WINDOW:
        return False
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at"])
    return True


def purge_deleted(user) -> int:
    """Remove for good what was deleted longer ago than the undo window (user or user id)."""
    cutoff = timezone.now() - UNDO_WINDOW
    count, _ = Entry.objects.filter(user=user, deleted_at__lt=cutoff).delete()
    return count


# --- finding --------------------------------------------------------------------------------


def timeline(
    user,
    *,
    practice: str = "",
    query: str = "",
    since: date | None = None,
    until: date | None = None,
):
    entries = Entry.objects.owned_by(user).visible()
    if practice in PRACTICES:
        entries = entries.filter(practice=practice)
    query = query.replace("\x00", "")
    if query:
        for word in query.split()[:8]:
            entries = entries.filter(search_text__icontains=word)
    if since:
        entries = entries.filter(created_at__date__gte=since)
    if until:
        entries = entries.filter(created_at__date__lte=until)
    return entries.only("pk", "practice", "title", "created_at")


def reviewed_decisions(user):
    """(confidence, instinct_served) of every decision the person has looked back on."""
    return Decision.objects.filter(
        entry__user=user, entry__deleted_at__isnull=True, reviewed_at__isnull=False
    ).values_list("confidence", "instinct_served")


def decisions_due(user, today: date) -> list[Decision]:
    return list(
        Decision.objects.filter(
            entry__user=user,
            entry__deleted_at__isnull=True,
            reviewed_at__isnull=True,
            review_on__lte=today,
        )
        .select_related("entry")
        .order_by("review_on")
    )


# --- export -----------------------------------------------------------------------------


def entry_answers(entry: Entry) -> dict:
    """Everything written in an entry, as plain JSON-ready data (the API and export share it)."""
    if entry.practice == DECISION.slug:
        d = entry.decision
        return {
            "decision": d.decision,
            "options": d.options,
            "gut_says": d.gut_says,
            "confidence": d.confidence,
            "chosen": d.chosen,
            "sought_reassurance": d.sought_reassurance,
            "reassurance_from": d.reassurance_from,
            "review_on": d.review_on.isoformat(),
            "what_happened": d.what_happened,
            "reasonable_call": d.reasonable_call,
            "instinct_served": d.instinct_served,
            "learned": d.learned,
            "reviewed_at": d.reviewed_at.isoformat() if d.reviewed_at else None,
        }
    if entry.practice == THOUGHT_RECORD.slug:
        t = entry.thought_record
        return {
            "situation": t.situation,
            "automatic_thought": t.automatic_thought,
            "emotions": t.emotions,
            "belief_before": t.belief_before,
            "thinking_traps": t.thinking_traps,
            "evidence_for": t.evidence_for,
            "evidence_against": t.evidence_against,
            "balanced_thought": t.balanced_thought,
            "belief_after": t.belief_after,
        }
    return dict(entry.data)


def export_entries(user) -> list[dict]:
    entries = (
        Entry.objects.owned_by(user)
        .visible()
        .select_related("decision", "thought_record")
        .order_by("created_at")
    )
    return [
        {
            "practice": entry.practice,
            "created_at": entry.created_at.isoformat(),
            "updated_at": entry.updated_at.isoformat(),
            "answers": entry_answers(entry),
        }
        for entry in entries
    ]
