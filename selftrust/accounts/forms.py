from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from selftrust.accounts.models import User, available_time_zones
from selftrust.text import validate_plain_text


def _clean_time_zone(value: str, fallback: str) -> str:
    value = (value or "").strip()
    return value if value in available_time_zones() else fallback


class SignupForm(BaseUserCreationForm):
    time_zone = forms.CharField(
        required=False,
        widget=forms.HiddenInput(attrs={"data-detect": "1"}),
    )

    class Meta:
        model = User
        fields = ["username"]
        help_texts = {
            "username": _("Any name you like; it doesn't need to be your real one."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("Passphrase")
        self.fields["password1"].help_text = _(
            "At least 10 characters. A few words you'll remember works well."
        )
        self.fields["password2"].label = _("The same passphrase again")
        self.fields["password2"].help_text = ""
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})

    def clean_time_zone(self):
        return _clean_time_zone(
            self.cleaned_data.get("time_zone"), User._meta.get_field("time_zone").default
        )

    def save(self, commit=True):
        user = super().save(commit=False)
        user.time_zone = self.cleaned_data["time_zone"]
        if commit:
            user.save()
        return user


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "That username and passphrase don't match. Take your time and try again."
        ),
        "inactive": _("This account is switched off."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passphrase")


class TimeZoneForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["time_zone"]
        labels = {"time_zone": _("Your time zone")}
        help_texts = {"time_zone": _("For example Europe/London or America/Chicago.")}

    def clean_time_zone(self):
        value = self.cleaned_data["time_zone"].strip()
        if value not in available_time_zones():
            raise forms.ValidationError(
                _("We don't recognise that time zone. Try a name like Europe/Berlin.")
            )
        return value


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=60,
        label=_("What is this token for?"),
        help_text=_("For example “my backup script”."),
        validators=[validate_plain_text],
        error_messages={
            "required": _("Give the token a name so you can recognise it later."),
            "max_length": _("Please keep the name to 60 characters or fewer."),
        },
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your passphrase, to confirm"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That passphrase doesn't match. Nothing was deleted."))
        return password
