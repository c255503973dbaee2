"""The one field of two-factor sign-in: the code from the authenticator app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selftrust.care.two_factor import plain_code


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code your app shows now"),
        max_length=20,
        strip=True,
        error_messages={"required": _("Please type the 6-digit code from your app.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, focus: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not focus:  # below a QR code: focus would scroll the page past it
            self.fields["code"].widget.attrs.pop("autofocus", None)

    def clean_code(self):
        code = plain_code(self.cleaned_data["code"])
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                _("A code is 6 digits, like 123 456. Please type the one your app shows now.")
            )
        return code

    def code_did_not_match(self, seconds_to_wait: int = 0) -> None:
        if seconds_to_wait > 1:
            message = _(
                "That code didn't match. To keep your account safe, there's a short pause "
                "after a code that doesn't match: please wait about %(seconds)d seconds, then "
                "type the code your app shows then."
            ) % {"seconds": seconds_to_wait}
        else:
            message = _(
                "That code didn't match. Codes change every 30 seconds; please type the one "
                "your app shows now. If your phone's clock is far off, setting it to the "
                "automatic time helps."
            )
        self.add_error("code", message)

    def must_wait(self, seconds_to_wait: int) -> None:
        self.add_error(
            "code",
            _(
                "There's a short pause after a code that doesn't match, to keep your account "
                "safe. Please wait about %(seconds)d seconds, then type the code your app "
                "shows then."
            )
            % {"seconds": seconds_to_wait},
        )
