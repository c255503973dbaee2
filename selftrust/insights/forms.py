from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from selftrust.insights.models import DailyCheck, Energy, Mood
from selftrust.promises.forms import refuse_outside_answer_window
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


__all__ = ["DailyCheckForm", "Energy", "Mood"]
