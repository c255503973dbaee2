"""The clinic page's form: a new therapist account (clinic.py makes it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selftrust.accounts.models import User, username_taken


class NewTherapistForm(forms.ModelForm):
    """Only a username: the passphrase is made for the account and shown once."""

    class Meta:
        model = User
        fields = ["username"]
        labels = {"username": _("Their username")}
        help_texts = {
            "username": _(
                "What they'll type to sign in. Letters, digits and @ . + - _ only; it doesn't "
                "need to be their real name."
            )
        }
        error_messages = {
            "username": {
                "unique": _("That username is already taken. Please choose another one."),
                "required": _("Please choose a username for them."),
            },
        }

    def clean_username(self):
        username = self.cleaned_data.get("username")
        if username and username_taken(username):
            raise forms.ValidationError(
                _("That username is already taken. Please choose another one."), code="unique"
            )
        return username

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "therapist_%s")
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        )
