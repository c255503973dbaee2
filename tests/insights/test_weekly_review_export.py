import copy
import json
from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.accounts.deletion import delete_account
from selftrust.accounts.export import export_for
from selftrust.accounts.export_csv import README, csv_tables
from selftrust.accounts.importing import ImportRefused, import_export
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.insights.models import WeeklyReview
from tests.factories import PromiseFactory, UserFactory
from tests.insights.factories import WeeklyReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(user):
    today = user.local_today()
    promise = PromiseFactory(user=user, text="Stretch after lunch")
    WeeklyReviewFactory(
        user=user,
        week_ending=today - timedelta(days=30),
        kept="=SUM(A1) is how I felt",
        got_in_the_way="",
        learned="Rest helps",
    )
    WeeklyReviewFactory(
        user=user,
        week_ending=today,
        next_promise_text="Stretch after lunch",
        next_promise=promise,
    )
    return json.loads(json.dumps(export_for(user)))


def test_the_export_holds_every_review_oldest_first(exported, user):
    older, newer = exported["weekly_reviews"]
    assert older["kept"] == "=SUM(A1) is how I felt" and older["promise_id"] is None
    assert newer["week_ending"] == user.local_today().isoformat()
    assert newer["next_promise"] == "Stretch after lunch"
    (promise,) = exported["promises"]
    assert newer["promise_id"] == promise["id"]
    assert set(newer) == {
        "id",
        "week_ending",
        "kept",
        "got_in_the_way",
        "learned",
        "next_promise",
        "promise_id",
        "created_at",
        "updated_at",
    }


def test_the_spreadsheets_have_a_row_a_review_with_formulas_disarmed(exported):
    header, older, _newer = csv_tables(exported)["weekly-reviews.csv"]
    assert header[:6] == [
        "week_ending",
        "kept",
        "got_in_the_way",
        "learned",
        "next_promise",
        "promise_id",
    ]
    assert older[1] == "'=SUM(A1) is how I felt"
    assert "weekly-reviews.csv" in README


def test_reviews_come_back_in_a_new_account_with_their_promise(exported):
    newcomer = UserFactory()
    summary = import_export(newcomer, exported)
    older, newer = WeeklyReview.objects.filter(user=newcomer).order_by("week_ending")
    assert (older.kept, older.learned, older.next_promise) == (
        "=SUM(A1) is how I felt",
        "Rest helps",
        None,
    )
    assert newer.next_promise.user == newcomer
    assert newer.next_promise.text == newer.next_promise_text == "Stretch after lunch"
    assert "2 weekly reviews" in summary.in_words()


def test_a_review_exported_and_brought_back_exports_the_same(exported):
    newcomer = UserFactory()
    import_export(newcomer, exported)
    again = export_for(newcomer)

    def comparable(export):
        reviews = copy.deepcopy(export["weekly_reviews"])
        for review in reviews:
            del review["id"]
            review["promise_id"] = review["promise_id"] is not None
        return reviews

    assert comparable(json.loads(json.dumps(again))) == comparable(exported)


def test_a_review_naming_a_promise_not_in_the_file_refuses_the_whole_file(exported):
    broken = copy.deepcopy(exported)
    broken["weekly_reviews"][1]["promise_id"] = 999_999
    newcomer = UserFactory()
    with pytest.raises(ImportRefused) as refused:
        import_export(newcomer, broken)
    assert any("isn't in the file" in problem for problem in refused.value.problems)
    assert not WeeklyReview.objects.filter(user=newcomer).exists()


def test_a_review_with_markup_or_an_unknown_field_refuses_the_file(exported):
    marked = copy.deepcopy(exported)
    marked["weekly_reviews"][0]["learned"] = "<b>loud</b>"
    with pytest.raises(ImportRefused):
        import_export(UserFactory(), marked)
    odd = copy.deepcopy(exported)
    odd["weekly_reviews"][0]["mood"] = 3
    with pytest.raises(ImportRefused) as refused:
        import_export(UserFactory(), odd)
    assert any("“mood”" in problem for problem in refused.value.problems)


def test_an_account_with_a_weekly_review_is_not_empty(exported):
    someone = UserFactory()
    WeeklyReviewFactory(user=someone)
    with pytest.raises(ImportRefused, match="1 weekly review"):
        import_export(someone, exported)


def test_a_draft_of_a_new_review_comes_along_and_a_draft_of_changes_stays_in_the_file(user):
    drafts.save(user, draft_keys.WEEKLY_REVIEW_NEW, {"kept": ["Half a thought"]})
    review = WeeklyReviewFactory(user=user)
    drafts.save(user, draft_keys.weekly_review_edit(review.pk), {"kept": ["A change"]})
    newcomer = UserFactory()
    summary = import_export(newcomer, json.loads(json.dumps(export_for(user))))
    assert drafts.get(newcomer, draft_keys.WEEKLY_REVIEW_NEW) == {"kept": ["Half a thought"]}
    assert summary.drafts == 1 and summary.drafts_left_in_file == 1


def test_deleting_the_account_deletes_its_reviews(user, other_user):
    WeeklyReviewFactory(user=user)
    WeeklyReviewFactory(user=other_user)
    delete_account(user)
    assert list(WeeklyReview.objects.values_list("user", flat=True)) == [other_user.pk]


def test_the_download_from_settings_holds_the_reviews(owner_client, user):
    WeeklyReviewFactory(user=user, kept="In the download")
    response = owner_client.get(reverse("accounts:export"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert json.loads(body)["weekly_reviews"][0]["kept"] == "In the download"
