import factory

from selftrust.insights.models import DailyCheck, Energy, Mood, WeeklyReview
from tests.factories import UserFactory


class DailyCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyCheck

    user = factory.SubFactory(UserFactory)
    day = factory.LazyAttribute(lambda o: o.user.local_today())
    mood = Mood.OKAY
    energy = Energy.STEADY
    note = ""


class WeeklyReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeeklyReview

    user = factory.SubFactory(UserFactory)
    week_ending = factory.LazyAttribute(lambda o: o.user.local_today())
    kept = "Drank water most mornings"
    got_in_the_way = "A late night on Wednesday"
    learned = "Rest helps me more than I thought"
    next_promise_text = ""
