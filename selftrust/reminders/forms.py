from django import forms

from selftrust.reminders.models import EmailAddress, ReminderSettings
from selftrust.reminders.sources import KIND_WIDE


class ReminderChoicesForm(forms.ModelForm):
    """Quiet hours, words on the lock screen, and the kinds of other reminders."""

    kinds = forms.MultipleChoiceField(
        label="Also remind me of",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(source.kind, source.wording.choice_label) for source in KIND_WIDE],
    )

    class Meta:
        model = ReminderSettings
        fields = ["kinds", "other_reminders_at", "quiet_from", "quiet_until", "show_words"]
        labels = {
            "other_reminders_at": "At what time",
            "quiet_from": "Quiet from",
            "quiet_until": "Quiet until",
            "show_words": "Show the words of my promise in reminders",
        }
        help_texts = {
            "other_reminders_at": "For reminders of things that have no time of their own.",
            "quiet_until": "Nothing is sent in between. Leave both empty for no quiet hours.",
            "show_words": (
                "Off, a reminder only says “A small promise is waiting for you”. On, it says "
                "your words, which anyone who sees your lock screen, your email or your "
                "calendar could read."
            ),
        }
        widgets = {
            "other_reminders_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_from": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_until": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        quiet_from, quiet_until = cleaned.get("quiet_from"), cleaned.get("quiet_until")
        if (quiet_from is None) != (quiet_until is None) and not self.errors:
            self.add_error(
                "quiet_until" if quiet_until is None else "quiet_from",
                "Quiet hours need a start and an end, or leave both empty.",
            )
        elif quiet_from is not None and quiet_from == quiet_until:
            self.add_error("quiet_until", "Quiet hours need to end at a different time.")
        return cleaned


class EmailAddressForm(forms.ModelForm):
    class Meta:
        model = EmailAddress
        fields = ["address"]
        labels = {"address": "Email address"}
        help_texts = {
            "address": "We'll send a link to it first. Nothing else goes there until you open it."
        }
        error_messages = {
            "address": {
                "invalid": "That doesn't look like an email address yet.",
                "required": "Type the address reminders should go to.",
            }
        }
