from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordChangeForm,
    SetPasswordMixin,
)
from django.utils.translation import gettext_lazy as _

from selftrust.accounts import sign_in_length, throttling
from selftrust.accounts.models import SignInLasts, User, available_time_zones, username_taken
from selftrust.text import validate_plain_text


def _clean_time_zone(value: str, fallback: str) -> str:
    value = (value or "").strip()
    return value if value in available_time_zones() else fallback


PASSPHRASE_HELP = _("At least 10 characters. A few words you'll remember works well.")
USERNAME_TOO_LONG = _("A username can be up to 150 characters. Please choose a shorter one.")
USERNAME_CHARACTERS = _(
    "A username can use letters, numbers and @ . + - _ only, with no spaces. Please choose "
    "another one."
)
PASSPHRASE_FIELDS = ("password1", "password2")


class UsernameFreeInAnyCase:
    """For a form that names a new account: a name already taken in other capitals is taken
    ("Sam" and "sam" could not be told apart where names are read)."""

    def clean_username(self):
        username = self.cleaned_data.get("username")
        if username and username_taken(username):
            raise forms.ValidationError(
                _("That username is already taken. Please choose another one."), code="unique"
            )
        return username


class SignupForm(UsernameFreeInAnyCase, BaseUserCreationForm):
    """Username and passphrase twice; every problem is found in one go, each beside its box.

    Django's form checks the passphrase rules only on the second box, and only once the two
    match, so a person could fix one thing and meet the next. Here the rules are checked on
    the first box whatever the second says, and the mismatch is said beside the second.

    When the only problem is the username, the passphrase boxes keep what was typed (see
    `passphrases_kept`): the passphrase was fine, and typing it twice again for nothing is
    tiring. When a passphrase was refused, or the two didn't match, both boxes are emptied:
    it can't be seen which of two hidden boxes was mistyped, and a refused passphrase should
    not travel back into the page.
    """

    error_messages = {
        "password_mismatch": _(
            "The two passphrases don't match. Both boxes are empty again: take your time and "
            "type it twice."
        ),
    }
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
        error_messages = {
            "username": {
                "unique": _("That username is already taken. Please choose another one."),
                "required": _("Please choose a username. Any name you like will do."),
                # The model's rules (AbstractUser.username): at most 150 characters, and
                # Django's UnicodeUsernameValidator, letters and digits in any language
                # and @ . + - _ only.
                "max_length": USERNAME_TOO_LONG,
                "invalid": USERNAME_CHARACTERS,
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passphrases_kept = False
        password1, password2 = self.fields["password1"], self.fields["password2"]
        password1.label = _("Passphrase")
        password1.help_text = PASSPHRASE_HELP
        password1.error_messages["required"] = _("Please choose a passphrase.")
        password2.label = _("The same passphrase again")
        password2.help_text = ""
        password2.error_messages["required"] = _(
            "Please type your passphrase a second time, so we know it's the one you meant."
        )
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})

    def clean_time_zone(self):
        return _clean_time_zone(
            self.cleaned_data.get("time_zone"), User._meta.get_field("time_zone").default
        )

    def validate_password_for_user(self, user, password_field_name=None):
        # The rules are about the passphrase chosen: checked on the first box, beside it,
        # whether or not the second matches. A username that was refused is still what the
        # person typed, so the passphrase is compared with that.
        if not user.username:
            user = User(username=str(self.data.get(self.add_prefix("username"), "")).strip())
        super().validate_password_for_user(user, "password1")

    def _post_clean(self):
        super()._post_clean()
        self.passphrases_kept = bool(self._errors) and not any(
            self.has_error(name) for name in PASSPHRASE_FIELDS
        )
        for name in PASSPHRASE_FIELDS:
            self.fields[name].widget.render_value = self.passphrases_kept

    def save(self, commit=True):
        user = super().save(commit=False)
        user.time_zone = self.cleaned_data["time_zone"]
        if commit:
            user.save()
        return user


class ForgivingChoiceField(forms.ChoiceField):
    """A choice where anything not offered means the default (see the form's clean_<field>)."""

    def validate(self, value):
        pass


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "That username and passphrase don't match. Take your time and try again."
        ),
        "inactive": _("This account is switched off."),
    }
    keep_signed_in = ForgivingChoiceField(
        label=_("Keep me signed in"),
        choices=SignInLasts.choices,
        initial=sign_in_length.DEFAULT,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("On a phone or computer someone else may use, the shortest is safest."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passphrase")

    def clean_keep_signed_in(self):
        # Missing or unknown (an old page, a script): the safe default, never an error.
        return sign_in_length.valid(self.cleaned_data.get("keep_signed_in"))


UNKNOWN_TIME_ZONE = _("We don't recognise that time zone. Try a name like Europe/Berlin.")


class TimeZoneForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["time_zone"]
        labels = {"time_zone": _("Your time zone")}
        help_texts = {"time_zone": _("For example Europe/London or America/Chicago.")}
        error_messages = {
            "time_zone": {
                "required": _("Please type a time zone, like Europe/Berlin."),
                "max_length": UNKNOWN_TIME_ZONE,
            }
        }

    def clean_time_zone(self):
        value = self.cleaned_data["time_zone"].strip()
        if value not in available_time_zones():
            raise forms.ValidationError(UNKNOWN_TIME_ZONE)
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


WRONG = "wrong"
CONFIRM_WITH_PASSPHRASE = _("Please type your passphrase, to confirm it's you.")


class ConfirmedWithPassphrase:
    """A form whose `password` field confirms who is there. Checked through the sign-in
    throttle, so no form becomes an unlimited way to guess a passphrase."""

    passphrase_refused = _("That passphrase doesn't match.")

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not throttling.passphrase_matches(self.request, self.user, password):
            raise forms.ValidationError(self.passphrase_refused, code=WRONG)
        return password


class DeleteAccountForm(ConfirmedWithPassphrase, forms.Form):
    password = forms.CharField(
        label=_("Your passphrase, to confirm"),
        error_messages={"required": CONFIRM_WITH_PASSPHRASE},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    passphrase_refused = _("That passphrase doesn't match. Nothing was deleted.")

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request


PASSPHRASE_MISMATCH = _("The two new passphrases don't match. Take your time and type them again.")


def _new_passphrase_fields(form) -> None:
    form.fields["new_password1"].label = _("New passphrase")
    form.fields["new_password1"].help_text = PASSPHRASE_HELP
    form.fields["new_password1"].error_messages["required"] = _("Please choose a new passphrase.")
    form.fields["new_password2"].label = _("The same new passphrase again")
    form.fields["new_password2"].help_text = ""
    form.fields["new_password2"].error_messages["required"] = _(
        "Please type your new passphrase a second time, so we know it's the one you meant."
    )


class PassphraseChangeForm(PasswordChangeForm):
    """Old passphrase, new one twice (the same validators as sign-up), and a choice about tokens."""

    error_messages = {
        "password_mismatch": PASSPHRASE_MISMATCH,
        "password_incorrect": _("That isn't your current passphrase. Nothing was changed."),
    }
    revoke_tokens = forms.BooleanField(
        required=False,
        initial=True,
        label=_("Also make all my API tokens stop working"),
        help_text=_("Scripts that use a token will need a new one."),
    )

    def __init__(self, user, *args, request, **kwargs):
        kwargs.setdefault("auto_id", "passphrase_%s")  # unique ids on the shared Settings page
        super().__init__(user, *args, **kwargs)
        self.request = request
        self.fields["old_password"].label = _("Your current passphrase")
        self.fields["old_password"].error_messages["required"] = _(
            "Please type your current passphrase, to confirm it's you."
        )
        # The section sits in the middle of Settings; focus must not jump there.
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        _new_passphrase_fields(self)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not throttling.passphrase_matches(self.request, self.user, old_password):
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class SignOutEverywhereForm(forms.Form):
    revoke_tokens = forms.BooleanField(
        required=False,
        initial=False,
        label=_("Also make all my API tokens stop working"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "sign_out_%s")
        super().__init__(*args, **kwargs)


class RecoveryCodesForm(ConfirmedWithPassphrase, forms.Form):
    """Making new recovery codes asks for the passphrase: with codes, a borrowed session
    could otherwise become a new passphrase and the whole account."""

    password = forms.CharField(
        label=_("Your passphrase, to confirm"),
        strip=False,
        error_messages={"required": CONFIRM_WITH_PASSPHRASE},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    passphrase_refused = _("That passphrase doesn't match. Your codes are as they were.")

    def __init__(self, *args, user, request, **kwargs):
        kwargs.setdefault("auto_id", "codes_%s")
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request


class RecoverForm(SetPasswordMixin, forms.Form):
    """Forgot your passphrase? Username, one recovery code, and a new passphrase twice.

    The form checks only what it can without the database; whether the code matches is
    decided by `recovery.use_code`, counted by the sign-in throttle.
    """

    error_messages = {"password_mismatch": PASSPHRASE_MISMATCH}
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        error_messages={
            "required": _("Please type your username."),
            "max_length": USERNAME_TOO_LONG,
        },
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    code = forms.CharField(
        label=_("One of your recovery codes"),
        max_length=40,
        error_messages={
            "required": _("Please type one of your recovery codes."),
            "max_length": _("A recovery code is 12 letters and numbers, like 7K3M-QX9D-2HFP."),
        },
        help_text=_("For example 7K3M-QX9D-2HFP. Capitals and dashes don't matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
    )
    new_password1, new_password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_passphrase_fields(self)

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        # The same validators as sign-up; a stand-in with the typed name, so that whether
        # the account exists makes no difference to the answer.
        self.validate_password_for_user(
            User(username=self.cleaned_data.get("username", "")), "new_password2"
        )
        return super().clean()


# Privacy on a shared phone: the lock, its PIN, and how long a sign-in lasts (lock.py,
# sign_in_length.py).


PICK_ONE = _("Please pick one of the choices here.")


class DevicePrivacyForm(forms.ModelForm):
    """Settings: after how long Selftrust locks itself, and how long a sign-in here lasts."""

    class Meta:
        model = User
        fields = ["lock_after_minutes", "sign_in_lasts"]
        labels = {
            "lock_after_minutes": _("Lock Selftrust when I haven't used it for"),
            "sign_in_lasts": _("How long a sign-in lasts here"),
        }
        help_texts = {
            "lock_after_minutes": _(
                "On every device where you're signed in. When it locks, the page is hidden "
                "until you unlock it with your PIN or your passphrase."
            ),
            "sign_in_lasts": _(
                "For this browser, counted from when you signed in or last changed it here. "
                "After that, you sign in again with your passphrase."
            ),
        }
        widgets = {"lock_after_minutes": forms.RadioSelect, "sign_in_lasts": forms.RadioSelect}
        error_messages = {
            field: {"required": PICK_ONE, "invalid_choice": PICK_ONE}
            for field in ("lock_after_minutes", "sign_in_lasts")
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "device_%s")
        super().__init__(*args, **kwargs)


PIN_LENGTH = (4, 8)
PIN_HELP = _("4 to 8 digits, that you'll remember and others won't guess easily.")
PIN_RULE = _("Please type a PIN of 4 to 8 digits.")


def _clean_new_pin(pin: str) -> str:
    pin = (pin or "").strip()
    if not pin.isascii() or not pin.isdigit() or not PIN_LENGTH[0] <= len(pin) <= PIN_LENGTH[1]:
        if not pin:  # only spaces
            raise forms.ValidationError(PIN_RULE)
        raise forms.ValidationError(_("A PIN is 4 to 8 digits, with nothing else in it."))
    # The PINs anyone would try first: one digit repeated (0000), or a run (1234, 9876).
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if len(steps) == 1 and steps.pop() in (-1, 0, 1):
        raise forms.ValidationError(
            _("That PIN is one of the first anyone would try. Please choose a less obvious one.")
        )
    return pin


def _pin_input(**attrs):
    return forms.PasswordInput(
        attrs={
            "inputmode": "numeric",
            "pattern": "[0-9]*",
            "autocomplete": "off",
            "maxlength": PIN_LENGTH[1],
            **attrs,
        }
    )


class LockPinForm(ConfirmedWithPassphrase, forms.Form):
    """Set or change the PIN; the passphrase confirms it, so that someone who finds the phone
    unlocked cannot choose a PIN of their own and come back later."""

    pin = forms.CharField(
        label=_("New PIN"),
        help_text=PIN_HELP,
        strip=False,
        error_messages={"required": PIN_RULE},
        widget=_pin_input(),
    )
    pin_again = forms.CharField(
        label=_("The same PIN again"),
        strip=False,
        error_messages={
            "required": _(
                "Please type your new PIN a second time, so we know it's the one you meant."
            )
        },
        widget=_pin_input(),
    )
    password = forms.CharField(
        label=_("Your passphrase, to confirm"),
        strip=False,
        error_messages={"required": CONFIRM_WITH_PASSPHRASE},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    passphrase_refused = _("That passphrase doesn't match. Your PIN is as it was.")

    def __init__(self, *args, user, request, **kwargs):
        kwargs.setdefault("auto_id", "pin_%s")
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_pin(self):
        return _clean_new_pin(self.cleaned_data.get("pin"))

    def clean(self):
        cleaned = super().clean()
        pin, again = cleaned.get("pin"), (cleaned.get("pin_again") or "").strip()
        if pin and again != pin:
            self.add_error(
                "pin_again", _("The two PINs don't match. Take your time and type them again.")
            )
        return cleaned

    def save(self) -> None:
        self.user.set_lock_pin(self.cleaned_data["pin"])


class UnlockWithPinForm(forms.Form):
    pin = forms.CharField(
        label=_("Your PIN"),
        strip=False,
        error_messages={"required": _("Type your PIN to unlock.")},
        widget=_pin_input(autofocus=True),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_pin(self):
        pin = self.cleaned_data["pin"].strip()
        if not self.user.check_lock_pin(pin):
            raise forms.ValidationError(_("That PIN doesn't match."), code=WRONG)
        return pin

    def was_wrong(self) -> bool:
        return self.has_error("pin", WRONG)


class UnlockWithPassphraseForm(ConfirmedWithPassphrase, forms.Form):
    password = forms.CharField(
        label=_("Your passphrase"),
        strip=False,
        error_messages={"required": _("Type your passphrase to unlock.")},
        # Not offered by a password manager: whoever holds the phone could use it too.
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "autofocus": True}),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def was_wrong(self) -> bool:
        return self.has_error("password", WRONG)
