"""The one store every form's draft goes through."""

import pytest
from django.db.models import QuerySet

from selftrust.drafts import store
from selftrust.drafts.models import Draft

pytestmark = pytest.mark.django_db


def test_a_draft_is_kept_exactly_as_typed_and_given_back(user):
    fields = {"moment": ["Rough morning 🌧️\nأنا بخير"], "values": ["rest", "play"]}
    assert store.save(user, "practice:self-compassion:new", fields)
    assert store.get(user, "practice:self-compassion:new") == fields


def test_saving_again_replaces_the_draft_rather_than_adding_one(user):
    store.save(user, "practice:win:new", {"win": ["Half"]})
    store.save(user, "practice:win:new", {"win": ["Half typed"]})
    assert Draft.objects.count() == 1
    assert store.get(user, "practice:win:new") == {"win": ["Half typed"]}


def test_replacing_a_draft_changes_what_the_persons_kept_pages_show(user):
    store.save(user, "practice:win:new", {"win": ["Half"]})
    user.refresh_from_db()
    before = user.data_version
    store.save(user, "practice:win:new", {"win": ["Half typed"]})
    user.refresh_from_db()
    assert user.data_version > before


def test_an_autosave_racing_the_form_save_that_let_the_draft_go_makes_it_again(user):
    # The old way read the draft, then the save let it go, then its UPDATE found no row and
    # the request failed. Now the UPDATE finding nothing is simply followed by a new draft.
    store.save(user, "practice:win:new", {"win": ["Half"]})
    store.discard(user, "practice:win:new")
    assert store.save(user, "practice:win:new", {"win": ["Half typed"]})
    assert store.get(user, "practice:win:new") == {"win": ["Half typed"]}


def test_two_first_autosaves_at_once_keep_the_later_words(user, monkeypatch):
    # The other autosave's INSERT lands just after this one's UPDATE found nothing.
    update = QuerySet.update
    calls = []

    def the_other_autosave_lands_in_between(queryset, **values):
        calls.append(values)
        if len(calls) == 1:
            Draft.objects.create(user=user, key="practice:win:new", data={"win": ["Half"]})
            return 0
        return update(queryset, **values)

    monkeypatch.setattr(QuerySet, "update", the_other_autosave_lands_in_between)
    assert store.save(user, "practice:win:new", {"win": ["Half typed"]})
    assert Draft.objects.count() == 1
    assert store.get(user, "practice:win:new") == {"win": ["Half typed"]}


def test_the_form_token_and_the_button_pressed_are_not_part_of_the_words(user):
    store.save(user, "safety-plan", {"csrfmiddlewaretoken": ["x"], "action": ["pause"], "a": ["b"]})
    assert store.get(user, "safety-plan") == {"a": ["b"]}


def test_nul_never_reaches_the_database_in_values_or_names(user):
    store.save(user, "practice:win:new", {"win\x00": ["a\x00b"]})
    assert store.get(user, "practice:win:new") == {"win": ["ab"]}


def test_single_values_are_kept_as_a_list_like_everything_a_browser_posts(user):
    store.save(user, "practice:win:new", {"win": "One"})
    assert store.get(user, "practice:win:new") == {"win": ["One"]}


def test_a_draft_far_larger_than_any_form_is_refused_and_the_old_one_kept(user):
    store.save(user, "practice:win:new", {"win": ["Mine"]})
    assert not store.save(user, "practice:win:new", {"win": ["x" * (store.MAX_CHARACTERS + 1)]})
    assert not store.save(user, "practice:win:new", {f"f{n}": ["x"] for n in range(250)})
    assert store.get(user, "practice:win:new") == {"win": ["Mine"]}


def test_the_longest_real_form_fits_with_room_to_spare(user):
    # A thought record with every box full of four-byte characters.
    fields = {name: ["🌧" * 4000] for name in ("a", "b", "c", "d", "e")}
    assert store.save(user, "practice:thought-record:new", fields)


def test_drafts_are_each_persons_own(user, other_user):
    store.save(other_user, "practice:win:new", {"win": ["Theirs"]})
    assert store.get(user, "practice:win:new") is None
    store.discard(user, "practice:win:new")
    assert store.get(other_user, "practice:win:new") == {"win": ["Theirs"]}


def test_a_draft_restores_as_initial_values_with_every_ticked_choice(user):
    store.save(user, "practice:values:new", {"values": ["rest", "play"], "meaning": ["a", "b"]})
    initial = store.restore(user, "practice:values:new", {"values"})
    assert initial == {"values": ["rest", "play"], "meaning": "b"}
    assert store.restore(user, "practice:win:new") is None


def test_the_drafts_of_one_kind_come_back_in_one_query(user, django_assert_num_queries):
    store.save(user, "assessment:phq-9", {"item_1": ["2"]})
    store.save(user, "assessment:gad-7", {"item_1": ["1"]})
    store.save(user, "safety-plan", {"a": ["b"]})
    with django_assert_num_queries(1):
        kept = store.kept_under(user, "assessment:")
    assert set(kept) == {"assessment:phq-9", "assessment:gad-7"}
