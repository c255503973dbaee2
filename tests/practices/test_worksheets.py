import pytest
from django.urls import reverse

from selftrust.drafts.models import Draft
from selftrust.practices.catalog import WORKSHEETS
from selftrust.practices.models import Entry

pytestmark = pytest.mark.django_db

VALID = {
    "body-check-in": {
        "where": "Shoulders",
        "sensation": "Tight",
        "intensity": "6",
        "message": "I'm tired",
    },
    "grounding": {"before": "7", "exercise": "breathing", "after": "4"},
    "self-compassion": {"moment": "This is hard", "kind_words": "I'm doing my best"},
    "mistake": {"what_happened": "I forgot the call", "information": "I was overloaded"},
    "win": {"win": "I went for a walk"},
    "boundary": {"boundary": "No calls after nine", "respected": "yes"},
    "strengths": {"grateful_for": "Warm tea", "strength": "Patience"},
    "emotion": {"emotion": "anxious", "intensity": "7", "makes_sense": "Big day tomorrow"},
    "signs-check": {
        "second-guessing": "often",
        "reassurance": "sometimes",
        "intuition": "not-lately",
        "doubting-self": "sometimes",
        "alone-with-thoughts": "often",
        "over-analysing": "often",
    },
}


# What the entry page should show for each sample (choice answers show their label).
SHOWN = {
    "body-check-in": "Shoulders",
    "grounding": "Paced breathing",
    "self-compassion": "I'm doing my best",
    "mistake": "I forgot the call",
    "win": "I went for a walk",
    "boundary": "No calls after nine",
    "strengths": "Warm tea",
    "emotion": "Anxious",
    "signs-check": "Going back over decisions long after making them",
}


def new_url(slug):
    return reverse("practices:new", args=[slug])


def test_every_worksheet_has_valid_sample_data():
    assert set(VALID) == {p.slug for p in WORKSHEETS}


@pytest.mark.parametrize("slug", sorted(VALID))
def test_each_worksheet_saves_and_shows_what_was_written(owner_client, user, slug):
    assert owner_client.get(new_url(slug)).status_code == 200
    response = owner_client.post(new_url(slug), VALID[slug])
    entry = Entry.objects.get(user=user, practice=slug)
    assert response.status_code == 302
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    first_text = SHOWN[slug]
    assert first_text.replace("'", "&#x27;") in page


def test_grounding_shows_the_change_and_what_helps(owner_client, user):
    owner_client.post(new_url("grounding"), VALID["grounding"])
    entry = Entry.objects.get(user=user)
    assert (
        "Distress went from 7 to 4, out of 10."
        in owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    )
    page = owner_client.get(new_url("grounding")).content.decode()
    assert "What has helped you" in page and "7 → 4" in page
    assert "Distress before → after (average, out of 10)" in page


def test_a_win_is_celebrated_gently(owner_client, user):
    response = owner_client.post(new_url("win"), VALID["win"], follow=True)
    assert "That counts." in response.content.decode()


def test_signs_check_compares_with_last_time(owner_client, user):
    owner_client.post(new_url("signs-check"), VALID["signs-check"])
    second = {**VALID["signs-check"], "reassurance": "not-lately"}
    response = owner_client.post(new_url("signs-check"), second, follow=True)
    page = response.content.decode()
    assert "Since last time" in page and "less often" in page
    assert "not a diagnosis" in page


def test_strengths_gather_into_a_list(owner_client, user):
    owner_client.post(new_url("strengths"), VALID["strengths"])
    response = owner_client.post(
        new_url("strengths"), {"grateful_for": "Sun", "strength": "Honesty"}, follow=True
    )
    page = response.content.decode()
    assert "Evidence of your strengths" in page and "Patience" in page and "Honesty" in page


@pytest.mark.parametrize(
    "slug, data, message",
    [
        (
            "body-check-in",
            {"where": "Chest", "sensation": "Tight", "intensity": "11"},
            "from 0 to 10",
        ),
        (
            "body-check-in",
            {"where": "Chest", "sensation": "Tight", "intensity": "-1"},
            "from 0 to 10",
        ),
        ("grounding", {"before": "150", "exercise": "breathing"}, "from 0 to 10"),
        ("grounding", {"before": "70", "exercise": "breathing"}, "0 to 10; 70 would be 7"),
        ("grounding", {"before": "5", "exercise": "skydiving"}, "one of the answers shown"),
        ("self-compassion", {"moment": "", "kind_words": "x"}, "A few words are enough"),
        ("mistake", {"what_happened": "x" * 10_000, "information": "y"}, "4000 characters"),
        ("win", {"win": "<script>alert(1)</script>"}, "Plain words"),
        ("emotion", {"emotion": "anxious"}, "rough guess is fine"),
    ],
)
def test_bad_input_is_explained_keeps_the_words_and_saves_nothing(
    owner_client, user, slug, data, message
):
    response = owner_client.post(new_url(slug), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert not Entry.objects.exists()
    draft = Draft.objects.get(user=user, key=f"practice:{slug}:new")
    assert all(draft.data[k] == [v] for k, v in data.items())


def test_typed_words_stay_on_the_page_after_an_error(owner_client):
    response = owner_client.post(
        new_url("self-compassion"), {"moment": "", "kind_words": "Be gentle with me"}
    )
    assert "Be gentle with me" in response.content.decode()


def test_an_entry_can_be_edited(owner_client, user):
    owner_client.post(new_url("win"), VALID["win"])
    entry = Entry.objects.get()
    owner_client.post(reverse("practices:edit", args=[entry.pk]), {"win": "I walked by the river"})
    entry.refresh_from_db()
    assert entry.data["win"] == "I walked by the river"
    assert entry.title == "I walked by the river"


def test_unknown_practice_is_not_found(owner_client):
    assert owner_client.get(new_url("juggling")).status_code == 404


def test_each_practice_links_its_lesson(owner_client):
    page = owner_client.get(new_url("self-compassion")).content.decode()
    assert reverse("lessons:detail", args=["self-compassion"]) in page


@pytest.mark.parametrize("name", ["entry", "edit"])
def test_another_persons_entry_is_not_found(owner_client, other_user, name):
    entry = Entry.objects.create(
        user=other_user,
        practice="win",
        data={"win": "Theirs"},
        title="Theirs",
        created_at="2026-11-01T10:00Z",
    )
    assert owner_client.get(reverse(f"practices:{name}", args=[entry.pk])).status_code == 404
    assert (
        owner_client.post(reverse("practices:edit", args=[entry.pk]), {"win": "Mine"}).status_code
        == 404
    )
    entry.refresh_from_db()
    assert entry.data == {"win": "Theirs"}


def test_another_persons_entry_cannot_be_deleted_or_restored(owner_client, other_user):
    entry = Entry.objects.create(
        user=other_user, practice="win", data={}, title="Theirs", created_at="2026-11-01T10:00Z"
    )
    assert owner_client.post(reverse("practices:delete", args=[entry.pk])).status_code == 404
    entry.refresh_from_db()
    assert entry.deleted_at is None
    Entry.objects.filter(pk=entry.pk).update(deleted_at="2026-11-25T10:00Z")
    assert owner_client.post(reverse("practices:restore", args=[entry.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in [
        reverse("practices:hub"),
        new_url("win"),
        reverse("practices:timeline"),
        reverse("practices:decisions"),
    ]:
        assert client.get(url).status_code == 302
    client.post(new_url("win"), VALID["win"])
    assert not Entry.objects.exists()


def test_crisis_language_in_an_entry_brings_help_forward_gently(owner_client, user):
    response = owner_client.post(
        new_url("self-compassion"),
        {"moment": "I feel like I can't go on", "kind_words": "Stay"},
        follow=True,
    )
    page = response.content.decode()
    assert "You don't have to hold this alone" in page and 'href="tel:988"' in page
    entry = Entry.objects.get()
    assert (
        "hold this alone"
        not in owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    )


def test_ordinary_entries_show_no_crisis_panel(owner_client, user):
    response = owner_client.post(new_url("win"), VALID["win"], follow=True)
    assert "hold this alone" not in response.content.decode()
