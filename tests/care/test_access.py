import pytest
from django.http import Http404

from selftrust.care import categories
from selftrust.care.access import NotVerified, open_for_therapist
from selftrust.care.links import end_link
from selftrust.care.models import AccessRecord
from tests.care.conftest import link_between, make_therapist, with_second_factor

pytestmark = pytest.mark.django_db


def Verified(user, verified=True):  # noqa: N802 - reads as the state it gives
    """A therapist as django-otp's middleware leaves them, with or without a second factor."""
    user.is_verified = lambda: verified
    return user


def test_a_shared_category_opens_and_the_look_is_written_down(user, therapist):
    with_second_factor(therapist)
    link_between(user, therapist, shared=[categories.PROMISES])
    open_for_therapist(Verified(therapist), user.pk, categories.PROMISES)
    record = AccessRecord.objects.get()
    assert (record.person, record.therapist, record.category, record.allowed) == (
        user,
        therapist,
        categories.PROMISES,
        True,
    )


def test_an_unshared_category_is_404_and_the_attempt_is_written_down(user, therapist):
    link_between(user, therapist, shared=[categories.PROMISES])
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), user.pk, categories.SAFETY_PLAN)
    assert AccessRecord.objects.get().allowed is False


def test_an_unlinked_person_is_404_and_the_attempt_is_written_down(user, therapist):
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), user.pk, categories.PROMISES)
    assert AccessRecord.objects.filter(person=user, allowed=False).count() == 1


def test_after_the_link_ends_nothing_opens(user, therapist):
    link = link_between(user, therapist, shared=[categories.PROMISES])
    end_link(link, "therapist")
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), user.pk, categories.PROMISES)


def test_without_two_factor_sign_in_nothing_opens_and_nothing_is_recorded(user, therapist):
    link_between(user, therapist, shared=[categories.PROMISES])
    with pytest.raises(NotVerified):
        open_for_therapist(Verified(therapist, verified=False), user.pk, categories.PROMISES)
    assert not AccessRecord.objects.exists()


def test_two_therapists_of_one_person_see_only_what_each_was_given(user, therapist):
    second = make_therapist()
    link_between(user, therapist, shared=[categories.PROMISES])
    link_between(user, second, shared=[categories.MOOD])
    open_for_therapist(Verified(second), user.pk, categories.MOOD)
    with pytest.raises(Http404):
        open_for_therapist(Verified(second), user.pk, categories.PROMISES)
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), user.pk, categories.MOOD)


def test_a_person_who_is_not_a_therapist_opens_nothing(user, other_user):
    link_between(user, make_therapist(), shared=[categories.PROMISES])
    with pytest.raises(NotVerified):
        open_for_therapist(Verified(other_user), user.pk, categories.PROMISES)


def test_an_id_too_large_for_any_account_is_404_not_an_error(therapist):
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), 10**30, categories.PROMISES)


def test_a_made_up_category_is_written_down_as_unknown_never_as_asked(user, therapist):
    link_between(user, therapist, shared=[categories.PROMISES])
    with pytest.raises(Http404):
        open_for_therapist(Verified(therapist), user.pk, "practice-" + "x" * 80)
    record = AccessRecord.objects.get()
    assert (record.category, record.allowed) == ("unknown", False)
