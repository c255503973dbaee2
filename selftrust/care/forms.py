"""The person's forms in care: what they share with a therapist, and notes for sessions."""

from django import forms
from django.utils.translation import gettext_lazy

from selftrust.care import categories
from selftrust.care.models import CareLink, SessionNote
from selftrust.text import validate_plain_text


class PersonSharingForm(forms.Form):
    """What one therapist may see: categories, ticked one by one, and an optional first day.

    Nothing is ticked unless the person ticked it before (the link's `shared`, empty when new).
    """

    shared = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("What they can see"),
    )
    shared_from = forms.DateField(
        required=False,
        label=gettext_lazy("Share only what is from this day on (optional)"),
        help_text=gettext_lazy("Leave it empty to share everything in what you tick."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": gettext_lazy(
                "That date doesn't look right. You can leave it empty to share everything."
            )
        },
    )

    def __init__(self, *args, link: CareLink, **kwargs):
        kwargs.setdefault("prefix", f"link-{link.pk}")
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault(
            "initial", {"shared": list(link.shared or []), "shared_from": link.shared_from}
        )
        super().__init__(*args, **kwargs)
        self.link = link
        self.categories = categories.all_categories()
        self.fields["shared"].choices = [(c.slug, c.name) for c in self.categories]
        self.fields["shared"].error_messages["invalid_choice"] = gettext_lazy(
            "One of those isn't something Selftrust can share. Nothing was changed."
        )

    def ticked(self) -> set[str]:
        """What shows as ticked: what was posted, else what is shared now."""
        value = self["shared"].value() or []
        return set(value)


class SessionNoteForm(forms.ModelForm):
    """Something I want to bring to my next session."""

    class Meta:
        model = SessionNote
        fields = ["text"]
        labels = {"text": gettext_lazy("What I want to bring")}
        help_texts = {
            "text": gettext_lazy(
                "Anything: something that happened, a question, something you'd rather not "
                "forget. A few words are enough."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "dir": "auto"})}
        error_messages = {
            "text": {
                "required": gettext_lazy("There's nothing written yet. Nothing was saved."),
                "max_length": gettext_lazy(
                    "A note can be up to %(limit_value)s characters; this one has "
                    "%(show_value)s. Your words are still here: you could make it two notes."
                ),
            }
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(validate_plain_text)
        self.fields["text"].strip = True
