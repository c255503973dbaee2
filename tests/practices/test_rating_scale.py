"""One rating scale, 0 to 10, for distress, belief and how strong a feeling is: the slider the
page draws, what an untouched slider saves (nothing), the words for a number off the scale,
and how an older 0-100 number is read (issue 15, item 5)."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.drafts import store as drafts
from selftrust.practices import ratings, services
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.forms import ThoughtRecordForm, WorksheetForm
from selftrust.practices.models import Entry
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db
GROUNDING = reverse("practices:new", args=["grounding"])
AUTOSAVE = reverse("drafts:autosave", args=["practice:grounding:new"])


def slider(page: str, name: str) -> str:
    return re.search(rf'<input type="range" name="{name}"[^>]*>', page).group(0)


def box(page: str, name: str) -> str:
    return re.search(rf'<input type="checkbox" name="{name}_rated"[^>]*>', page).group(0)


# --- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new", [(0, 0), (4, 0), (5, 1), (45, 5), (55, 6), (69, 7), (70, 7), (95, 10), (100, 10)]
)
def test_an_old_rating_is_a_tenth_with_halves_rounded_up(old, new):
    assert ratings.from_0_100(old) == new


def test_the_hard_lines_keep_their_meaning_on_the_new_scale():
    from selftrust.practices import catalog, suggestions

    assert ratings.from_0_100(70) == catalog.HARD_DISTRESS
    assert ratings.from_0_100(60) == suggestions.STRONG_BELIEF
    assert ratings.from_0_100(10) == suggestions.HELPFUL_DROP


def test_every_scale_in_the_catalog_is_0_to_10():
    scales = [(p.slug, f) for p in PRACTICES.values() for f in p.fields if f.kind == "scale"]
    assert scales
    assert all((f.low, f.high) == (0, 10) for _slug, f in scales)
    assert all(f.low_label.startswith("0 ") and f.high_label.startswith("10 ") for _s, f in scales)


# --- the control on the page ---------------------------------------------------------------


def test_every_rating_is_a_labelled_slider_from_0_to_10(owner_client):
    page = owner_client.get(GROUNDING).content.decode()
    before = slider(page, "before")
    assert 'min="0" max="10" step="1"' in before
    assert 'aria-describedby="id_before_ends' in before
    assert "0 calm" in page and "10 the most distress I can imagine" in page
    assert (
        '<output class="rating-number" for="id_before" aria-hidden="true">Not rated</output>'
        in (page)
    )
    assert re.search(r'<script src="[^"]*practices/rating\.js"', page)
    assert 'type="number"' not in page


def test_a_new_rating_starts_not_rated(owner_client):
    page = owner_client.get(GROUNDING).content.decode()
    for name in ("before", "after"):
        assert " checked" not in box(page, name)
        assert f'name="{name}_asked" value="1"' in page


def test_a_thought_record_asks_every_rating_with_the_slider(owner_client):
    page = owner_client.get(reverse("practices:new", args=["thought-record"])).content.decode()
    names = ["belief_before", "belief_after"] + [
        f"emotion_{row}_{when}" for row in (1, 2, 3) for when in ("before", "after")
    ]
    for name in names:
        assert 'max="10"' in slider(page, name)
    assert "0 not at all" in page and "10 completely" in page
    assert "10 the strongest I can imagine" in page
    assert "from 0 to 10" in page and "0 to 100" not in page and "0–100" not in page
    # Where a number is needed, the script keeps the box out of the way.
    belief = re.search(
        r'<div class="rating[^"]*" data-rating[^>]*>\s*<div class="rating-control">\s*'
        r'<input type="range" name="belief_before"',
        page,
    ).group(0)
    assert "data-needs-number" in belief


def test_the_decision_journals_confidence_stays_a_percentage(owner_client):
    page = owner_client.get(reverse("practices:new", args=["decision"])).content.decode()
    assert 'type="range"' not in page
    assert 'name="confidence"' in page and 'max="100"' in page


# --- what is saved ---------------------------------------------------------------------------


def test_an_untouched_slider_saves_nothing(owner_client, user):
    owner_client.post(
        GROUNDING,
        {
            "before": "8",
            "before_asked": "1",
            "before_rated": "on",
            "exercise": "breathing",
            "after": "5",  # where the slider stood, untouched
            "after_asked": "1",
        },
    )
    assert Entry.objects.get(user=user).data == {"before": 8, "exercise": "breathing"}


def test_a_needed_rating_left_unrated_is_asked_for_and_the_slider_stays_put(owner_client):
    response = owner_client.post(
        reverse("practices:new", args=["body-check-in"]),
        {"where": "Chest", "sensation": "Tight", "intensity": "3", "intensity_asked": "1"},
    )
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "Choose a number from 0 to 10 on the slider; a rough guess is fine." in page
    assert 'value="3"' in slider(page, "intensity")
    assert " checked" not in box(page, "intensity")
    assert not Entry.objects.exists()


def test_the_api_and_the_import_send_the_number_alone():
    form = WorksheetForm({"before": "6", "exercise": "senses"}, practice=PRACTICES["grounding"])
    assert form.is_valid() and form.answers() == {"before": 6, "exercise": "senses"}


@pytest.mark.parametrize(
    "value, message",
    [
        ("70", "Ratings are now 0 to 10; 70 would be 7."),
        (
            "11",
            "Please choose a number from 0 to 10. If you meant the old 0 to 100 scale, 11 would "
            "be 1.",
        ),
        ("101", "Please choose a number from 0 to 10."),
        ("-1", "Please choose a number from 0 to 10."),
        ("seven", "Please choose a number from 0 to 10."),
    ],
)
def test_a_number_off_the_scale_is_refused_saying_what_it_would_be(value, message):
    form = ThoughtRecordForm(
        {
            "situation": "At work",
            "automatic_thought": "I can't do this",
            "belief_before": value,
            "emotion_1": "anxious",
            "emotion_1_before": "6",
        }
    )
    assert not form.is_valid()
    assert form.errors["belief_before"] == [message]


def test_a_scale_that_was_always_0_to_10_says_nothing_of_the_change():
    form = WorksheetForm(
        {"where": "Chest", "sensation": "Tight", "intensity": "70"},
        practice=PRACTICES["body-check-in"],
    )
    assert not form.is_valid()
    assert form.errors["intensity"] == ["Please choose a number from 0 to 10."]


def test_an_old_page_sending_70_is_shown_again_not_rated_near_7(owner_client):
    response = owner_client.post(GROUNDING, {"before": "70", "exercise": "breathing"})
    page = html.unescape(response.content.decode())
    assert "Ratings are now 0 to 10; 70 would be 7." in page
    # The slider can't hold 70: never shown as 10, it waits near 7 for the person to choose.
    assert 'value="7"' in slider(page, "before")
    assert " checked" not in box(page, "before")


# --- drafts -----------------------------------------------------------------------------------


def test_a_draft_keeps_a_rating_left_unrated(owner_client, user):
    owner_client.post(
        AUTOSAVE,
        {
            "before": "8",
            "before_asked": "1",
            "before_rated": "on",
            "after": "5",
            "after_asked": "1",
        },
    )
    page = owner_client.get(GROUNDING).content.decode()
    assert 'value="8"' in slider(page, "before") and " checked" in box(page, "before")
    assert " checked" not in box(page, "after")
    assert drafts.get(user, "practice:grounding:new")["after"] == ["5"]


# --- shown as "of 10" ------------------------------------------------------------------------


def test_the_entry_says_of_10(owner_client, user):
    entry = EntryFactory(
        user=user, practice="grounding", data={"before": 8, "exercise": "senses", "after": 3}
    )
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    assert '8 <span class="muted">(of 10)</span>' in page
    assert "Distress went from 8 to 3, out of 10." in page


def test_the_originals_kept_by_the_migration_are_never_an_answer(owner_client, user):
    entry = EntryFactory(
        user=user,
        practice="grounding",
        data={"before": 8, "exercise": "senses", ratings.OLD_SCALE_KEY: {"before": 80}},
    )
    assert services.entry_answers(entry) == {"before": 8, "exercise": "senses"}
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    # Only the page's own words: a random CSRF token or asset hash may hold "80".
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert ratings.OLD_SCALE_KEY not in page and not re.search(r"\b80\b", main)
    # Editing keeps them, out of sight, so undoing the migration still finds them.
    owner_client.post(
        reverse("practices:edit", args=[entry.pk]),
        {"before": "8", "before_asked": "1", "before_rated": "on", "exercise": "tipp"},
    )
    entry.refresh_from_db()
    assert entry.data == {"before": 8, "exercise": "tipp", ratings.OLD_SCALE_KEY: {"before": 80}}


# --- an export made before the change (format 1) ---------------------------------------------


def test_an_older_exports_ratings_are_moved_to_0_to_10():
    old = {
        "format": "selftrust-export/1",
        "practice_entries": [
            {"practice": "grounding", "answers": {"before": 45, "after": None, "exercise": "x"}},
            {
                "practice": "thought-record",
                "answers": {
                    "belief_before": 100,
                    "belief_after": 5,
                    "emotions": [{"emotion": "sad", "before": 55, "after": None}, "odd"],
                },
            },
            {"practice": "body-check-in", "answers": {"intensity": 6}},
            "not a record",
        ],
        "drafts": [
            {"key": "practice:grounding:new", "fields": {"before": ["70"], "notes": ["70"]}},
            {"key": "safety-plan", "fields": {"reasons_for_living": ["70"]}},
        ],
    }
    moved = ratings.export_on_0_10(old)
    grounding, thought, body, odd = moved["practice_entries"]
    assert grounding["answers"] == {"before": 5, "after": None, "exercise": "x"}
    assert (thought["answers"]["belief_before"], thought["answers"]["belief_after"]) == (10, 1)
    assert thought["answers"]["emotions"] == [
        {"emotion": "sad", "before": 6, "after": None},
        "odd",
    ]
    assert body["answers"] == {"intensity": 6} and odd == "not a record"
    assert moved["drafts"][0]["fields"] == {"before": ["7"], "notes": ["70"]}
    assert moved["drafts"][1] == old["drafts"][1]
    assert old["practice_entries"][0]["answers"]["before"] == 45  # the file itself untouched


# --- speed ------------------------------------------------------------------------------------


def _sessions(user, count: int) -> None:
    Entry.objects.bulk_create(
        EntryFactory.build(
            user=user,
            practice="grounding",
            data={"before": 4 + n % 7, "exercise": "senses", "after": n % 5},
        )
        for n in range(count)
    )


def test_the_grounding_page_asks_the_same_few_questions_however_many_sessions(
    owner_client, user, django_assert_num_queries
):
    _sessions(user, 10)
    with CaptureQueriesContext(connection) as few:
        assert "What has helped you" in owner_client.get(GROUNDING).content.decode()
    _sessions(user, 1000)
    with django_assert_num_queries(len(few)):
        page = owner_client.get(GROUNDING).content.decode()
    assert "<td>1010</td>" in page
