"""Start-up checks: a misspelt Web Push setting stops `selftrust migrate` and `check`, not the
first reminder at three in the morning."""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.compatibility)
def vapid_settings(app_configs, **kwargs):
    from selftrust.reminders import vapid

    variables = (vapid.PRIVATE_VARIABLE, vapid.PUBLIC_VARIABLE, vapid.SUBJECT_VARIABLE)
    if not any(os.environ.get(name) for name in variables):
        return []
    try:
        if os.environ.get(vapid.PRIVATE_VARIABLE):
            vapid.keys()
        else:
            vapid.subject()
    except ImproperlyConfigured as problem:
        return [checks.Error(str(problem), id="reminders.E001")]
    if os.environ.get(vapid.PUBLIC_VARIABLE) and not os.environ.get(vapid.PRIVATE_VARIABLE):
        return [
            checks.Error(
                f"{vapid.PUBLIC_VARIABLE} is set without {vapid.PRIVATE_VARIABLE}.",
                hint="Set the private key too (the public one is worked out from it).",
                id="reminders.E002",
            )
        ]
    return []
