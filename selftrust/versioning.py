"""Versions for everything a person edits, so two devices never silently overwrite each other.

The laptop opens the safety plan, the phone adds a reason, the laptop saves what it opened:
without versions the phone's reason is gone and nobody is told. Every editable thing (a
promise, the plan, a trusted person, a practice entry) carries a `version` that goes up by
one on every save. A form carries the version it was opened at, the API answers GETs with
an `ETag` and honours `If-Match`; a save that was based on an older version is refused
before anything is written (`StaleVersion`), and the caller shows both versions or answers
412. Saves without a version (old API clients) still work, as before.
"""

import re
from collections.abc import Collection
from contextlib import contextmanager

from django.db import models, transaction
from django.db.models import F


class Versioned(models.Model):
    """A model whose every save raises its version by one."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        # Counted by the database, not from this copy: a copy read before someone else's
        # save must still produce a new number, never reuse one.
        read_version = self.version
        self.version = F("version") + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.version = read_version
            raise
        self.refresh_from_db(fields=["version"])
        return None

    def touch(self) -> None:
        """A change to something that belongs to this one (a decision's look-back) is a
        change to it, too."""
        self.save(update_fields=[f.name for f in self._meta.fields if f.name == "updated_at"])

    @property
    def etag(self) -> str:
        return etag(self.version)


class StaleVersion(Exception):
    """The thing was saved elsewhere after the version this change was based on."""

    def __init__(self, current_version: int):
        super().__init__(f"changed meanwhile (now version {current_version})")
        self.current_version = current_version


def etag(version: int) -> str:
    return f'"v{version}"'


def current_version(instance) -> int | None:
    """The saved version, locking the row until the end of the transaction (PostgreSQL; on
    SQLite the transaction already holds the write lock)."""
    manager = type(instance)._default_manager
    return (
        manager.select_for_update().filter(pk=instance.pk).values_list("version", flat=True).first()
    )


@contextmanager
def unchanged_since(instance, expected: int | Collection[int] | None):
    """Run the save inside this block; it is refused if `instance` changed after `expected`
    (one version, or several as an `If-Match` list may name).

    `expected` None means the caller did not say (an old client): the save goes ahead.
    """
    with transaction.atomic():
        if expected is not None and instance.pk is not None:
            allowed = {expected} if isinstance(expected, int) else set(expected)
            now = current_version(instance)
            if now is not None and now not in allowed:
                raise StaleVersion(now)
        yield


def version_from_form(value) -> int | None:
    """The version a form was opened at (its hidden `version` field); None if absent."""
    if value is None or not str(value).strip().isdigit():
        return None
    return int(str(value).strip())


_TAG = re.compile(r'^(?:W/)?"v(\d{1,18})"$')


class UnreadableIfMatch(ValueError):
    pass


def version_from_if_match(header: str | None) -> frozenset[int] | None:
    """`If-Match: "v3"` -> {3}; no header or `*` -> None (save whatever is there).

    HTTP allows a list ("v3", "v4"): the save goes ahead if the current version is in it.
    """
    if header is None or header.strip() in ("", "*"):
        return None
    versions = []
    for part in header.split(","):
        match = _TAG.match(part.strip())
        if match is None:
            raise UnreadableIfMatch(part.strip())
        versions.append(int(match.group(1)))
    return frozenset(versions)
