import os
import tempfile

# Tests never touch a real installation's data folder.
os.environ.setdefault("SELFTRUST_DATA_DIR", tempfile.mkdtemp(prefix="selftrust-test-"))

import pytest  # noqa: E402
from django.core.cache import cache  # noqa: E402

from tests.factories import UserFactory  # noqa: E402


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def owner_client(client, user):
    client.force_login(user)
    return client
