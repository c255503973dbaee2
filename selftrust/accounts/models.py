import hashlib
import secrets
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F
from django.utils import timezone

TOKEN_PREFIX = "st_"


def available_time_zones() -> set[str]:
    return zoneinfo.available_timezones()


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

    def local_today(self):
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(self.time_zone))

    def note_record_changed(self) -> None:
        User.objects.filter(pk=self.pk).update(record_version=F("record_version") + 1)
        self.refresh_from_db(fields=["record_version"])


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
