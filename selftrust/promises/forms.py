from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from selftrust.promises.models import WEEKDAY_NAMES, CheckIn, Promise, Schedule
from selftrust.promises.nudges import (
    is_safety_promise,
    may_be_safety_promise,
    size_nudge,
)
from selftrust.promises.schedule import ANSWER_WINDOW_DAYS, answer_window, is_due_on
from selftrust.text import validate_plain_text

TEXT_LIMIT = 200
NOTE_LIMIT = 200
ONCE_HORIZON_DAYS = 366

# The fields that belong to one schedule only; the others leave them out.
SCHEDULE_FIELDS = {
    Schedule.DAILY: (),
    Schedule.WEEKDAYS: ("weekdays",),
    Schedule.ONCE: ("due_date",),
}
FIELDS_OF_SOME_SCHEDULE = ("weekdays", "due_date")


def _without_other_schedules_fields(data):
    """What was posted, less the fields of schedules not chosen.

    Without JavaScript the form shows every field, so a person may choose "Every day" with a
    day still ticked: those values are ignored, never an error. An unknown schedule keeps
    everything, and the schedule field explains.
    """
    schedule = data.get("schedule")
    if schedule not in SCHEDULE_FIELDS:
        return data
    unused = [name for name in FIELDS_OF_SOME_SCHEDULE if name not in SCHEDULE_FIELDS[schedule]]
    if not any(name in data for name in unused):
        return data
    kept = data.copy()
    for name in unused:
        kept.pop(name, None)
    return kept


class PromiseForm(forms.ModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        choices=[(index, name) for index, name in enumerate(WEEKDAY_NAMES)],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Which days"),
        help_text=gettext_lazy("Only for “On days I choose”."),
    )
    keep_as_is = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Promise
        fields = ["text", "schedule", "weekdays", "due_date", "time_of_day"]
        labels = {
            "text": gettext_lazy("My small promise to myself"),
            "schedule": gettext_lazy("How often"),
            "due_date": gettext_lazy("Which day"),
            "time_of_day": gettext_lazy("Time of day (optional)"),
        }
        help_texts = {
            "text": gettext_lazy("Something small and kind, that you can do in a few minutes."),
            "due_date": gettext_lazy("Only for “Once”."),
        }
        widgets = {
            "schedule": forms.RadioSelect,
            # An ISO date input: the browser shows it in the person's own way.
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "time_of_day": forms.TimeInput(attrs={"type": "time"}),
        }
        error_messages = {
            "text": {
                "required": gettext_lazy("Write a few words about what you'd like to do."),
                "max_length": gettext_lazy(
                    "Please keep this to 200 characters or fewer — short is good here."
                ),
            },
        }

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = _without_other_schedules_fields(self.data)
        self.today = today
        self.fields["text"].validators.append(validate_plain_text)
        self.fields["text"].widget.attrs.update({"autocomplete": "off", "dir": "auto"})
        self.fields["schedule"].error_messages["invalid_choice"] = _(
            "Please choose once, every day, or the days you pick."
        )
        self.fields["weekdays"].error_messages["invalid_choice"] = _(
            "Days are numbered 0 (Monday) to 6 (Sunday)."
        )
        self.fields["due_date"].error_messages["invalid"] = _("That date doesn't look right.")
        self.fields["time_of_day"].error_messages["invalid"] = _("That time doesn't look right.")
        self.nudge: str | None = None
        # A plain pledge not to hurt oneself: never kept as a scored promise.
        self.safety_promise = False
        # "Keep myself safe": maybe about oneself, maybe about someone else; a note, and the
        # person may keep their words. (Crisis words anywhere bring the support panel on saving,
        # and support at every slip: see promises.views.)
        self.maybe_safety_promise = False

    def clean(self):
        cleaned = super().clean()
        schedule = cleaned.get("schedule")
        if schedule == Schedule.WEEKDAYS and not cleaned.get("weekdays"):
            self.add_error("weekdays", _("Pick at least one day."))
        if schedule == Schedule.ONCE:
            due = cleaned.get("due_date") or self.today
            earliest, _latest = answer_window(self.today)
            unchanged = self.instance.pk is not None and due == self.instance.due_date
            if due < earliest and not unchanged:
                self.add_error("due_date", _("Please pick a day in the last week or ahead."))
            elif due > self.today + timedelta(days=ONCE_HORIZON_DAYS):
                self.add_error("due_date", _("Please pick a day within the next year."))
            cleaned["due_date"] = due
        else:
            cleaned["due_date"] = None
        if schedule != Schedule.WEEKDAYS:
            cleaned["weekdays"] = []
        text = cleaned.get("text")
        if text:
            self.nudge = size_nudge(text)
            self.safety_promise = is_safety_promise(text)
            self.maybe_safety_promise = not self.safety_promise and may_be_safety_promise(text)
        return cleaned

    @property
    def wants_nudge(self) -> bool:
        """Offer the nudge once; the person can keep their words with one tap. A pledge not to
        hurt oneself is the exception: it is never saved as a promise to be scored (no-harm
        contracts are not safe), and the note offers promises of what to do instead."""
        if self.safety_promise:
            return True
        return bool(self.nudge) and not self.cleaned_data.get("keep_as_is")

    def save(self, commit=True):
        promise = super().save(commit=False)
        promise.weekdays = sorted(set(self.cleaned_data.get("weekdays") or []))
        if promise.starts_on is None:
            promise.starts_on = self.today
        if promise.schedule == Schedule.ONCE and promise.due_date < promise.starts_on:
            promise.starts_on = promise.due_date
        if commit:
            promise.save()
        return promise


def refuse_outside_answer_window(day: date, today: date) -> None:
    """A day can be answered, or its answer changed, only within the answer window: the same
    window for check-ins and for the daily mood check."""
    earliest, latest = answer_window(today)
    if day > latest:
        raise forms.ValidationError(_("That day hasn't come yet. You can answer on the day."))
    if day < earliest:
        raise forms.ValidationError(
            _("Answers can be given or changed for the last %(days)s days only.")
            % {"days": ANSWER_WINDOW_DAYS}
        )


class CheckInForm(forms.ModelForm):
    class Meta:
        model = CheckIn
        fields = ["day", "outcome", "note"]
        labels = {"note": gettext_lazy("What got in the way, or what I learned (optional)")}
        error_messages = {
            "note": {
                "max_length": gettext_lazy(
                    "Please keep this to 200 characters or fewer — one line is plenty."
                )
            },
            "outcome": {
                "required": gettext_lazy("Choose how it went."),
                "invalid_choice": gettext_lazy(
                    "Choose kept, partly, not this time, or let it go kindly."
                ),
            },
            "day": {
                "required": gettext_lazy("Which day is this about?"),
                "invalid": gettext_lazy("That date doesn't look right."),
            },
        }

    def __init__(self, *args, promise: Promise, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.promise = promise
        self.today = today
        self.fields["note"].validators.append(validate_plain_text)

    def clean_day(self):
        day = self.cleaned_data["day"]
        refuse_outside_answer_window(day, self.today)
        if not is_due_on(self.promise, day):
            if not self.promise.is_active:
                raise forms.ValidationError(
                    _("This promise is resting right now. Resume it to answer.")
                )
            raise forms.ValidationError(_("This promise wasn't planned for that day."))
        return day

    @classmethod
    def for_day(cls, data, *, promise: Promise, today: date):
        """Bind to the existing answer for that day if there is one, so it is changed, not doubled."""
        existing = None
        raw_day = data.get("day") if data else None
        if raw_day:
            try:
                day = forms.DateField().to_python(raw_day)
            except forms.ValidationError:
                day = None
            if day is not None:
                existing = promise.check_ins.filter(day=day).first()
        return cls(data, instance=existing, promise=promise, today=today)
