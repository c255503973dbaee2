"""The clinic page's form: a new therapist account (clinic.py makes it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selftrust.accounts.forms import UsernameFreeInAnyCase
from selftrust.accounts.models import User


class NewTherapistForm(UsernameFreeInAnyCase, forms.ModelForm):
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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "therapist_%s")
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        )
