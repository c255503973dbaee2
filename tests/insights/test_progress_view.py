"""The Progress page: everything gathered, side by side on one time axis."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.insights.models import Energy, Mood
from selftrust.practices.models import Decision, Entry, ThoughtRecord
from selftrust.promises.models import CheckIn, Outcome
from tests.conftest import forget_kept_pages
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    DecisionFactory,
    EntryFactory,
    PromiseFactory,
    ThoughtRecordFactory,
    UserFactory,
)
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db
URL = reverse("insights:progress")
OUTCOMES = [Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.LET_GO]


def at(user, days_ago: int, hour: int = 12):
    """A moment `days_ago` days before the person's today, at `hour` o'clock their time."""
    day = user.local_today() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def gather(user, days: int = 14, promises: int = 1):
    """`days` days of everything the page shows: answered promises, a mood and energy check
    most days, a PHQ-9 a week, a grounding session and a thought record every few days, and
    twelve decisions looked back on."""
    today = user.local_today()
    made = [
        PromiseFactory(user=user, text=f"Drink water ({n})", starts_on=today - timedelta(days))
        for n in range(promises)
    ]
    CheckIn.objects.bulk_create(
        CheckInFactory.build(
            promise=promise, day=today - timedelta(days=offset), outcome=OUTCOMES[offset % 5]
        )
        for promise in made
        for offset in range(days)
    )
    from selftrust.insights.models import DailyCheck

    DailyCheck.objects.bulk_create(
        DailyCheckFactory.build(
            user=user,
            day=today - timedelta(days=offset),
            mood=Mood.values[offset % 5],
            energy=Energy.values[offset % 4],
        )
        for offset in range(days)
        if offset % 6 != 5  # a few days left unanswered
    )
    for offset in range(0, days, 7):
        AssessmentResponseFactory(
            user=user,
            instrument_slug="phq-9",
            answers=[1 + (offset // 7) % 2] * 9,
            completed_at=at(user, offset),
        )
    Entry.objects.bulk_create(
        EntryFactory.build(
            user=user,
            practice="grounding",
            data={"before": 7, "exercise": "breathing" if n % 2 else "senses", "after": 3 + n % 2},
            created_at=at(user, offset),
        )
        for n, offset in enumerate(range(0, days, 3))
    )
    records = Entry.objects.bulk_create(
        EntryFactory.build(
            user=user, practice="thought-record", data={}, created_at=at(user, offset, 20)
        )
        for offset in range(1, days, 4)
    )
    ThoughtRecord.objects.bulk_create(
        ThoughtRecordFactory.build(
            entry=entry, emotions=[{"emotion": "anxious", "before": 8, "after": 5}]
        )
        for entry in records
    )
    decisions = Entry.objects.bulk_create(
        EntryFactory.build(user=user, practice="decision", data={}) for _ in range(12)
    )
    Decision.objects.bulk_create(
        DecisionFactory.build(
            entry=entry, confidence=80, instinct_served="yes", reviewed_at=timezone.now()
        )
        for entry in decisions
    )
    return made


def page_of(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_person_is_told_gently_what_will_gather_here(owner_client):
    page = page_of(owner_client)
    assert "Nothing here yet, and that's all right." in page
    assert '<svg class="chart"' not in page


def test_every_kind_of_evidence_is_on_the_page_with_a_chart_a_table_and_words(owner_client, user):
    gather(user)
    page = page_of(owner_client)
    for part in ("promises", "strength", "mood", "q-phq-9", "grounding", "feelings", "decisions"):
        assert f'id="{part}-summary"' in page, part
    # A chart for kept, strength, mood, energy, PHQ-9, grounding and feelings; each with a table.
    assert page.count('<svg class="chart"') == 7
    assert page.count("<table>") == 6  # mood and energy share one
    assert "Drink water" not in page  # promise by promise is the track record's
    assert "streak" not in page.lower()


def test_strength_is_explained_in_one_sentence_where_it_is_shown(owner_client, user):
    gather(user)
    page = page_of(owner_client)
    meaning = re.search(r'<p id="strength-meaning">(.*?)</p>', page, re.S).group(1)
    assert meaning.count(". ") == 0 and meaning.endswith(".")
    assert "13 kept days" in meaning and "not a lower mark" in meaning
    assert re.search(r"Strength is \d+% today; it was \d+% on \w+ \d+, \d{4}\.", page)


def test_every_chart_covers_the_same_days_from_the_first_record_to_today(owner_client, user):
    gather(user, days=14)
    page = page_of(owner_client)
    today = user.local_today()
    first = today - timedelta(days=13)
    spans = re.findall(r"From (\w+ \d+, \d{4}) to (\w+ \d+, \d{4})", page)
    assert len(spans) == 6  # the time charts; grounding is per exercise
    assert set(spans) == {
        (f"{first:%b} {first.day}, {first.year}", f"{today:%b} {today.day}, {today.year}")
    }


def test_unanswered_days_stay_blank_in_the_mood_table(owner_client, user):
    gather(user, days=14)
    page = page_of(owner_client)
    table = page.split('id="mood-caption"')[1].split("</table>")[0]
    assert table.count("<tr>") == 15  # the heading and fourteen days
    assert table.count("<td>—</td>") == 4  # two days unanswered, mood and energy
    assert "Days you didn't answer stay blank." in page


def test_grounding_shows_the_average_change_per_exercise_with_counts(owner_client, user):
    gather(user, days=14)
    page = page_of(owner_client)
    table = page.split('id="grounding-caption"')[1].split("</table>")[0]
    # Five sessions: senses three times (7 to 3), breathing twice (7 to 4).
    assert '<th scope="row">5-4-3-2-1 senses</th><td>3</td><td>7</td><td>3</td><td>4 lower' in table
    assert '<th scope="row">Paced breathing</th><td>2</td><td>7</td><td>4</td><td>3 lower' in table
    assert "You grounded yourself 5 times in these days" in page
    assert "Ratings are 0–10." in page


def test_feelings_in_thought_records_are_shown_before_and_after_looking_again(owner_client, user):
    gather(user, days=14)
    page = page_of(owner_client)
    assert "4 thought records in these days, with 4 feelings rated" in page
    assert "it went from 8 to 5 out of 10 on average" in page
    assert "the one you named most often was anxious" in page


def test_decisions_get_one_line_and_a_link_to_the_journal(owner_client, user):
    gather(user)
    page = page_of(owner_client)
    summary = page.split('id="decisions-summary">')[1].split("</p>")[0]
    assert "Across the 12 decisions you've looked back on" in summary
    assert "served you 100% of the time" in summary
    assert reverse("practices:decisions") in summary


def test_the_trust_experiment_has_its_place_marked_for_the_lead(owner_client, user):
    from pathlib import Path

    import selftrust.insights

    template = Path(selftrust.insights.__file__).parent / "templates/insights/progress.html"
    assert "TRUST EXPERIMENT" in template.read_text()


def test_questionnaire_totals_show_their_named_ranges_and_a_link_to_every_result(
    owner_client, user
):
    gather(user, days=14)
    page = page_of(owner_client)
    part = page.split('id="q-phq-9-heading"')[1].split("</section>")[0]
    assert 'class="band-label"' in part and ">Minimal</text>" in part
    assert reverse("assessments:history", args=["phq-9"]) in part
    assert "2 results in these days; higher totals mean more low mood." in part


def test_a_range_can_be_chosen_and_the_charts_follow_it(owner_client, user):
    gather(user, days=120)
    today = user.local_today()
    page = page_of(owner_client, range="4w")
    start = today - timedelta(days=27)
    assert f"from {start:%B} {start.day}, {start.year} to today" in page
    assert 'href="?range=4w" aria-current="true"' in page
    page = page_of(owner_client, range="all")
    start = today - timedelta(days=125)  # 18 whole weeks back, the first answer inside
    assert f"from {start:%B} {start.day}, {start.year} to today" in page


def test_a_range_longer_than_the_record_is_not_offered(owner_client, user):
    gather(user, days=14)
    page = page_of(owner_client)
    assert 'class="range-choice"' not in page


def main_of(page: str) -> str:
    return page.split('<main id="main"')[1].split("</main>")[0]


def test_an_unknown_range_shows_the_usual_page_and_changes_nothing(owner_client, user):
    gather(user, days=120)
    assert main_of(page_of(owner_client, range="forever")) == main_of(page_of(owner_client))


def test_records_from_before_the_range_are_pointed_to_not_hidden(owner_client, user):
    CheckInFactory(promise=PromiseFactory(user=user))
    AssessmentResponseFactory(user=user, instrument_slug="gad-7", completed_at=at(user, 200))
    page = page_of(owner_client, range="4w")
    assert "GAD-7" not in page
    not_yet = page.split('id="not-yet-heading"')[1]
    assert "Questionnaires" in not_yet and 'href="?range=all"' in not_yet
    assert "GAD-7" in page_of(owner_client, range="all")


def test_another_persons_records_are_never_shown(owner_client, other_user):
    gather(other_user)
    page = page_of(owner_client)
    assert "Nothing here yet" in page
    assert "PHQ-9" not in page


def test_deleted_practice_entries_are_left_out(owner_client, user):
    EntryFactory(
        user=user,
        practice="grounding",
        data={"before": 9, "exercise": "tipp", "after": 2},
        deleted_at=timezone.now(),
    )
    page = page_of(owner_client)
    assert "Nothing here yet" in page


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_site_menu_and_the_track_record_lead_here(owner_client, user):
    promise = PromiseFactory(user=user)
    CheckInFactory(promise=promise)
    track_record = owner_client.get(reverse("promises:track_record")).content.decode()
    assert f'href="{URL}"' in track_record
    page = page_of(owner_client)
    assert f'<a href="{URL}" aria-current="page">Progress</a>' in page


# --- speed: a fixed number of questions, whatever the amount ---------------------------------

# The session and the user; where each kind of record begins; the promises and every answer
# (strength needs them all; cached until an answer changes); the mood checks, the questionnaire
# results and the practice entries on the axis; the decisions looked back on.
PROGRESS_QUERIES = 9
PROGRESS_QUERIES_CACHED = PROGRESS_QUERIES - 2


@pytest.mark.parametrize("days", [14, 3650])
@pytest.mark.parametrize("range_key", ["3m", "all"])
def test_the_page_asks_the_same_few_questions_for_two_weeks_or_ten_years(
    client, django_assert_num_queries, days, range_key
):
    user = UserFactory()
    gather(user, days=days, promises=3)
    client.force_login(user)
    with django_assert_num_queries(PROGRESS_QUERIES):
        first = client.get(URL, {"range": range_key})
    forget_kept_pages()  # made afresh, from what the record keeps
    with django_assert_num_queries(PROGRESS_QUERIES_CACHED):
        again = client.get(URL, {"range": range_key})
    assert first.status_code == again.status_code == 200
    assert main_of(first.content.decode()) == main_of(again.content.decode())


def test_a_new_answer_shows_at_once_though_the_promises_part_is_cached(owner_client, user):
    promise = gather(user, days=14)[0]
    today = user.local_today()
    # Fourteen days, two of them let go kindly: twelve answers that count.
    assert "answered your promises 12 times" in page_of(owner_client)
    CheckInFactory(promise=promise, day=today - timedelta(days=15), outcome=Outcome.KEPT)
    user.note_record_changed()
    assert "answered your promises 13 times" in page_of(owner_client)
