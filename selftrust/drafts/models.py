from django.conf import settings
from django.db import models


class Draft(models.Model):
    """What a person has typed in a form and not saved yet, kept until they save or clear it.

    One per person and form: `key` names the form (see keys.py), `data` holds what the browser
    posted, every field name with its list of values, exactly as typed (even words the form
    would refuse), so that nothing written is ever lost to a reload, a timeout or a crash.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    key = models.CharField(max_length=120)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="drafts_one_per_person_and_form")
        ]
        # The scheduled purge looks for drafts nobody has touched in a long while.
        indexes = [models.Index(fields=["updated_at"], name="drafts_updated_at")]

    def __str__(self) -> str:
        return self.key
