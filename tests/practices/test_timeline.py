from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.practices import services
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry

pytestmark = pytest.mark.django_db
URL = reverse("practices:timeline")


def write(user, practice="win", days_ago=0, **data):
    entry = services.save_worksheet(user, PRACTICES[practice], data or {"win": "A walk"})
    if days_ago:
        Entry.objects.filter(pk=entry.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
    return entry


def test_newest_first(owner_client, user):
    write(user, days_ago=3, win="Older")
    write(user, win="Newer")
    page = owner_client.get(URL).content.decode()
    assert page.index("Newer") < page.index("Older")


def test_filter_by_practice(owner_client, user):
    write(user, win="A walk")
    write(user, practice="self-compassion", moment="Hard day", kind_words="Gently")
    page = owner_client.get(URL, {"practice": "self-compassion"}).content.decode()
    assert "Hard day" in page and "A walk" not in page


def test_search_finds_words_anywhere_in_the_entry(owner_client, user):
    write(
        user, practice="mistake", what_happened="Missed the bus", information="I needed more time"
    )
    write(user, win="Cooked dinner")
    page = owner_client.get(URL, {"q": "NEEDED time"}).content.decode()
    assert "Missed the bus" in page and "Cooked dinner" not in page


def test_filter_by_dates(owner_client, user):
    write(user, days_ago=40, win="Long ago")
    write(user, win="Recent")
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    page = owner_client.get(URL, {"from": since}).content.decode()
    assert "Recent" in page and "Long ago" not in page


def test_bad_filter_values_are_ignored_kindly(owner_client, user):
    write(user, win="Still here")
    page = owner_client.get(
        URL, {"from": "not-a-date", "to": "2026-99-99", "practice": "<script>", "page": "x"}
    ).content.decode()
    assert "Still here" in page


def test_pages_of_twenty(owner_client, user):
    for n in range(25):
        write(user, win=f"Win {n}")
    first = owner_client.get(URL).content.decode()
    assert "Page 1 of 2" in first and first.count('class="title"') == 20
    assert owner_client.get(URL, {"page": 2}).content.decode().count('class="title"') == 5


def test_delete_hides_at_once_and_undo_brings_it_back(owner_client, user):
    entry = write(user, win="Keep me")
    response = owner_client.post(reverse("practices:delete", args=[entry.pk]), follow=True)
    page = response.content.decode()
    assert "was deleted" in page and "Undo" in page
    assert 'class="title"' not in page
    owner_client.post(reverse("practices:restore", args=[entry.pk]))
    assert "Keep me" in owner_client.get(URL).content.decode()


def test_deleted_entries_are_gone_for_good_after_the_undo_window(owner_client, user):
    entry = write(user, win="Let go")
    services.delete_entry(entry)
    Entry.objects.filter(pk=entry.pk).update(
        deleted_at=timezone.now() - services.UNDO_WINDOW - timedelta(seconds=1)
    )
    assert owner_client.post(reverse("practices:restore", args=[entry.pk])).status_code == 302
    assert Entry.objects.get(pk=entry.pk).deleted_at is not None
    owner_client.get(URL)
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_a_deleted_entry_is_not_found(owner_client, user):
    entry = write(user)
    services.delete_entry(entry)
    assert owner_client.get(reverse("practices:entry", args=[entry.pk])).status_code == 404


def test_only_my_entries(owner_client, other_user):
    write(other_user, win="Their win")
    page = owner_client.get(URL).content.decode()
    assert "Their win" not in page and "0 entries" in page
