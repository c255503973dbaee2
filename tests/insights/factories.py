import factory

from selftrust.insights.models import DailyCheck, Energy, Mood
from tests.factories import UserFactory


class DailyCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyCheck

    user = factory.SubFactory(UserFactory)
    day = factory.LazyAttribute(lambda o: o.user.local_today())
    mood = Mood.OKAY
    energy = Energy.STEADY
    note = ""
