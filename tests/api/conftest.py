import json

import pytest

from tests.factories import api_token_for


class ApiClient:
    """Calls the API the way a script would: JSON bodies and a bearer token."""

    def __init__(self, client, token=None):
        self.client = client
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def get(self, path):
        return self.client.get(f"/api/v1{path}", **self.headers)

    def send(self, method, path, body):
        data = body if isinstance(body, str) else json.dumps(body)
        return getattr(self.client, method)(
            f"/api/v1{path}", data=data, content_type="application/json", **self.headers
        )

    def post(self, path, body):
        return self.send("post", path, body)

    def patch(self, path, body):
        return self.send("patch", path, body)

    def delete(self, path):
        return self.client.delete(f"/api/v1{path}", **self.headers)


@pytest.fixture
def api(client, user):
    return ApiClient(client, api_token_for(user))


@pytest.fixture
def other_api(client, other_user):
    return ApiClient(client, api_token_for(other_user))


@pytest.fixture
def anonymous_api(client):
    return ApiClient(client)
