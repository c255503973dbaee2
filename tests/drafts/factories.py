"""A draft as the store keeps it (kept here beside the drafts tests; tests/factories.py holds
the factories every area shares)."""

import factory

from selftrust.drafts.models import Draft
from tests.factories import UserFactory


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Draft

    user = factory.SubFactory(UserFactory)
    key = "practice:win:new"
    data = factory.LazyFunction(lambda: {"win": ["Half a thought"]})
