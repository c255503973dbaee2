from datetime import date, timedelta

from django import forms
from django.core.validators import MaxLengthValidator

from selftrust.practices import ratings
from selftrust.practices.catalog import LONG, SHORT, TRUST_EXPERIMENT, Field, Practice
from selftrust.practices.models import Decision, InstinctServed, ReasonableCall, ThoughtRecord
from selftrust.practices.trust_experiments import DEFAULT_LOOK_BACK_DAYS, LOOKED_BACK_BY
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


# --- ratings: one slider for every feeling or belief rated 0 to 10 (see ratings.py) -----------

NOT_RATED = "Not rated"
KEEP_LABEL = "Save my rating"


class RatingInput(forms.Widget):
    """A 0-10 slider with labelled ends, the number beside it, and a "Save my rating" box.

    A native range input (keyboard and screen readers operate it by nature) always holds a
    number, so on its own it can't tell a number chosen from one never touched. The box beside
    it can: the number is saved only while it is ticked, and it starts unticked (not rated)
    unless a rating was saved before. rating.js ticks it at the first touch of the slider and
    shows the number beside it; unticking it again is how to leave the rating out. Without
    script the person ticks it (a note says so), and the number shows on the entry once saved.
    Where a number is needed, the script keeps the box out of sight and the form asks for the
    number if the slider was never touched.

    Posted as `name` (the slider), `name_rated` (the box) and `name_asked` (hidden: "this
    page asked with the box"). The API and the import post the number alone, without
    `name_asked`, so for them it is a plain whole number.
    """

    template_name = "practices/widgets/rating.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.low_label = ""
        self.high_label = ""
        self.needs_number = False
        # Where the slider stood while the box was unticked, to show it there again.
        self.unrated_position: int | None = None

    @staticmethod
    def rated_name(name: str) -> str:
        return f"{name}_rated"

    @staticmethod
    def asked_name(name: str) -> str:
        return f"{name}_asked"

    @classmethod
    def left_unrated(cls, data, name: str) -> bool:
        """Did the page ask with the box, and was it left unticked?"""
        return bool(data.get(cls.asked_name(name))) and not data.get(cls.rated_name(name))

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if self.left_unrated(data, name):
            self.unrated_position = _position(value)
            return None
        return value

    def value_omitted_from_data(self, data, files, name):
        return name not in data and self.asked_name(name) not in data

    def format_value(self, value):
        return None if value in (None, "") else str(value)

    def use_required_attribute(self, initial):
        return False  # not an attribute a range may carry; the form asks for what it needs

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        position = _position(widget["value"])
        rated = position is not None
        if not rated:
            # Off the scale (70 from a page opened before the change, say), the slider can't
            # show it: it waits, not rated, near the number meant, for the person to choose.
            position = _suggested(widget["value"])
        for fallback in (self.unrated_position, (ratings.LOW + ratings.HIGH) // 2):
            position = fallback if position is None else position
        ends_id = f"{widget['attrs'].get('id', name)}_ends"
        described = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{ends_id} {described}".strip()
        widget.update(
            {
                "low": ratings.LOW,
                "high": ratings.HIGH,
                "position": position,
                "rated": rated,
                "shown": str(position) if rated else NOT_RATED,
                "low_label": self.low_label,
                "high_label": self.high_label,
                "low_words": _words(self.low_label, ratings.LOW),
                "high_words": _words(self.high_label, ratings.HIGH),
                "ends_id": ends_id,
                "rated_name": self.rated_name(name),
                "asked_name": self.asked_name(name),
                "keep_label": KEEP_LABEL,
                "not_rated_text": NOT_RATED,
                "needs_number": self.needs_number,
            }
        )
        return context


def _position(value) -> int | None:
    """A number on the slider, or None for anything else (empty, words, off the scale)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if ratings.LOW <= number <= ratings.HIGH else None


def _suggested(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return ratings.from_0_100(number) if ratings.HIGH < number <= ratings.OLD_HIGH else None


def _words(label: str, number: int) -> str:
    """ "calm" from "0 calm": the end's words without its number, for the screen reader."""
    return label.removeprefix(f"{number} ").strip()


class RatingField(forms.IntegerField):
    """A rating from 0 to 10 of a feeling or a belief, asked with the slider (RatingInput)."""

    widget = RatingInput

    def __init__(
        self,
        label: str,
        *,
        low_label: str,
        high_label: str,
        required: bool,
        needs_number: bool | None = None,
        help_text: str = "",
        was_0_100: bool = False,
    ):
        message = ratings.refusal(None)
        # Rated 0 to 100 until issue 15: a number above 10 is refused saying what it would be.
        self.was_0_100 = was_0_100
        super().__init__(
            label=label,
            help_text=help_text,
            required=required,
            min_value=ratings.LOW,
            max_value=ratings.HIGH,
            error_messages={
                "required": "Choose a number from 0 to 10 on the slider; a rough guess is fine.",
                "invalid": message,
                "min_value": message,
            },
        )
        self.widget.low_label = low_label
        self.widget.high_label = high_label
        self.widget.needs_number = required if needs_number is None else needs_number

    def validate(self, value):
        super().validate(value)
        if value is not None and value > ratings.HIGH:
            # Said here rather than by max_value, so the message can name the number.
            raise forms.ValidationError(
                ratings.refusal(value, was_0_100=self.was_0_100), code="max_value"
            )


def unrated_in_draft(form: forms.BaseForm) -> None:
    """A restored draft keeps the slider's number even when its box was left unticked; the
    box wins, so the rating shows as not rated again."""
    for name, field in form.fields.items():
        if isinstance(field, RatingField) and RatingInput.left_unrated(form.initial, name):
            form.initial[name] = None


def build_field(spec: Field) -> forms.Field:
    if spec.kind in ("text", "long"):
        return _text_field(
            spec.label, long=spec.kind == "long", required=spec.required, help_text=spec.help
        )
    if spec.kind == "scale" and (spec.low, spec.high) == (ratings.LOW, ratings.HIGH):
        return RatingField(
            spec.label,
            low_label=spec.low_label,
            high_label=spec.high_label,
            required=spec.required,
            help_text=spec.help,
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
            if isinstance(self.fields[spec.name], RatingField):
                self.fields[spec.name].was_0_100 = ratings.was_0_100(practice.slug, spec.name)
        unrated_in_draft(self)

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
        field.error_messages["invalid_choice"] = field.error_messages["required"]
        for name in ("what_happened", "learned"):
            self.fields[name].validators.append(validate_plain_text)
            _limit_long_text(self.fields[name])


_EMOTION_CHOICES = [("", "Choose a feeling")] + [
    (group, [(e.slug, e.name) for e in emotions]) for group, emotions in EMOTION_GROUPS.items()
]


BELIEF_ENDS = {"low_label": "0 not at all", "high_label": "10 completely"}
FEELING_ENDS = {"low_label": "0 not at all", "high_label": "10 the strongest I can imagine"}


class ThoughtRecordForm(forms.ModelForm):
    belief_before = RatingField(
        "How much do you believe the thought, from 0 to 10?",
        required=True,
        was_0_100=True,
        **BELIEF_ENDS,
    )
    belief_after = RatingField(
        "And how much do you believe the first thought now?",
        required=False,
        was_0_100=True,
        **BELIEF_ENDS,
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
            # Needed once the feeling is named (clean() asks for it), never for an empty row.
            self.fields[f"emotion_{row}_before"] = RatingField(
                f"How strong, feeling {row} (0 to 10)",
                required=False,
                needs_number=True,
                was_0_100=True,
                **FEELING_ENDS,
            )
            self.fields[f"emotion_{row}_after"] = RatingField(
                f"How strong now, feeling {row} (0 to 10)",
                required=False,
                was_0_100=True,
                **FEELING_ENDS,
            )
            if not self.is_bound and row <= len(existing):
                # setdefault: a restored draft's values win over what was saved before.
                self.initial.setdefault(f"emotion_{row}", existing[row - 1].get("emotion", ""))
                self.initial.setdefault(f"emotion_{row}_before", existing[row - 1].get("before"))
                self.initial.setdefault(f"emotion_{row}_after", existing[row - 1].get("after"))
        unrated_in_draft(self)

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
                    self.add_error(f"emotion_{row}_before", "How strong was it, from 0 to 10?")
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


# --- the trust experiment: a worksheet looked back on later --------------------------------------


class TrustExperimentForm(WorksheetForm):
    """The trust experiment's own form: all its questions (the API, the import and an edit
    save through it), but a new experiment, or one not looked back on yet, shows only what
    comes before the step. The look back has a page of its own (TrustLookBackForm); once
    answered, its steps show here too, so changing an experiment never loses them."""

    @classmethod
    def for_practice(cls, practice: Practice, data=None, *, entry=None, initial=None, today=None):
        form = super().for_practice(practice, data, entry=entry, initial=initial, today=today)
        form.shows_later_steps = entry is not None and any(
            entry.data.get(spec.name) not in (None, "", []) for spec in practice.later_fields
        )
        if entry is None and not form.is_bound and "look_back_in" not in form.initial:
            form.initial = {**form.initial, "look_back_in": str(DEFAULT_LOOK_BACK_DAYS)}
        # Names of the person's trusted people are offered as they type (a datalist on the page).
        form.fields["who"].widget.attrs["list"] = "trust-who-suggestions"
        return form

    def steps(self):
        return [
            (step, [self[f.name] for f in step.fields])
            for step in self.practice.steps
            if self.shows_later_steps or not step.later
        ]


class TrustLookBackForm(forms.Form):
    """Looking back on a trust experiment: what happened, whether the fear came true, whether
    they proved reliable, what it tells you (the practice's later steps)."""

    practice = TRUST_EXPERIMENT

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in self.practice.later_fields:
            self.fields[spec.name] = build_field(spec)
        # Optional in the experiment's own form (it is written before the step); here it is
        # the one answer a look back can't be without.
        needed = self.fields[LOOKED_BACK_BY]
        needed.required = True
        needed.error_messages["required"] = "Choose yes, partly or no; each answer is useful."

    def steps(self):
        return [
            (step, [self[f.name] for f in step.fields])
            for step in self.practice.steps
            if step.later
        ]

    def answers(self) -> dict:
        return {
            name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])
        }
