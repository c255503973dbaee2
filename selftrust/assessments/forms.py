from django import forms

from selftrust.assessments.instruments import Instrument


class AssessmentForm(forms.Form):
    """One radio group per item; answers may be partial while pausing, complete to finish."""

    def __init__(self, *args, instrument: Instrument, require_all: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.require_all = require_all
        choices = [(str(value), label) for value, label in instrument.options]
        for number, text in enumerate(instrument.items, start=1):
            self.fields[f"item_{number}"] = forms.TypedChoiceField(
                label=text,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Please choose one of the answers shown."},
            )
        if instrument.extra_question:
            self.fields["extra"] = forms.TypedChoiceField(
                label=instrument.extra_question,
                choices=[(str(i), label) for i, label in enumerate(instrument.extra_options)],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Please choose one of the answers shown."},
            )

    @property
    def item_fields(self):
        return [self[f"item_{n}"] for n in range(1, len(self.instrument.items) + 1)]

    def answers(self) -> list[int | None]:
        data = getattr(self, "cleaned_data", {})
        return [data.get(f"item_{n}") for n in range(1, len(self.instrument.items) + 1)]

    def extra(self) -> int | None:
        return getattr(self, "cleaned_data", {}).get("extra")

    def clean(self):
        cleaned = super().clean()
        if self.require_all:
            missing = [str(n) for n, answer in enumerate(self.answers(), start=1) if answer is None]
            if missing:
                raise forms.ValidationError(
                    "A few questions are still open (%(numbers)s). Answer them when you're "
                    "ready, or save and finish later: your answers are kept.",
                    params={"numbers": ", ".join(missing)},
                )
        return cleaned
