import re

import pytest
from django.urls import reverse

from selftrust.insights.models import Energy, Mood
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db
TODAY_URL = reverse("promises:today")


def card(page: str) -> str:
    return re.search(r'<form class="card daily-check".*?</form>', page, re.S).group(0)


def test_today_asks_mood_and_energy_in_words_each_in_its_own_fieldset(owner_client):
    found = card(owner_client.get(TODAY_URL).content.decode())
    assert found.count("<fieldset") == 2
    assert "<legend>Mood</legend>" in found and "<legend>Energy</legend>" in found
    for label in [*Mood.labels, *Energy.labels]:
        assert f"> {label}</label>" in found
    assert len(re.findall(r'type="radio" name="mood"', found)) == 5
    assert len(re.findall(r'type="radio" name="energy"', found)) == 4


def test_every_radio_has_a_label_that_names_it(owner_client):
    found = card(owner_client.get(TODAY_URL).content.decode())
    for radio_id in re.findall(r'type="radio" name="\w+" value="\d" id="([\w-]+)"', found):
        assert f'for="{radio_id}"' in found


def test_todays_answer_shows_as_chosen(owner_client, user):
    DailyCheckFactory(user=user, mood=Mood.VERY_GOOD, energy=Energy.DRAINED, note="Sunny")
    found = card(owner_client.get(TODAY_URL).content.decode())
    assert 'id="mood-5" checked' in found and 'id="energy-1" checked' in found
    assert 'value="Sunny"' in found
    assert "Not today" not in found


def test_yesterdays_answer_leaves_today_unanswered(owner_client, user):
    from datetime import timedelta

    DailyCheckFactory(user=user, day=user.local_today() - timedelta(days=1))
    found = card(owner_client.get(TODAY_URL).content.decode())
    assert " checked" not in found and "Not today" in found


def test_the_card_works_without_javascript(owner_client):
    found = card(owner_client.get(TODAY_URL).content.decode())
    assert 'method="post" action="/daily-check/"' in found
    assert 'type="submit"' in found and 'formaction="/daily-check/not-today/"' in found
