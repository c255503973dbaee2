"""The therapist's forms: accepting an invitation, and suggesting homework."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy

from selftrust.care.models import NOTE_LIMIT, HomeworkKind
from selftrust.lessons.catalog import ALL_LESSONS
from selftrust.practices.catalog import PRACTICES
from selftrust.text import validate_plain_text

_INVISIBLE = gettext_lazy(
    "Some invisible control characters slipped in. Please type the text again."
)


class AcceptInvitationForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Invitation code"),
        help_text=gettext_lazy(
            "The 12 letters and numbers the person gave you. Dashes and spaces don't matter."
        ),
        max_length=40,
        error_messages={
            "required": gettext_lazy("Please type the code the person gave you."),
            "max_length": gettext_lazy(
                "That is longer than any invitation code: a code has 12 letters and numbers."
            ),
            "null_characters_not_allowed": gettext_lazy(
                "Some invisible characters slipped in. Please type the code again."
            ),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class HomeworkForm(forms.Form):
    """One suggestion: a practice, a lesson, or a promise in the therapist's words.

    Without JavaScript every field shows; only the one for the chosen kind is read."""

    kind = forms.ChoiceField(
        choices=HomeworkKind.choices,
        widget=forms.RadioSelect,
        label=gettext_lazy("What to suggest"),
        error_messages={
            "required": gettext_lazy("Please choose a practice, a lesson or a promise."),
            "invalid_choice": gettext_lazy("Please choose a practice, a lesson or a promise."),
        },
    )
    practice = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Practice"),
        error_messages={"invalid_choice": gettext_lazy("Please choose one of the practices.")},
    )
    lesson = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Lesson"),
        error_messages={"invalid_choice": gettext_lazy("Please choose one of the lessons.")},
    )
    promise = forms.CharField(
        required=False,
        max_length=200,
        label=gettext_lazy("Promise to suggest"),
        help_text=gettext_lazy("Small and kind. They can take it on in their own words."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
        error_messages={
            "max_length": gettext_lazy("Please keep the promise to 200 characters or fewer."),
            "null_characters_not_allowed": _INVISIBLE,
        },
    )
    note = forms.CharField(
        required=False,
        max_length=NOTE_LIMIT,
        label=gettext_lazy("A note for them (optional)"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        error_messages={
            "max_length": gettext_lazy(
                f"Please keep the note to {NOTE_LIMIT} characters or fewer."
            ),
            "null_characters_not_allowed": _INVISIBLE,
        },
    )
    due_on = forms.DateField(
        required=False,
        label=gettext_lazy("By when (optional)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("That date doesn't look right.")},
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["practice"].choices = [("", "Choose a practice")] + [
            (practice.slug, practice.name) for practice in PRACTICES.values()
        ]
        self.fields["lesson"].choices = [("", "Choose a lesson")] + [
            (lesson.slug, lesson.title) for lesson in ALL_LESSONS
        ]
        for name in ("promise", "note"):
            self.fields[name].validators.append(validate_plain_text)

    def clean_due_on(self):
        due_on = self.cleaned_data.get("due_on")
        if due_on and due_on < self.today:
            raise forms.ValidationError("Please choose today or a day after it.")
        return due_on

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        field = {
            HomeworkKind.PRACTICE: "practice",
            HomeworkKind.LESSON: "lesson",
            HomeworkKind.PROMISE: "promise",
        }.get(kind)
        if field and not cleaned.get(field) and field not in self.errors:
            self.add_error(
                field,
                {
                    "practice": "Please choose one of the practices.",
                    "lesson": "Please choose one of the lessons.",
                    "promise": "Please write the promise to suggest.",
                }[field],
            )
        cleaned["target"] = cleaned.get(field, "") if field else ""
        return cleaned

    def assignment(self) -> dict:
        """What care.homework.assign takes."""
        return {
            "kind": self.cleaned_data["kind"],
            "target": self.cleaned_data["target"],
            "note": self.cleaned_data.get("note", ""),
            "due_on": self.cleaned_data.get("due_on"),
        }
