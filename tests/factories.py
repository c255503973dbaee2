from functools import cache

import factory
from django.contrib.auth.hashers import make_password

from selftrust.accounts.models import ApiToken, User
from selftrust.promises.models import CheckIn, Outcome, Promise, Schedule

PASSPHRASE = "quiet morning tea"


@cache
def _hashed_passphrase() -> str:
    # Argon2 is slow on purpose; hash once and share it across test users.
    return make_password(PASSPHRASE)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"person{n}")
    time_zone = "UTC"
    has_seen_welcome = True
    password = factory.LazyFunction(_hashed_passphrase)


class PromiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promise

    user = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Rest for ten minutes ({n})")
    schedule = Schedule.DAILY
    weekdays = factory.LazyFunction(list)
    starts_on = factory.LazyAttribute(lambda o: o.user.local_today())


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    promise = factory.SubFactory(PromiseFactory)
    day = factory.LazyAttribute(lambda o: o.promise.user.local_today())
    outcome = Outcome.KEPT
    note = ""


def api_token_for(user) -> str:
    _token, secret = ApiToken.issue(user, "tests")
    return secret
