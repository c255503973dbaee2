from datetime import date, timedelta

from django import forms
from django.core.validators import MaxLengthValidator

from selftrust.practices.catalog import LONG, SHORT, Field, Practice
from selftrust.practices.models import Decision, InstinctServed, ReasonableCall, ThoughtRecord
from selftrust.practices.vocabulary import EMOTION_GROUPS, THINKING_TRAPS
from selftrust.text import validate_plain_text

REVIEW_HORIZON_DAYS = 366
EMOTION_ROWS = 3


def _too_long(limit: int) -> str:
    return f"Please keep this to {limit} characters or fewer."


def _limit_long_text(field: forms.Field) -> None:
    """Model TextFields have no length limit of their own; ours keeps every entry readable."""
    field.max_length = LONG
    field.widget.attrs["maxlength"] = LONG
    field.validators.append(MaxLengthValidator(LONG, message=_too_long(LONG)))


def _text_field(label: str, *, long: bool, required: bool, help_text: str = "") -> forms.CharField:
    limit = LONG if long else SHORT
    widget = (
        forms.Textarea(attrs={"rows": 4, "dir": "auto"})
        if long
        else forms.TextInput(attrs={"dir": "auto"})
    )
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=limit,
        widget=widget,
        validators=[validate_plain_text],
        error_messages={
            "required": "This part helps the practice work. A few words are enough.",
            "max_length": _too_long(limit),
        },
    )


def _scale_field(
    label: str, low: int, high: int, *, required: bool, help_text: str = ""
) -> forms.IntegerField:
    message = f"Please choose a number from {low} to {high}."
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=low,
        max_value=high,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "min": low, "max": high, "data-scale": "1"}
        ),
        error_messages={
            "required": f"Choose a number from {low} to {high}; a rough guess is fine.",
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
    )


def build_field(spec: Field) -> forms.Field:
    if spec.kind in ("text", "long"):
        return _text_field(
            spec.label, long=spec.kind == "long", required=spec.required, help_text=spec.help
        )
    if spec.kind == "scale":
        help_text = spec.help or f"{spec.low_label} … {spec.high_label}"
        return _scale_field(
            spec.label, spec.low, spec.high, required=spec.required, help_text=help_text
        )
    if spec.kind == "choice":
        choices = list(spec.groups.items()) if spec.groups else list(spec.choices)
        return forms.ChoiceField(
            label=spec.label,
            help_text=spec.help,
            required=spec.required,
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": "Please choose one; there is no wrong answer.",
                "invalid_choice": "Please choose one of the answers shown.",
            },
        )
    if spec.kind == "multi":
        return forms.MultipleChoiceField(
            label=spec.label,
            help_text=spec.help,
            required=spec.required,
            choices=list(spec.choices),
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": "Please choose at least one; there is no wrong answer.",
                "invalid_choice": "Please choose from the answers shown.",
            },
        )
    raise ValueError(f"Unknown field kind {spec.kind!r}")


class WorksheetForm(forms.Form):
    """A form built from a catalog definition."""

    def __init__(self, *args, practice: Practice, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice
        for spec in practice.fields:
            self.fields[spec.name] = build_field(spec)

    @classmethod
    def for_practice(cls, practice: Practice, data=None, *, entry=None, initial=None, today=None):
        """The catalog's builder (every practice form has one with the same arguments)."""
        if initial is None and entry is not None:
            initial = entry.data
        return cls(data, initial=initial, practice=practice)

    def steps(self):
        """(step, bound fields) pairs for the template."""
        return [(step, [self[f.name] for f in step.fields]) for step in self.practice.steps]

    def answers(self) -> dict:
        return {
            name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])
        }


class DecisionForm(forms.ModelForm):
    confidence = _scale_field(
        "How sure does your gut feel, from 50 % (a coin toss) to 100 % (certain)?",
        50,
        100,
        required=True,
    )

    class Meta:
        model = Decision
        fields = [
            "decision",
            "options",
            "gut_says",
            "confidence",
            "chosen",
            "sought_reassurance",
            "reassurance_from",
            "review_on",
        ]
        labels = {
            "decision": "What is the decision?",
            "options": "What are the options?",
            "gut_says": "What does your gut say?",
            "chosen": "What did you choose?",
            "sought_reassurance": "I asked someone else before deciding",
            "reassurance_from": "Who did you ask? (optional)",
            "review_on": "When would you like to look back on it?",
        }
        help_texts = {
            "decision": "Small and everyday is perfect: what to cook, whether to go, what to say.",
            "sought_reassurance": (
                "Asking someone is a sound way to decide too. Ticking this just keeps the record "
                "clear."
            ),
            "review_on": "It will appear on Today on that day.",
        }
        widgets = {
            "options": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "gut_says": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "review_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        for name in ("decision", "options", "gut_says", "chosen", "reassurance_from"):
            self.fields[name].validators.append(validate_plain_text)
            self.fields[name].widget.attrs.setdefault("dir", "auto")
            self.fields[name].error_messages["max_length"] = _too_long(
                self.fields[name].max_length or LONG
            )
        for name in ("options", "gut_says"):
            _limit_long_text(self.fields[name])
        self.fields["decision"].error_messages["required"] = "Name the decision in a few words."
        self.fields["review_on"].error_messages["required"] = "Pick a day to look back on it."
        self.fields["review_on"].error_messages["invalid"] = "That date doesn't look right."
        if not self.is_bound and not self.initial.get("review_on"):
            self.initial["review_on"] = today + timedelta(days=7)

    @classmethod
    def for_practice(cls, practice: Practice, data=None, *, entry=None, initial=None, today=None):
        instance = entry.decision if entry is not None else None
        return cls(data, instance=instance, initial=initial, today=today)

    def clean_review_on(self):
        review_on = self.cleaned_data["review_on"]
        if self.instance.pk is None and review_on < self.today:
            raise forms.ValidationError("Please pick today or a day ahead.")
        if review_on > self.today + timedelta(days=REVIEW_HORIZON_DAYS):
            raise forms.ValidationError("Please pick a day within the next year.")
        return review_on


class DecisionReviewForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["what_happened", "reasonable_call", "instinct_served", "learned"]
        labels = {
            "what_happened": "What happened?",
            "reasonable_call": "Given what you knew then, was it a reasonable call?",
            "instinct_served": "Did your first instinct serve you?",
            "learned": "What did it teach you?",
        }
        help_texts = {
            # Judging a choice by its outcome blames the chooser for luck and for what other
            # people did; a sound call can still turn out badly.
            "reasonable_call": (
                "Judge it by what you knew at the time, not by how it turned out. A sensible "
                "choice can still go badly, and a rushed one can go well."
            ),
        }
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "reasonable_call": forms.RadioSelect,
            "instinct_served": forms.RadioSelect,
            "learned": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reasonable = self.fields["reasonable_call"]
        reasonable.choices = ReasonableCall.choices
        reasonable.error_messages["invalid_choice"] = "Please choose one of the answers shown."
        field = self.fields["instinct_served"]
        field.required = True
        field.choices = InstinctServed.choices
        field.error_messages["required"] = (
            "Choose yes, partly, no or can't tell; each one is useful."
        )
        for name in ("what_happened", "learned"):
            self.fields[name].validators.append(validate_plain_text)
            _limit_long_text(self.fields[name])


_EMOTION_CHOICES = [("", "Choose a feeling")] + [
    (group, [(e.slug, e.name) for e in emotions]) for group, emotions in EMOTION_GROUPS.items()
]


class ThoughtRecordForm(forms.ModelForm):
    belief_before = _scale_field(
        "How much do you believe the thought, from 0 to 100 %?", 0, 100, required=True
    )
    belief_after = _scale_field(
        "And how much do you believe the first thought now?", 0, 100, required=False
    )
    thinking_traps = forms.MultipleChoiceField(
        label="Which thinking traps might be at work? (optional)",
        required=False,
        choices=[(t.slug, t.name) for t in THINKING_TRAPS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose from the traps listed."},
    )

    class Meta:
        model = ThoughtRecord
        fields = [
            "situation",
            "automatic_thought",
            "belief_before",
            "thinking_traps",
            "evidence_for",
            "evidence_against",
            "balanced_thought",
            "belief_after",
        ]
        labels = {
            "situation": "What was happening?",
            "automatic_thought": "What went through your mind?",
            "evidence_for": "What supports the thought?",
            "evidence_against": "What doesn't fit with it?",
            "balanced_thought": "A more balanced thought",
        }
        help_texts = {
            "situation": (
                "Where you were and what happened, in a few words. You don't need to write out "
                "the memory."
            ),
            "automatic_thought": "The thought that came, in the words it came in.",
            "balanced_thought": "Something fairer that takes all the evidence into account.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (
            "situation",
            "automatic_thought",
            "evidence_for",
            "evidence_against",
            "balanced_thought",
        ):
            field = self.fields[name]
            field.validators.append(validate_plain_text)
            field.widget = forms.Textarea(attrs={"rows": 3, "dir": "auto"})
            _limit_long_text(field)
        self.fields["situation"].error_messages["required"] = (
            "A few words about what was happening."
        )
        self.fields["automatic_thought"].error_messages["required"] = (
            "Write the thought down, in its own words."
        )
        existing = list(self.instance.emotions) if self.instance.pk else []
        for row in range(1, EMOTION_ROWS + 1):
            self.fields[f"emotion_{row}"] = forms.ChoiceField(
                label=f"Feeling {row}",
                choices=_EMOTION_CHOICES,
                required=False,
                error_messages={"invalid_choice": "Please choose a feeling from the list."},
            )
            self.fields[f"emotion_{row}_before"] = _scale_field(
                f"How strong, feeling {row} (0–100)", 0, 100, required=False
            )
            self.fields[f"emotion_{row}_after"] = _scale_field(
                f"How strong now, feeling {row} (0–100)", 0, 100, required=False
            )
            if not self.is_bound and row <= len(existing):
                # setdefault: a restored draft's values win over what was saved before.
                self.initial.setdefault(f"emotion_{row}", existing[row - 1].get("emotion", ""))
                self.initial.setdefault(f"emotion_{row}_before", existing[row - 1].get("before"))
                self.initial.setdefault(f"emotion_{row}_after", existing[row - 1].get("after"))

    @classmethod
    def for_practice(cls, practice: Practice, data=None, *, entry=None, initial=None, today=None):
        instance = entry.thought_record if entry is not None else None
        return cls(data, instance=instance, initial=initial)

    def emotion_rows(self):
        return [
            (self[f"emotion_{row}"], self[f"emotion_{row}_before"], self[f"emotion_{row}_after"])
            for row in range(1, EMOTION_ROWS + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        emotions = []
        for row in range(1, EMOTION_ROWS + 1):
            name = cleaned.get(f"emotion_{row}")
            before = cleaned.get(f"emotion_{row}_before")
            after = cleaned.get(f"emotion_{row}_after")
            if not name:
                continue
            if before is None:
                if f"emotion_{row}_before" not in self.errors:
                    self.add_error(f"emotion_{row}_before", "How strong was it, from 0 to 100?")
                continue
            emotions.append({"emotion": name, "before": before, "after": after})
        if not emotions and not self.errors:
            self.add_error("emotion_1", "Name at least one feeling and how strong it was.")
        cleaned["emotions"] = emotions
        return cleaned

    def save(self, commit=True):
        record = super().save(commit=False)
        record.emotions = self.cleaned_data["emotions"]
        if commit:
            record.save()
        return record
