import pytest

from tests.factories import PASSPHRASE, UserFactory


@pytest.fixture
def person(settings):
    """`river`, whose passphrase is PASSPHRASE, with quick hashing for tests that check it often.

    Argon2 is slow on purpose (about 0.2 s a check) and the sign-in tests check dozens of
    times. The factories share one Argon2 hash made on first use, so it is made before MD5
    is switched on; Argon2 stays listed so that hash still verifies.
    """
    UserFactory.build()
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    person = UserFactory(username="river")
    person.set_password(PASSPHRASE)
    person.save()
    return person
