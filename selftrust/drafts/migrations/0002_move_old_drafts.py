"""Every draft moves into its one home: practice and safety plan drafts (practices.Draft) and
questionnaires paused part-way (assessments.AssessmentDraft), with when each was last touched.

Keys change to name what they are a draft of (drafts/keys.py): "new:win" becomes
"practice:win:new", "edit:42" becomes "practice:<its practice>:edit:42". An edit or look-back
draft of an entry that no longer exists is not carried over: the person deleted that entry,
and its unsaved changes go with it, as they do from now on when an entry is removed for good.

A questionnaire's answers become what its form would post ({"item_1": ["2"], ...}), which is
what every draft is. Reversible: the old tables get their rows back.
"""

from django.db import migrations

OLD_PRACTICE_KEY_MAX = 80


def _new_practice_key(old_key: str, practice_of: dict[int, str]) -> str | None:
    kind, _, ident = old_key.partition(":")
    if kind == "new" and ident:
        return f"practice:{ident}:new"
    if kind in ("edit", "review"):
        if not (ident.isascii() and ident.isdigit()) or int(ident) not in practice_of:
            return None
        return f"practice:{practice_of[int(ident)]}:{kind}:{ident}"
    return old_key  # "safety-plan", as before


def forwards(apps, schema_editor):
    Draft = apps.get_model("drafts", "Draft")
    PracticeDraft = apps.get_model("practices", "Draft")
    AssessmentDraft = apps.get_model("assessments", "AssessmentDraft")
    Entry = apps.get_model("practices", "Entry")

    old_practice = list(PracticeDraft.objects.all())
    ids = set()
    for draft in old_practice:
        kind, _, ident = draft.key.partition(":")
        if kind in ("edit", "review") and ident.isascii() and ident.isdigit():
            ids.add(int(ident))
    practice_of = dict(Entry.objects.filter(pk__in=ids).values_list("pk", "practice"))

    moved = []  # (new draft, when it was last touched)
    for draft in old_practice:
        key = _new_practice_key(draft.key, practice_of)
        if key is not None:
            moved.append((Draft(user_id=draft.user_id, key=key, data=draft.data), draft.updated_at))
    for draft in AssessmentDraft.objects.all():
        data = {
            f"item_{number}": [str(answer)]
            for number, answer in enumerate(draft.answers or [], start=1)
            if answer is not None
        }
        if draft.extra_answer is not None:
            data["extra"] = [str(draft.extra_answer)]
        key = f"assessment:{draft.instrument_slug}"
        moved.append((Draft(user_id=draft.user_id, key=key, data=data), draft.updated_at))

    for draft, updated_at in moved:
        draft.save()
        # updated_at is set on every save; a draft keeps when it was really last touched.
        Draft.objects.filter(pk=draft.pk).update(updated_at=updated_at)


def _answer(values) -> int | None:
    value = values[-1] if values else None
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() else None


def backwards(apps, schema_editor):
    from selftrust.assessments.instruments import INSTRUMENTS

    Draft = apps.get_model("drafts", "Draft")
    PracticeDraft = apps.get_model("practices", "Draft")
    AssessmentDraft = apps.get_model("assessments", "AssessmentDraft")

    for draft in Draft.objects.all():
        parts = draft.key.split(":")
        if parts[0] == "assessment" and len(parts) == 2:
            slug = parts[1]
            count = len(INSTRUMENTS[slug].items) if slug in INSTRUMENTS else 0
            numbered = [
                int(name.removeprefix("item_"))
                for name in draft.data
                if name.startswith("item_") and name.removeprefix("item_").isdigit()
            ]
            count = max([count, *numbered])
            old = AssessmentDraft.objects.create(
                user_id=draft.user_id,
                instrument_slug=slug,
                answers=[_answer(draft.data.get(f"item_{n}")) for n in range(1, count + 1)],
                extra_answer=_answer(draft.data.get("extra")),
            )
            AssessmentDraft.objects.filter(pk=old.pk).update(updated_at=draft.updated_at)
            continue
        if parts[0] == "practice" and len(parts) == 3 and parts[2] == "new":
            key = f"new:{parts[1]}"
        elif parts[0] == "practice" and len(parts) == 4:
            key = f"{parts[2]}:{parts[3]}"
        else:
            key = draft.key
        if len(key) > OLD_PRACTICE_KEY_MAX:
            continue
        old = PracticeDraft.objects.create(user_id=draft.user_id, key=key, data=draft.data)
        PracticeDraft.objects.filter(pk=old.pk).update(updated_at=draft.updated_at)
    Draft.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0001_initial"),
        ("practices", "0003_version"),
        ("assessments", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
