import hashlib
import secrets
import uuid
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "st_"


def available_time_zones() -> set[str]:
    return zoneinfo.available_timezones()


class LockAfter(models.IntegerChoices):
    """After how many minutes without use Selftrust locks itself (Settings, Privacy on this device)."""

    OFF = 0, _("Don't lock by itself")
    ONE_MINUTE = 1, _("1 minute")
    FIVE_MINUTES = 5, _("5 minutes")
    FIFTEEN_MINUTES = 15, _("15 minutes")
    AN_HOUR = 60, _("An hour")


class SignInLasts(models.TextChoices):
    """How long a sign-in lasts (the sign-in page's "Keep me signed in", and Settings).

    The rules are in `selftrust.accounts.sign_in_length`.
    """

    BROWSER = "browser", _("Until I close the browser (a day at most)")
    DAY = "day", _("For a day")
    FORTNIGHT = "fortnight", _("For 14 days")


def username_taken(username: str) -> bool:
    """Whether an account already has this name in any mix of capitals: "Sam" and "sam" could
    not be told apart where names are read (a link, a caseload, who looked)."""
    return User.objects.filter(username__iexact=username).exists()


class User(AbstractUser):
    """A person using Selftrust. Only a username and a passphrase are required."""

    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE)
    has_seen_welcome = models.BooleanField(default=False)
    # The country whose crisis lines Get help now shows (ISO 3166 code); blank: guessed.
    crisis_region = models.CharField(max_length=2, blank=True, default="")
    # Who this person is in anything exported for a clinician (FHIR `subject`): random, so it
    # says nothing about them, and the same on every app server of an installation.
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Bumped whenever promises or check-ins change, so cached summaries of this
    # person's record can be keyed on it without another query.
    record_version = models.PositiveIntegerField(default=0)
    # Bumped whenever anything of this person's that a page shows changes (data_version.py),
    # so a page kept as rendered (web/page_cache.py) is never shown after a change.
    data_version = models.PositiveBigIntegerField(default=0)
    # Sign-in attempts with this username that did not match since the person last signed
    # in; told to them, calmly, at their next sign-in, then set back to 0. A count only:
    # where and when the attempts came from is not kept.
    failed_sign_ins = models.PositiveIntegerField(default=0)
    # Privacy on a shared phone (selftrust/accounts/lock.py). Off until the person chooses:
    # a lock they did not ask for would stop them mid-sentence, in the middle of a hard moment.
    lock_after_minutes = models.PositiveSmallIntegerField(
        choices=LockAfter.choices, default=LockAfter.OFF
    )
    # A short PIN that unlocks the lock, hashed like a passphrase (never kept as typed); blank
    # when the person has none, and then the lock asks for the passphrase.
    lock_pin = models.CharField(max_length=128, blank=True, default="")
    # What sign-ins without the sign-in page's choice use (sign-up, a recovery code); the
    # choice last made there or in Settings. Each session keeps its own (sign_in_length.py).
    sign_in_lasts = models.CharField(
        max_length=10, choices=SignInLasts.choices, default=SignInLasts.BROWSER
    )
    # A therapist's account (care/): made by the operator or a clinic admin, never by sign-up
    # or the API. Therapists sign in with two factors before they can see anyone's data.
    is_therapist = models.BooleanField(default=False)

    def local_today(self):
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(self.time_zone))

    @property
    def record_cache_key(self) -> str:
        """Who this is and which version of their record, for keys of cached summaries. The
        pseudonym too: SQLite can give a deleted account's number to a new one, whose
        record_version starts again at 0."""
        return f"{self.pk}:{self.pseudonym.hex}:{self.record_version}"

    def note_record_changed(self) -> None:
        User.objects.filter(pk=self.pk).update(
            record_version=F("record_version") + 1, data_version=F("data_version") + 1
        )
        self.refresh_from_db(fields=["record_version", "data_version"])

    # The lock's PIN: hashed with the passphrase hashers (settings.PASSWORD_HASHERS).

    @property
    def has_lock_pin(self) -> bool:
        return bool(self.lock_pin)

    @property
    def has_lock(self) -> bool:
        """Whether this person has turned the lock on: a time to lock after, or a PIN."""
        return self.lock_after_minutes > 0 or self.has_lock_pin

    def set_lock_pin(self, pin: str) -> None:
        self.lock_pin = make_password(pin)
        self.save(update_fields=["lock_pin"])

    def remove_lock_pin(self) -> None:
        self.lock_pin = ""
        self.save(update_fields=["lock_pin"])

    def check_lock_pin(self, pin: str) -> bool:
        if not self.lock_pin or not pin:
            return False

        def rehash(raw: str) -> None:  # a PIN hashed with an older hasher is brought up to date
            self.lock_pin = make_password(raw)
            User.objects.filter(pk=self.pk).update(lock_pin=self.lock_pin)

        return check_password(pin, self.lock_pin, setter=rehash)


class ApiTokenQuerySet(models.QuerySet):
    def for_secret(self, secret: str):
        return self.filter(digest=ApiToken.digest_of(secret)).select_related("user")


class ApiToken(models.Model):
    """A personal token for scripts. Only its SHA-256 digest is stored; the secret is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=60)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(
        max_length=12, help_text="The first characters, to recognise the token."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """Create a token and return it with its secret, which is never stored."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, digest=cls.digest_of(secret), hint=secret[:10]
        )
        return token, secret


class RecoveryCode(models.Model):
    """A one-time code that lets a person set a new passphrase when they have forgotten theirs.

    Only a keyed digest is stored (see `selftrust.accounts.recovery`); the code itself is shown
    once, right after it is made.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Recovery code of {self.user_id} ({'used' if self.used_at else 'unused'})"


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())

    def for_secret(self, secret: str):
        return self.filter(digest=Invitation.digest_of(secret))


class Invitation(models.Model):
    """A link that lets one person make an account when sign-up is by invitation.

    Like an API token, only the SHA-256 digest of its secret is stored; the link is shown once.
    """

    LIFETIME = timedelta(days=7)

    digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_made",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_used",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Invitation made {self.created_at:%Y-%m-%d}"

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, created_by) -> tuple["Invitation", str]:
        """Make an invitation and return it with its secret, which is never stored."""
        secret = secrets.token_urlsafe(24)
        invitation = cls.objects.create(
            digest=cls.digest_of(secret),
            created_by=created_by,
            expires_at=timezone.now() + cls.LIFETIME,
        )
        return invitation, secret

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    @property
    def has_expired(self) -> bool:
        return self.used_at is None and self.expires_at <= timezone.now()

    def accept(self, user) -> bool:
        """Mark the invitation used by `user`; False if someone else used it first.

        One conditional UPDATE, so two people opening the same link at once cannot both use it.
        """
        taken = (
            Invitation.objects.usable()
            .filter(pk=self.pk)
            .update(used_at=timezone.now(), used_by=user)
        )
        return taken == 1
