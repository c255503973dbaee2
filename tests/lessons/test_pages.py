import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from selftrust.lessons.catalog import ALL_LESSONS, LESSONS

each_lesson = pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lambda lesson: lesson.slug)


def _page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


@each_lesson
def test_lesson_reads_without_logging_in(client, lesson):
    page = _page(client, reverse("lessons:detail", args=[lesson.slug]))
    assert f'<h1 id="lesson-title">{lesson.title}</h1>' in page
    assert f"About {lesson.minutes} minutes to read" in page
    assert 'href="/ground/"' in page and "Ground me now" in page
    assert 'href="/help/"' in page and "Get help now" in page


@each_lesson
def test_lesson_ends_with_links_to_related_lessons(client, lesson):
    page = _page(client, reverse("lessons:detail", args=[lesson.slug]))
    for slug in lesson.related:
        related = LESSONS[slug]
        assert f'href="{reverse("lessons:detail", args=[slug])}"' in page
        assert f"Read: {related.title} ({related.minutes} min)" in page


@each_lesson
def test_not_therapy_note_appears_only_where_the_lesson_asks_for_it(client, lesson):
    page = _page(client, reverse("lessons:detail", args=[lesson.slug]))
    assert ("It is not therapy, and it is not a diagnosis." in page) is (
        lesson.general_information_note
    )


@each_lesson
def test_lesson_says_how_sure_we_are_and_lists_its_sources(client, lesson):
    page = _page(client, reverse("lessons:detail", args=[lesson.slug]))
    assert '<h2 id="evidence-title">How sure are we?</h2>' in page
    assert f"<strong>{lesson.evidence_label}.</strong> {escape(lesson.evidence_meaning)}" in page
    assert escape(lesson.evidence_note) in page
    assert "What the four labels mean" in page
    assert '<h2 id="sources-title">Sources</h2>' in page
    for source in lesson.sources:
        assert f"<cite>{escape(source.title)}</cite>" in page
        assert escape(source.authors) in page


def test_lessons_about_the_brain_and_treatment_carry_the_note():
    for slug in ("trauma-and-the-nervous-system", "therapy-approaches", "listening-to-your-body"):
        assert LESSONS[slug].general_information_note


def test_unknown_lesson_is_not_found(client):
    page = _page(client, "/lessons/no-such-lesson/", status=404)
    assert "Get help now" in page


def test_list_links_every_lesson_with_its_summary_and_minutes(client):
    page = _page(client, reverse("lessons:list"))
    assert page.count('<li class="card">') == len(ALL_LESSONS)
    for lesson in ALL_LESSONS:
        assert f'href="{reverse("lessons:detail", args=[lesson.slug])}"' in page
        assert lesson.title in page
        assert lesson.summary in page
        assert f"Evidence: {lesson.evidence}" in page
    assert "Ground me now" in page and "Get help now" in page


@pytest.mark.django_db
def test_someone_logged_in_can_read_lessons_too(owner_client):
    _page(owner_client, reverse("lessons:list"))
    _page(owner_client, reverse("lessons:detail", args=["self-compassion"]))


def test_link_snippet_shows_title_and_minutes_for_other_pages():
    lesson = LESSONS["thinking-traps"]
    html = render_to_string("lessons/_link.html", {"lesson": lesson})
    assert 'href="/lessons/thinking-traps/"' in html
    assert "Read: Thinking traps and thought records (3 min)" in html
