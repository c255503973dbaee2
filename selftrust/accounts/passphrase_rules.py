"""The rules a new passphrase must meet: Django's own, in our words.

Django's password validators say "password"; everywhere else Selftrust says "passphrase",
and one word for one thing is easier to trust. These keep Django's rules exactly (the same
checks, the same list of common passwords) and change only what they say.
AUTH_PASSWORD_VALIDATORS in settings.py points here.
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLength(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return (
            ngettext(
                "This passphrase is too short. Please use at least %d character; "
                "a few words you'll remember work well.",
                "This passphrase is too short. Please use at least %d characters; "
                "a few words you'll remember work well.",
                self.min_length,
            )
            % self.min_length
        )

    def get_help_text(self) -> str:
        return ngettext(
            "Your passphrase needs at least %(min_length)d character.",
            "Your passphrase needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class NotLikeTheUsername(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _(
            "This passphrase is too similar to your %(verbose_name)s, so someone could guess "
            "it. Please choose one that's different from it."
        )

    def get_help_text(self) -> str:
        return _("Your passphrase can't be too close to your username.")


class NotCommon(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _(
            "This passphrase is too common: many people use it, so it's easy to guess. "
            "Please choose one of your own."
        )

    def get_help_text(self) -> str:
        return _("Your passphrase can't be one that many people use.")
