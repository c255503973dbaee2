"""A promise made only of invisible characters would show as a blank card on Today."""

import pytest
from django.urls import reverse

from selftrust.promises.models import Promise

pytestmark = pytest.mark.django_db


def test_a_promise_of_zero_width_spaces_is_refused_and_nothing_is_made(owner_client):
    response = owner_client.post(
        reverse("promises:create"), {"text": "\u200b\u200b", "schedule": "daily"}
    )
    assert response.status_code == 400
    assert "only invisible characters came through" in response.content.decode()
    assert not Promise.objects.exists()
