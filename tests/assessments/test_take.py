from html.parser import HTMLParser

import pytest
from django.urls import reverse

from selftrust.assessments.instruments import GAD7, INSTRUMENTS, PHQ9
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.services import answers_so_far
from selftrust.drafts.models import Draft

pytestmark = pytest.mark.django_db


def take_url(slug="phq-9"):
    return reverse("assessments:take", args=[slug])


def phq9_data(answers, action="finish", extra=None):
    data = {f"item_{n}": str(a) for n, a in enumerate(answers, start=1) if a is not None}
    if extra is not None:
        data["extra"] = str(extra)
    return {**data, "action": action}


class _Elements(HTMLParser):
    """Each start tag of a page, as (tag, attributes), in order."""

    def __init__(self, page):
        super().__init__()
        self.found = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(page, tag):
    return [attrs for found, attrs in _Elements(page).found if found == tag]


def questionnaire(page):
    """The questionnaire's form, without the site's header and footer."""
    return page.split("data-questionnaire", 1)[1].split("</form>", 1)[0]


def buttons(page):
    """Each of the questionnaire's buttons: its words, classes and whether it starts hidden."""
    shown = []
    for line in questionnaire(page).split("<button")[1:]:
        opening, rest = line.split(">", 1)
        shown.append(
            {
                "text": rest.split("</button>", 1)[0].strip(),
                "class": opening.split('class="', 1)[1].split('"', 1)[0],
                "hidden": " hidden" in opening,
            }
        )
    return shown


def test_overview_lists_every_instrument(owner_client):
    page = owner_client.get(reverse("assessments:overview")).content.decode()
    for name in ("PHQ-9", "GAD-7", "PCL-5", "WHO-5", "Self-esteem (RSES)", "Self-efficacy (GSE)"):
        assert name in page
    assert "not diagnosis" in page


def test_the_questionnaire_shows_every_published_item(owner_client):
    page = owner_client.get(take_url()).content.decode()
    assert "Little interest or pleasure in doing things" in page
    assert "Thoughts that you would be better off dead or of hurting yourself in some way" in page
    assert "Skip this for now" in page and "Save and finish later" in page


def test_finishing_stores_the_score_and_shows_the_result(owner_client, user):
    response = owner_client.post(take_url(), phq9_data([1, 1, 1, 1, 1, 1, 1, 0, 0], extra=1))
    stored = AssessmentResponse.objects.get(user=user)
    assert response["Location"] == reverse("assessments:result", args=[stored.pk])
    assert (stored.total, stored.band, stored.extra_answer, stored.safety_alert) == (
        7,
        "Mild",
        1,
        False,
    )
    page = owner_client.get(response["Location"]).content.decode()
    assert "This is not a diagnosis." in page
    assert "Mild." in page
    assert "You don't have to hold this alone" not in page


def test_item_9_above_zero_shows_crisis_resources_on_the_result(owner_client, user):
    response = owner_client.post(take_url(), phq9_data([0] * 8 + [1]), follow=True)
    page = response.content.decode()
    assert "You don't have to hold this alone" in page
    assert 'href="tel:988"' in page


def test_item_9_answered_on_a_resumed_questionnaire_shows_the_panel_straight_away(
    owner_client, user
):
    owner_client.post(take_url(), phq9_data([0] * 8 + [2], action="pause"))
    page = owner_client.get(take_url()).content.decode()
    panel = page.split('id="safety-now"')[1].split(">")[0]
    assert "hidden" not in panel


def test_the_safety_panel_waits_hidden_until_item_9_is_answered(owner_client):
    page = owner_client.get(take_url()).content.decode()
    panel = page.split('id="safety-now"')[1].split(">")[0]
    assert "hidden" in panel


def test_pausing_keeps_partial_answers_and_resuming_restores_them(owner_client, user):
    owner_client.post(
        take_url(), phq9_data([2, 3, None, None, None, None, None, None, None], action="pause")
    )
    answers, _extra = answers_so_far(user, PHQ9)
    assert answers[:3] == [2, 3, None]
    page = owner_client.get(take_url()).content.decode()
    assert 'name="item_1" value="2" required id="id_item_1_2" checked' in page or (
        'value="2"' in page and "checked" in page
    )
    assert (
        "Continue (2 of 9 answered)"
        in owner_client.get(reverse("assessments:overview")).content.decode()
    )


def test_finishing_with_questions_open_keeps_everything_and_saves_nothing_final(owner_client, user):
    response = owner_client.post(take_url(), phq9_data([1, 2, None, 0, 0, 0, 0, 0, 0]))
    assert response.status_code == 400
    assert "still open (3)" in response.content.decode()
    assert not AssessmentResponse.objects.exists()
    assert answers_so_far(user, PHQ9)[0][:2] == [1, 2]


def test_out_of_range_answers_are_refused_kindly(owner_client):
    response = owner_client.post(take_url(), phq9_data([9] + [0] * 8))
    assert response.status_code == 400
    assert "Please choose one of the answers shown" in response.content.decode()
    assert not AssessmentResponse.objects.exists()


def test_htmx_draft_saves_as_answers_change(owner_client, user):
    response = owner_client.post(
        reverse("drafts:autosave", args=["assessment:gad-7"]), {"item_1": "3"}
    )
    assert response.status_code == 204
    assert answers_so_far(user, GAD7)[0][0] == 3


def test_finishing_clears_the_draft(owner_client, user):
    owner_client.post(take_url(), phq9_data([1] + [None] * 8, action="pause"))
    owner_client.post(take_url(), phq9_data([0] * 9))
    assert answers_so_far(user, PHQ9) is None


def test_a_draft_can_be_cleared(owner_client, user):
    owner_client.post(take_url(), phq9_data([1] + [None] * 8, action="pause"))
    response = owner_client.post(
        reverse("drafts:discard", args=["assessment:phq-9"]),
        {"next": reverse("assessments:overview")},
    )
    assert response["Location"] == reverse("assessments:overview")
    assert not Draft.objects.exists()
    page = owner_client.get(reverse("assessments:overview")).content.decode()
    assert "Those answers are cleared." in page and "Continue (" not in page


def test_unknown_instrument_is_not_found(owner_client):
    assert owner_client.get(take_url("not-a-test")).status_code == 404


@pytest.mark.parametrize(
    "slug, answers, expected",
    [
        ("gad-7", [3] * 7, "Severe"),
        ("pcl-5", [2] * 16 + [0] * 4, "Worth discussing with a clinician"),
        ("who-5", [3] * 5, "Wellbeing present"),
        ("rses", [3, 0, 3, 3, 0, 0, 3, 0, 0, 3], "Higher self-esteem"),
        ("gse", [4] * 10, ""),
    ],
)
def test_each_instrument_can_be_taken_and_scored(owner_client, user, slug, answers, expected):
    data = {f"item_{n}": str(a) for n, a in enumerate(answers, start=1)}
    response = owner_client.post(take_url(slug), {**data, "action": "finish"}, follow=True)
    stored = AssessmentResponse.objects.get(user=user)
    assert stored.band == expected
    page = response.content.decode()
    assert "This is not a diagnosis." in page
    if slug == "pcl-5":
        assert "Intrusions (cluster B)" in page
        assert "you have PTSD" not in page.lower()
    if slug == "who-5":
        assert "60%" in page


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(take_url()).status_code == 302
    assert client.get(reverse("assessments:overview")).status_code == 302
    client.post(take_url(), phq9_data([0] * 9))
    assert not AssessmentResponse.objects.exists()


@pytest.mark.parametrize("slug", list(INSTRUMENTS))
def test_progress_counts_the_scored_questions_only(owner_client, slug):
    count = len(INSTRUMENTS[slug].items)
    page = owner_client.get(take_url(slug)).content.decode()
    labels = [attrs["data-step-label"] for attrs in elements(page, "fieldset")]
    assert labels[:count] == [f"Question {n} of {count}" for n in range(1, count + 1)]
    assert f"{count} questions" in page


def test_phq9_counts_nine_questions_and_asks_the_difficulty_question_after_them(owner_client):
    page = owner_client.get(take_url()).content.decode()
    fieldsets = elements(page, "fieldset")
    assert [f["data-step-label"] for f in fieldsets][-2:] == [
        "Question 9 of 9",
        "One more question, not part of the score",
    ]
    assert "unscored" not in str(fieldsets[:-1]) and "data-unscored" in fieldsets[-1]
    assert "of 10" not in page
    assert page.index('name="item_9"') < page.index('name="extra"')
    assert "9 questions, then one more that is not part of the score." in page


def test_only_phq9_has_a_question_outside_the_score(owner_client):
    for slug, instrument in INSTRUMENTS.items():
        page = owner_client.get(take_url(slug)).content.decode()
        assert ("not part of the score" in page) == bool(instrument.extra_question), slug


def test_without_javascript_every_question_is_on_one_page(owner_client):
    page = owner_client.get(take_url()).content.decode()
    fieldsets = elements(page, "fieldset")
    assert len(fieldsets) == 10
    assert not any("hidden" in attrs for attrs in fieldsets)


def test_without_javascript_see_my_result_is_the_one_main_action(owner_client):
    shown = [b for b in buttons(owner_client.get(take_url()).content.decode()) if not b["hidden"]]
    assert [b["text"] for b in shown if "primary" in b["class"]] == ["See my result"]
    assert [b["text"] for b in shown] == ["See my result", "Save and finish later"]


def test_back_and_next_wait_hidden_for_the_phone_script(owner_client):
    page = owner_client.get(take_url()).content.decode()
    hidden = {b["text"]: b for b in buttons(page) if b["hidden"]}
    assert set(hidden) == {"Back", "Next"}
    assert "disabled" not in page.split("data-step-back", 1)[1].split(">", 1)[0]


def test_save_and_finish_later_and_skip_stay_quiet(owner_client):
    page = owner_client.get(take_url()).content.decode()
    pause = next(b for b in buttons(page) if b["text"] == "Save and finish later")
    assert pause["class"] == "link-button"
    quiet = page.split('class="quiet-actions"', 1)[1].split("</div>", 1)[0]
    assert "Save and finish later" in quiet and "Skip this for now" in quiet


def test_a_page_sent_back_with_questions_open_keeps_one_main_action(owner_client):
    response = owner_client.post(take_url(), phq9_data([1, 2, None, 0, 0, 0, 0, 0, 0]))
    shown = [b for b in buttons(response.content.decode()) if not b["hidden"]]
    assert [b["text"] for b in shown if "primary" in b["class"]] == ["See my result"]


def test_the_take_page_loads_the_questionnaire_script_and_the_draft_script(owner_client):
    page = owner_client.get(take_url()).content.decode()
    scripts = [attrs.get("src", "") for attrs in elements(page, "script")]
    assert any(src.endswith("assessments/questionnaire.js") for src in scripts)
    assert any("drafts/save-as-you-type" in src for src in scripts)
    form = next(attrs for attrs in elements(page, "form") if "data-questionnaire" in attrs)
    assert form["data-autosave"] == reverse("drafts:autosave", args=["assessment:phq-9"])
