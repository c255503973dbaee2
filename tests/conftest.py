import os
import tempfile

# Tests never touch a real installation's data folder.
os.environ.setdefault("SELFTRUST_DATA_DIR", tempfile.mkdtemp(prefix="selftrust-test-"))

import pytest  # noqa: E402
from django.core.cache import caches  # noqa: E402

from tests.factories import UserFactory  # noqa: E402


def forget_kept_pages() -> None:
    """The next request makes its page afresh (web/page_cache.py), as the first view after a
    change does: for tests that count what making a page asks the database."""
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _empty_cache():
    # Every cache, the kept pages (web/page_cache.py) included.
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def client():
    """A test client that, like every real browser, says which languages it prefers.

    Get help now guesses the person's country from it: en-US shows the US lines (988, 911).
    """
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")


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
