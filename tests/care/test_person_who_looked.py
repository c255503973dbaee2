"""Who looked: every look a therapist took, in plain sentences, gathered into visits."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from selftrust.care import categories, looks
from selftrust.care.links import end_link
from selftrust.care.models import AccessRecord
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TUESDAY_EVENING = datetime(2026, 11, 3, 17, 2, tzinfo=UTC)  # 18:02 in Berlin


def look(person, therapist, category, at, allowed=True):
    return AccessRecord.objects.create(
        person=person,
        therapist=therapist,
        therapist_name=therapist.username if therapist else "gone",
        category=category,
        at=at,
        allowed=allowed,
    )


@pytest.fixture
def berliner(db):
    return UserFactory(time_zone="Europe/Berlin")


@pytest.fixture
def sam(db):
    return make_therapist(username="sam")


@pytest.fixture
def berlin_client(client, berliner):
    client.force_login(berliner)
    return client


def lines(client, url=None) -> str:
    return client.get(
        url or reverse("care:who-looked"), HTTP_ACCEPT_LANGUAGE="en-GB"
    ).content.decode()


def test_a_look_reads_as_a_sentence_in_the_persons_time_zone(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=["practice-thought-record"])
    look(berliner, sam, "practice-thought-record", TUESDAY_EVENING)
    page = lines(berlin_client)
    assert (
        "Your therapist sam looked at your entries in “Thought record” on Tuesday 3 November "
        "at 18:02." in page
    )


def test_a_look_at_something_not_shared_says_nothing_was_shown(berlin_client, berliner, sam):
    link_between(berliner, sam)
    look(berliner, sam, categories.SAFETY_PLAN, TUESDAY_EVENING, allowed=False)
    page = lines(berlin_client)
    assert (
        "Your therapist sam tried to open your safety plan on Tuesday 3 November at 18:02." in page
    )
    assert "You weren&#x27;t sharing it with them, so nothing was shown." in page


def test_one_visit_of_many_looks_is_one_line_with_how_many_times(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD, categories.PROMISES])
    for minutes in range(0, 8):
        look(berliner, sam, categories.MOOD, TUESDAY_EVENING + timedelta(minutes=minutes))
    look(berliner, sam, categories.PROMISES, TUESDAY_EVENING + timedelta(minutes=3))
    look(berliner, sam, categories.SAFETY_PLAN, TUESDAY_EVENING + timedelta(minutes=4), False)
    page = lines(berlin_client)
    assert (
        "Your therapist sam looked at your promises and track record and your mood and energy "
        "(8 times) on Tuesday 3 November, from 18:02 to 18:09." in page
    )
    assert "sam also tried to open your safety plan." in page
    assert page.count('<li class="look') == 1


def test_looks_far_apart_are_separate_visits(berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING)
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING + looks.VISIT_GAP + timedelta(minutes=1))
    assert len(looks.latest_visits(berliner, 10)) == 2


def test_two_therapists_looking_at_once_each_have_their_own_visit(berliner, sam):
    alex = make_therapist(username="alex")
    link_between(berliner, sam, shared=[categories.MOOD])
    link_between(berliner, alex, shared=[categories.MOOD])
    for minutes in range(4):
        who = sam if minutes % 2 else alex
        look(berliner, who, categories.MOOD, TUESDAY_EVENING + timedelta(minutes=minutes))
    visits = looks.latest_visits(berliner, 10)
    assert sorted((v.therapist_name, v.looks) for v in visits) == [("alex", 2), ("sam", 2)]


def test_someone_never_linked_is_not_called_your_therapist(berlin_client, berliner):
    stranger = make_therapist(username="stranger")
    look(berliner, stranger, "link", TUESDAY_EVENING, allowed=False)
    page = lines(berlin_client)
    assert "stranger, a therapist you aren&#x27;t linked with, tried to open your page" in page


def test_looks_of_a_therapist_whose_account_is_gone_keep_their_name(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING)
    sam.delete()
    page = lines(berlin_client)
    assert "sam, whose account has since been closed, looked at your mood and energy" in page


def test_a_former_therapist_is_still_named_as_your_therapist(berlin_client, berliner, sam):
    link = link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING)
    end_link(link, "person")
    assert "Your therapist sam looked at your mood and energy" in lines(berlin_client)


def test_a_look_from_another_year_says_the_year(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, datetime(2020, 3, 3, 9, 0, tzinfo=UTC))
    assert "on Tuesday 3 March 2020 at 10:00" in lines(berlin_client)


def test_the_care_page_and_settings_show_the_latest_visits(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING)
    sentence = "Your therapist sam looked at your mood and energy"
    assert sentence in lines(berlin_client, reverse("care:home"))
    assert sentence in lines(berlin_client, reverse("accounts:settings"))


def test_with_no_looks_the_list_says_so(berlin_client):
    assert "No therapist has looked at anything of yours." in lines(berlin_client)


def test_the_list_is_paged_by_visits(berlin_client, berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    for day in range(looks.VISITS_PER_PAGE + 2):
        look(berliner, sam, categories.MOOD, TUESDAY_EVENING - timedelta(days=day))
    first = lines(berlin_client)
    assert first.count('<li class="look') == looks.VISITS_PER_PAGE
    assert "Older looks" in first
    second = lines(berlin_client, reverse("care:who-looked") + "?page=2")
    assert second.count('<li class="look') == 2


def test_my_list_holds_only_looks_at_me(client, berliner, sam):
    someone = UserFactory()
    link_between(someone, sam, shared=[categories.MOOD])
    look(someone, sam, categories.MOOD, TUESDAY_EVENING)
    client.force_login(berliner)
    assert "No therapist has looked" in lines(client)


def test_a_therapist_cannot_read_the_list_of_looks(berliner, sam):
    link_between(berliner, sam, shared=[categories.MOOD])
    look(berliner, sam, categories.MOOD, TUESDAY_EVENING)
    client = signed_in_verified(sam)
    assert client.get(reverse("care:who-looked")).status_code == 404
    assert "looked at your mood" not in client.get(reverse("accounts:settings")).content.decode()
