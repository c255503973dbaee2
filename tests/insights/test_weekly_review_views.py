from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.insights.models import DailyCheck, Energy, WeeklyReview
from selftrust.promises.models import CheckIn, Outcome, Promise, Schedule
from tests.factories import PromiseFactory
from tests.insights.factories import WeeklyReviewFactory

pytestmark = pytest.mark.django_db
LIST_URL = reverse("insights:weekly_reviews")
NEW_URL = reverse("insights:weekly_review_new")
CRISIS_WORDS = "I want to kill myself"


def detail_url(review) -> str:
    return reverse("insights:weekly_review", args=[review.pk])


def edit_url(review) -> str:
    return reverse("insights:weekly_review_edit", args=[review.pk])


def answers(**values) -> dict:
    return {"kept": "", "got_in_the_way": "", "learned": "", "next_promise_text": "", **values}


# --- who may see what ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["weekly_reviews", "weekly_review_new"])
def test_someone_not_signed_in_is_asked_to_sign_in(client, name):
    response = client.get(reverse(f"insights:{name}"))
    assert response.status_code == 302 and "/login/" in response.url


def test_someone_not_signed_in_cannot_open_or_change_a_review(client):
    review = WeeklyReviewFactory()
    for url in (detail_url(review), edit_url(review)):
        assert "/login/" in client.get(url).url
    assert "/login/" in client.post(edit_url(review), answers(kept="Mine now")).url
    review.refresh_from_db()
    assert review.kept == "Drank water most mornings"


def test_another_persons_review_is_not_found(owner_client, other_user):
    theirs = WeeklyReviewFactory(user=other_user, kept="Their words")
    assert owner_client.get(detail_url(theirs)).status_code == 404
    assert owner_client.get(edit_url(theirs)).status_code == 404
    response = owner_client.post(edit_url(theirs), answers(kept="Changed by someone else"))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.kept == "Their words"


def test_the_list_holds_only_the_persons_own_reviews_newest_first(owner_client, user, other_user):
    today = user.local_today()
    WeeklyReviewFactory(user=user, week_ending=today - timedelta(days=14), kept="Older week")
    WeeklyReviewFactory(user=user, week_ending=today, kept="This week")
    WeeklyReviewFactory(user=other_user, kept="Someone else's week")
    html = owner_client.get(LIST_URL).content.decode()
    assert html.index("This week") < html.index("Older week")
    assert "Someone else" not in html


def test_a_long_list_comes_a_page_at_a_time(owner_client, user):
    today = user.local_today()
    for week in range(25):
        WeeklyReviewFactory(user=user, week_ending=today - timedelta(weeks=week), kept=f"W{week}.")
    first = owner_client.get(LIST_URL).content.decode()
    second = owner_client.get(LIST_URL, {"page": 2}).content.decode()
    assert "W0." in first and "W24." not in first and "Page 1 of 2" in first
    assert "W24." in second and "W0." not in second


# --- the ritual ---------------------------------------------------------------------------------


def test_the_review_starts_from_the_week_in_plain_words(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=10))
    CheckIn.objects.create(promise=promise, day=today, outcome=Outcome.KEPT)
    CheckIn.objects.create(promise=promise, day=today - timedelta(days=1), outcome=Outcome.LET_GO)
    DailyCheck.objects.create(user=user, day=today, energy=Energy.STEADY)
    html = owner_client.get(NEW_URL).content.decode()
    assert html.index("Your week in plain words") < html.index("What I kept")
    assert "Promises: 1 kept, 1 let go kindly, 5 without an answer." in html
    assert "Energy, on 1 day: Steady." in html
    assert "No practice entries in these seven days." in html
    for question in ("What got in the way", "What I learned about myself", "One promise"):
        assert question in html


def test_without_enough_days_nothing_is_linked_and_the_page_says_what_it_needs(owner_client):
    html = owner_client.get(NEW_URL).content.decode()
    assert "Not enough yet to say whether your energy and your promises go together" in html
    assert "at least 14 days" in html
    assert "This is something to notice, not a rule." not in html


def test_with_enough_days_a_link_is_told_with_its_numbers_as_an_observation(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=30))
    for offset in range(14):
        day = today - timedelta(days=offset)
        lively = offset < 7
        DailyCheck.objects.create(user=user, day=day, energy=4 if lively else 1)
        outcome = Outcome.KEPT if lively else Outcome.NOT_THIS_TIME
        CheckIn.objects.create(promise=promise, day=day, outcome=outcome)
    html = owner_client.get(NEW_URL).content.decode()
    assert "on days your energy was higher, you kept more of the promises you answered" in html
    assert "Energy Steady or Lively: 7 days, 100% kept of 7 answers." in html
    assert "Energy Drained or Low: 7 days, 0% kept of 7 answers." in html
    assert "This is something to notice, not a rule." in html


def test_a_review_is_kept_and_shown_back(owner_client, user):
    response = owner_client.post(
        NEW_URL, answers(kept="Went outside twice", learned="Mornings are easier for me")
    )
    review = WeeklyReview.objects.get(user=user)
    assert response.status_code == 302 and response.url == detail_url(review)
    assert review.week_ending == user.local_today() and review.next_promise is None
    page = owner_client.get(response.url).content.decode()
    assert "Your review is kept." in page
    assert "Went outside twice" in page and "Mornings are easier for me" in page
    assert "Change this review" in page


def test_a_review_with_nothing_written_saves_nothing_and_says_so_kindly(owner_client, user):
    response = owner_client.post(NEW_URL, answers(kept="   "))
    assert response.status_code == 400
    assert "Write a few words in any part, or leave it for another day." in (
        response.content.decode()
    )
    assert not WeeklyReview.objects.exists()


def test_a_promise_for_next_week_becomes_a_real_promise(owner_client, user):
    version = user.record_version
    response = owner_client.post(NEW_URL, answers(next_promise_text="Stretch after lunch"))
    review = WeeklyReview.objects.get(user=user)
    promise = Promise.objects.get(user=user)
    assert review.next_promise == promise and review.next_promise_text == "Stretch after lunch"
    assert (promise.text, promise.schedule) == ("Stretch after lunch", Schedule.DAILY)
    assert promise.starts_on == user.local_today()
    user.refresh_from_db()
    assert user.record_version > version  # Today and the track record see it at once
    page = owner_client.get(response.url).content.decode()
    assert "“Stretch after lunch” is one of your promises now" in page
    assert "Stretch after lunch" in owner_client.get(reverse("promises:today")).content.decode()


def test_a_pledge_not_to_hurt_oneself_is_not_made_a_promise_and_nothing_is_saved(owner_client):
    response = owner_client.post(
        NEW_URL, answers(kept="A hard week", next_promise_text="I will never hurt myself again")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "too much for a single promise to hold" in page
    assert "A hard week" in page  # what was written is still there
    assert not WeeklyReview.objects.exists() and not Promise.objects.exists()


def test_markup_in_any_part_is_refused_and_nothing_is_saved(owner_client):
    response = owner_client.post(NEW_URL, answers(learned="<script>x</script>"))
    assert response.status_code == 400
    assert "Plain words are all we need here" in response.content.decode()
    assert not WeeklyReview.objects.exists()


def test_crisis_words_in_a_review_sent_back_bring_support_with_the_correction(owner_client):
    response = owner_client.post(
        NEW_URL, answers(got_in_the_way=CRISIS_WORDS, learned="<script>x</script>")
    )
    assert response.status_code == 400
    assert "You don't have to hold this alone" in response.content.decode()
    assert not WeeklyReview.objects.exists()


def test_words_that_suggest_crisis_bring_support_after_saving(owner_client, user):
    response = owner_client.post(NEW_URL, answers(got_in_the_way=CRISIS_WORDS))
    assert WeeklyReview.objects.filter(user=user).exists()
    page = owner_client.get(response.url).content.decode()
    assert "You don't have to hold this alone" in page
    assert "What you wrote is saved." in page


def test_an_ordinary_review_brings_no_support_panel(owner_client):
    response = owner_client.post(NEW_URL, answers(kept="Cooked dinner"))
    page = owner_client.get(response.url).content.decode()
    assert "You don't have to hold this alone" not in page


# --- drafts ----------------------------------------------------------------------------------


def test_what_is_typed_is_kept_as_a_draft_and_given_back(owner_client, user):
    autosave = reverse("drafts:autosave", args=[draft_keys.WEEKLY_REVIEW_NEW])
    assert owner_client.post(autosave, {"kept": "Half a thought"}).status_code == 204
    page = owner_client.get(NEW_URL).content.decode()
    assert "We kept what you were writing last time" in page
    assert "Half a thought</textarea>" in page


def test_saving_lets_the_draft_go(owner_client, user):
    drafts.save(user, draft_keys.WEEKLY_REVIEW_NEW, {"kept": ["Typed"]})
    owner_client.post(NEW_URL, answers(kept="Typed and saved"))
    assert drafts.get(user, draft_keys.WEEKLY_REVIEW_NEW) is None


def test_a_refused_review_keeps_its_words_in_the_draft(owner_client, user):
    owner_client.post(NEW_URL, answers(kept="Kept words", learned="<b>bold</b>"))
    assert drafts.get(user, draft_keys.WEEKLY_REVIEW_NEW)["kept"] == ["Kept words"]


def test_no_draft_can_be_kept_of_someone_elses_review(owner_client, other_user):
    theirs = WeeklyReviewFactory(user=other_user)
    autosave = reverse("drafts:autosave", args=[draft_keys.weekly_review_edit(theirs.pk)])
    assert owner_client.post(autosave, {"kept": "Sneaky"}).status_code == 404


def test_a_draft_of_changes_is_kept_for_ones_own_review(owner_client, user):
    review = WeeklyReviewFactory(user=user)
    autosave = reverse("drafts:autosave", args=[draft_keys.weekly_review_edit(review.pk)])
    assert owner_client.post(autosave, {"kept": "Changing my mind"}).status_code == 204
    assert "Changing my mind</textarea>" in owner_client.get(edit_url(review)).content.decode()


# --- changing a review -----------------------------------------------------------------------


def test_a_review_can_be_changed_for_seven_days(owner_client, user):
    review = WeeklyReviewFactory(user=user, week_ending=user.local_today() - timedelta(days=6))
    data = answers(kept="Added the next morning", version=review.version)
    response = owner_client.post(edit_url(review), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.kept == "Added the next morning" and review.version == 2


def test_after_seven_days_a_review_is_kept_as_written(owner_client, user):
    review = WeeklyReviewFactory(user=user, week_ending=user.local_today() - timedelta(days=7))
    assert owner_client.get(edit_url(review)).url == detail_url(review)
    response = owner_client.post(edit_url(review), answers(kept="Too late"))
    assert response.url == detail_url(review)
    review.refresh_from_db()
    assert review.kept == "Drank water most mornings"
    page = owner_client.get(detail_url(review)).content.decode()
    assert "a review can be changed for seven days" in page and "Change this review" not in page


def test_a_promise_already_made_is_changed_on_the_promise_page_not_twice(owner_client, user):
    owner_client.post(NEW_URL, answers(next_promise_text="Walk to the corner"))
    review = WeeklyReview.objects.get(user=user)
    page = owner_client.get(edit_url(review)).content.decode()
    assert "You made a promise from this review" in page
    assert 'name="next_promise_text"' not in page
    owner_client.post(edit_url(review), answers(kept="More", next_promise_text="Another one"))
    review.refresh_from_db()
    assert Promise.objects.filter(user=user).count() == 1
    assert (review.kept, review.next_promise_text) == ("More", "Walk to the corner")


def test_a_promise_added_later_is_made_once(owner_client, user):
    review = WeeklyReviewFactory(user=user)
    owner_client.post(edit_url(review), answers(kept="x", next_promise_text="Read one page"))
    owner_client.post(edit_url(review), answers(kept="y", next_promise_text="Read one page"))
    assert list(Promise.objects.filter(user=user).values_list("text", flat=True)) == [
        "Read one page"
    ]


def test_a_change_made_elsewhere_meanwhile_is_shown_not_overwritten(owner_client, user):
    review = WeeklyReviewFactory(user=user, kept="First words")
    opened_at = review.version
    review.kept = "Saved on the phone"
    review.save()
    response = owner_client.post(
        edit_url(review), answers(kept="From the laptop", version=opened_at)
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "This was changed somewhere else while you were writing" in page
    assert "Saved on the phone" in page and "From the laptop" in page
    review.refresh_from_db()
    assert review.kept == "Saved on the phone"


# --- speed -----------------------------------------------------------------------------------


def _ten_years(user, days):
    today = user.local_today()
    start = today - timedelta(days=days - 1)
    promises = [PromiseFactory(user=user, starts_on=start) for _ in range(3)]
    CheckIn.objects.bulk_create(
        CheckIn(promise=p, day=start + timedelta(days=n), outcome=Outcome.values[n % 4])
        for p in promises
        for n in range(days)
    )
    DailyCheck.objects.bulk_create(
        DailyCheck(user=user, day=start + timedelta(days=n), mood=1 + n % 5, energy=1 + n % 4)
        for n in range(days)
    )
    for week in range(days // 7):
        WeeklyReviewFactory(user=user, week_ending=today - timedelta(weeks=week))


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_review_pages_ask_as_many_queries_for_a_month_as_for_ten_years(
    client, user, other_user
):
    _ten_years(user, 30)
    _ten_years(other_user, 3650)
    counts = {}
    for person in (user, other_user):
        client.force_login(person)
        newest = WeeklyReview.objects.filter(user=person).first()
        counts[person.pk] = [
            _queries(client, url)
            for url in (NEW_URL, LIST_URL, detail_url(newest), edit_url(newest))
        ]
    assert counts[user.pk] == counts[other_user.pk]
    assert max(counts[other_user.pk]) <= 14
