from datetime import date

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from selftrust.insights.models import (
    NEXT_PROMISE_LIMIT,
    REVIEW_TEXT_LIMIT,
    DailyCheck,
    Energy,
    Mood,
    WeeklyReview,
)
from selftrust.promises.forms import PromiseForm, refuse_outside_answer_window
from selftrust.promises.models import Schedule
from selftrust.text import validate_plain_text


class DailyCheckForm(forms.ModelForm):
    """Mood, energy, or both, for one day in the same window as a promise's answers."""

    class Meta:
        model = DailyCheck
        fields = ["day", "mood", "energy", "note"]
        labels = {
            "mood": gettext_lazy("Mood"),
            "energy": gettext_lazy("Energy"),
            "note": gettext_lazy("Anything about today (optional)"),
        }
        error_messages = {
            "note": {
                "max_length": gettext_lazy(
                    "Please keep this to 200 characters or fewer — one line is plenty."
                )
            },
            "mood": {"invalid_choice": gettext_lazy("Choose one of the words for mood.")},
            "energy": {"invalid_choice": gettext_lazy("Choose one of the words for energy.")},
            "day": {
                "required": gettext_lazy("Which day is this about?"),
                "invalid": gettext_lazy("That date doesn't look right."),
            },
        }

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["note"].validators.append(validate_plain_text)

    def clean_day(self):
        day = self.cleaned_data["day"]
        refuse_outside_answer_window(day, self.today)
        return day

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("mood") is None and cleaned.get("energy") is None:
            raise forms.ValidationError(
                _("Choose a word for mood or for energy, or both. Nothing was saved.")
            )
        return cleaned

    @classmethod
    def for_day(cls, data, *, user, today: date):
        """Bound to that day's check if there is one, so it is changed, not doubled."""
        existing = None
        raw_day = data.get("day") if data else None
        if raw_day:
            try:
                day = forms.DateField().to_python(raw_day)
            except forms.ValidationError:
                day = None
            if day is not None:
                existing = DailyCheck.objects.owned_by(user).filter(day=day).first()
        return cls(data, instance=existing or DailyCheck(user=user), today=today)


def _too_long(limit: int) -> str:
    return _("Please keep this to %(limit)s characters or fewer.") % {"limit": limit}


class WeeklyReviewForm(forms.ModelForm):
    """A look back on seven days: every part optional, at least one part written.

    The last part, one promise for next week, is judged by the promise form itself (its
    rules for words, and a pledge not to hurt oneself never kept as a scored promise), so a
    promise made here is the same as one made on the promise page."""

    class Meta:
        model = WeeklyReview
        fields = ["kept", "got_in_the_way", "learned", "next_promise_text"]
        labels = {
            "kept": gettext_lazy("What I kept"),
            "got_in_the_way": gettext_lazy("What got in the way"),
            "learned": gettext_lazy("What I learned about myself"),
            "next_promise_text": gettext_lazy("One promise for next week (optional)"),
        }
        help_texts = {
            "kept": gettext_lazy(
                "Promises, plans, or small things you did for yourself. Small counts."
            ),
            "got_in_the_way": gettext_lazy(
                "Tiredness, other people, a hard day: information, not a verdict."
            ),
            "learned": gettext_lazy("Anything you noticed about what helps you, or what doesn't."),
            "next_promise_text": gettext_lazy(
                "If you write one, it becomes one of your promises, asked every day on Today. "
                "You can change or pause it any time on the Promises page."
            ),
        }
        widgets = {
            "kept": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "got_in_the_way": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "learned": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "next_promise_text": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        }

    LONG_FIELDS = ("kept", "got_in_the_way", "learned")

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        # The promise form that will make the promise, once this form is valid; else None.
        self.promise_form: PromiseForm | None = None
        for name in self.LONG_FIELDS:
            field = self.fields[name]
            field.max_length = REVIEW_TEXT_LIMIT
            field.widget.attrs["maxlength"] = REVIEW_TEXT_LIMIT
            field.validators.append(
                MaxLengthValidator(REVIEW_TEXT_LIMIT, message=_too_long(REVIEW_TEXT_LIMIT))
            )
        promise_field = self.fields["next_promise_text"]
        promise_field.error_messages["max_length"] = _too_long(NEXT_PROMISE_LIMIT)
        for field in self.fields.values():
            field.validators.append(validate_plain_text)
        # A promise already made from this review is changed on the promise page, not here.
        if self.instance.next_promise_id is not None:
            promise_field.disabled = True

    @property
    def promise_made(self) -> bool:
        return self.instance.next_promise_id is not None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not any(cleaned.get(name, "").strip() for name in self.fields):
            raise forms.ValidationError(
                _("Write a few words in any part, or leave it for another day. Nothing was saved.")
            )
        text = cleaned.get("next_promise_text", "").strip()
        if text and not self.promise_made:
            promise_form = PromiseForm({"text": text, "schedule": Schedule.DAILY}, today=self.today)
            if not promise_form.is_valid():
                for errors in promise_form.errors.values():
                    for error in errors:
                        self.add_error("next_promise_text", error)
            elif promise_form.safety_promise:
                # As on the promise page: never kept as a promise to be scored.
                self.add_error("next_promise_text", promise_form.nudge)
            else:
                self.promise_form = promise_form
        return cleaned

    def save(self, commit=True):
        review = super().save(commit=False)
        if review.week_ending is None:
            review.week_ending = self.today
        if commit:
            review.save()
        return review


__all__ = ["DailyCheckForm", "Energy", "Mood", "WeeklyReviewForm"]
