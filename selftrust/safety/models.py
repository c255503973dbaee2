from urllib.parse import quote

from django.conf import settings
from django.db import models

from selftrust.safety.phones import dialable
from selftrust.versioning import Versioned


class TrustedPersonQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)


class TrustedPerson(Versioned):
    """Someone the person can turn to, and how to reach them. Only they ever see this list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trusted_people"
    )
    name = models.CharField(max_length=80)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    # What they are good for: "good listener", "will come over", "makes me laugh".
    good_for = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrustedPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def phone_digits(self) -> str:
        """The number as a dialler wants it: digits, with a leading + kept."""
        return dialable(self.phone)

    # Ready-made links for the pages and the API: "" when there is no way to reach them so.
    @property
    def call_href(self) -> str:
        return f"tel:{self.phone_digits}" if self.phone_digits else ""

    @property
    def text_href(self) -> str:
        return f"sms:{self.phone_digits}" if self.phone_digits else ""

    @property
    def email_href(self) -> str:
        # "?", "#" and "%" are legal in an address but mean something else in a link.
        return f"mailto:{quote(self.email, safe='@+')}" if self.email else ""


class SafetyPlan(Versioned):
    """One person's safety plan, in the order of the Stanley–Brown Safety Planning Intervention.

    Each written section holds one thing per line. `plan.SECTIONS` names and explains them.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = models.TextField(blank=True)
    coping_on_my_own = models.TextField(blank=True)
    people_and_places = models.TextField(blank=True)
    company_people = models.ManyToManyField(TrustedPerson, blank=True, related_name="+")
    help_people = models.ManyToManyField(TrustedPerson, blank=True, related_name="+")
    asking_for_help = models.TextField(blank=True)
    professionals = models.TextField(blank=True)
    safer_surroundings = models.TextField(blank=True)
    reasons_for_living = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.user}"
