"""Saving, finding and deleting what people write in their practices."""

from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Exists, F, Func, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.practices import ratings
from selftrust.practices.catalog import PRACTICES, Practice
from selftrust.practices.models import Decision, Entry, ThoughtRecord

# Long enough to notice a mis-tap and undo it; short enough that "delete" soon means gone.
UNDO_WINDOW = timedelta(minutes=10)


# --- drafts (kept by the drafts app, under keys named here) ----------------------------------


def draft_key(practice: Practice, entry: Entry | None = None, *, review: bool = False) -> str:
    if review:
        return draft_keys.practice_review(practice.slug, entry.pk)
    if entry is not None:
        return draft_keys.practice_edit(practice.slug, entry.pk)
    return draft_keys.practice_new(practice.slug)


def may_keep_draft(user, key: str) -> bool:
    """Does `key` name a practice form this person may keep a draft of: a practice there is,
    or an entry of their own in it (and a look back only where the practice has one)?"""
    parsed = draft_keys.parse_practice(key)
    practice = PRACTICES.get(parsed.slug) if parsed else None
    if practice is None:
        return False
    if parsed.action == "new":
        return True
    if parsed.action == "review" and not practice.behaviour.looks_back:
        return False
    return Entry.objects.filter(pk=parsed.entry_id, user=user, practice=practice.slug).exists()


def _drafts_of(entry_ids) -> list[str]:
    """The keys every draft about these entries could have (edits and look backs)."""
    found = Entry.objects.filter(pk__in=entry_ids).values_list("pk", "practice")
    return [
        key(slug, pk)
        for pk, slug in found
        for key in (draft_keys.practice_edit, draft_keys.practice_review)
    ]


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


def describe_decision(decision: Decision) -> tuple[str, str]:
    return decision.describe()


def describe_thought(record: ThoughtRecord) -> tuple[str, str]:
    return record.describe()


# --- what the person wrote, and how hard it felt ----------------------------------------------


def written_words(entry: Entry) -> list[str]:
    """Only the words the person typed: what the crisis-language check should read."""
    practice = entry.definition
    record = practice.behaviour.record_of(entry)
    if record is not None:
        return record.written_words()
    free_text = {f.name for f in practice.fields if f.kind in ("text", "long")}
    return [str(value) for name, value in entry.data.items() if name in free_text and value]


def felt_hard(entry: Entry) -> bool:
    """Did this entry record strong distress? Then reaching out to someone may help (the
    catalog says, practice by practice, what counts)."""
    return entry.definition.felt_hard(entry_answers(entry))


def named_hopelessness(entry: Entry) -> bool:
    """Did the person name hopelessness? Then Get help now is offered with care."""
    return entry.definition.names_hopelessness(entry_answers(entry))


def eased(entry: Entry) -> tuple:
    """What came down as the person worked through this entry (a feeling, or distress, rated
    lower afterwards): worth saying back to them. Never a rise."""
    return entry.definition.eased(entry_answers(entry))


# --- saving ---------------------------------------------------------------------------------


def _new_entry(user, practice: Practice) -> Entry:
    return Entry(user=user, practice=practice.slug, created_at=timezone.now())


def save_worksheet(user, practice: Practice, answers: dict, entry: Entry | None = None) -> Entry:
    with transaction.atomic():
        entry = entry or _new_entry(user, practice)
        old_scale = entry.data.get(ratings.OLD_SCALE_KEY) if isinstance(entry.data, dict) else None
        # The ratings first given on 0 to 100 stay with the entry (see ratings.py).
        entry.data = {**answers, ratings.OLD_SCALE_KEY: old_scale} if old_scale else answers
        entry.title, entry.search_text = describe_worksheet(practice, answers)
        entry.save()
    return entry


def save_modelled(user, practice: Practice, form, entry: Entry | None = None) -> Entry:
    """Save a decision or thought record form (a ModelForm whose instance hangs off an Entry)."""
    with transaction.atomic():
        entry = entry or _new_entry(user, practice)
        record = form.save(commit=False)
        entry.title, entry.search_text = record.describe()
        entry.save()
        record.entry = entry
        record.save()
    return entry


def save_entry(user, practice: Practice, form, entry: Entry | None = None) -> Entry:
    """Save a valid practice form (the page's or the API's), new or over `entry`."""
    if practice.behaviour.record:
        return save_modelled(user, practice, form, entry)
    return save_worksheet(user, practice, form.answers(), entry)


def review_decision(user, entry: Entry, form) -> Decision:
    with transaction.atomic():
        decision = form.save(commit=False)
        decision.reviewed_at = timezone.now()
        decision.save()
        entry.title, entry.search_text = decision.describe()
        entry.save(update_fields=["title", "search_text", "updated_at"])
    return decision


def look_back_in_entry(user, entry: Entry, form) -> Entry:
    """Save a look back whose answers live in Entry.data with the rest (the trust experiment's):
    they replace the look back's earlier answers, if any, and every other answer stays as it is
    in the database now, whatever an older copy of the entry says."""
    practice = entry.definition
    later = {spec.name for spec in practice.later_fields}
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk, user=user)
        answers = {name: value for name, value in entry.data.items() if name not in later}
        answers.update(form.answers())
        entry.data = answers
        entry.title, entry.search_text = describe_worksheet(practice, answers)
        entry.save()
    return entry


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


def purge_deleted(user=None, *, dry_run: bool = False) -> int:
    """Remove for good what was deleted longer ago than the undo window, with any draft of a
    change to it: everyone's (the scheduled purge), or one person's (user or user id).
    Returns how many entries (would) go."""
    gone = Entry.objects.filter(deleted_at__lt=timezone.now() - UNDO_WINDOW)
    if user is not None:
        gone = gone.filter(user=user)
    ids = list(gone.values_list("pk", flat=True))
    if dry_run or not ids:
        return len(ids)
    with transaction.atomic():
        drafts.discard_keys(_drafts_of(ids))
        Entry.objects.filter(pk__in=ids).delete()
    return len(ids)


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


class _CountedPaginator(Paginator):
    """A paginator told how many there are, so it need not ask the database again."""

    def __init__(self, object_list, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def timeline_page(
    user, entries, number: str | int | None, per_page: int, undo_id: int | None = None
) -> tuple[Page, Entry | None]:
    """One page of `entries` (one person's, from timeline()), and the entry deleted a moment
    ago that can still be brought back, if `undo_id` names one; what was deleted longer ago
    than the undo window is removed for good first.

    Usually one query: the page's rows carry how many entries there are and whether anything
    of this person's is deleted at all, so the count, the purge and the Undo lookup ask the
    database again only when they have something to do (or the page is out of range).
    """
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1  # as Paginator.get_page: not a number means the first page
    rows = []
    if number >= 1:
        # COUNT over the same filters, as a scalar subquery (no GROUP BY: Func, not Count).
        how_many = entries.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
        deleted = Entry.objects.filter(user=user, deleted_at__isnull=False)
        offset = (number - 1) * per_page
        rows = list(
            entries.annotate(total=Subquery(how_many), anything_deleted=Exists(deleted))[
                offset : offset + per_page
            ]
        )
    if rows:
        page = Page(rows, number, _CountedPaginator(entries, per_page, count=rows[0].total))
        anything_deleted = rows[0].anything_deleted
    else:
        # No entries, or a page past the end: Paginator finds the right page its own way.
        page = Paginator(entries, per_page).get_page(number)
        anything_deleted = True
    undo = None
    if anything_deleted:
        purge_deleted(user)
        if undo_id:
            undo = Entry.objects.filter(pk=undo_id, user=user, deleted_at__isnull=False).first()
    return page, undo


def reviewed_decisions(user):
    """(confidence, instinct_served) of every decision the person has looked back on."""
    return Decision.objects.filter(
        entry__user=user, entry__deleted_at__isnull=True, reviewed_at__isnull=False
    ).values_list("confidence", "instinct_served")


def _ready_to_look_back(today: date) -> Q:
    return Q(reviewed_at__isnull=True, review_on__lte=today)


def decisions_due(user, today: date) -> list[Decision]:
    """Decisions ready for a look back, oldest review date first (their text and entry id:
    Today and the practice hub show no more)."""
    return list(
        Decision.objects.filter(
            _ready_to_look_back(today), entry__user=user, entry__deleted_at__isnull=True
        ).order_by("review_on")
    )


def due_and_recent_decisions(
    user, today: date, recent: int = 10
) -> tuple[list[Decision], list[Decision]]:
    """(decisions_due(), the `recent` newest decisions), with their entries, in one query."""
    mine = Decision.objects.filter(entry__user=user, entry__deleted_at__isnull=True)
    newest = mine.order_by("-entry__created_at", "-pk").values("pk")[:recent]
    found = list(mine.filter(_ready_to_look_back(today) | Q(pk__in=newest)).select_related("entry"))
    due = sorted(
        (d for d in found if d.reviewed_at is None and d.review_on <= today),
        key=lambda d: d.review_on,
    )
    # The newest `recent` of these are the newest of all: a decision due but not among
    # them is older than each of them.
    found.sort(key=lambda d: (d.entry.created_at, d.pk), reverse=True)
    return due, found[:recent]


# --- export -----------------------------------------------------------------------------


def entry_answers(entry: Entry) -> dict:
    """Everything written in an entry, as plain JSON-ready data (the API and export share it)."""
    record = entry.definition.behaviour.record_of(entry)
    if record is not None:
        return record.as_answers()
    return {name: value for name, value in entry.data.items() if name != ratings.OLD_SCALE_KEY}
