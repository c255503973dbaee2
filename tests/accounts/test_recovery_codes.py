"""Recovery codes: shown once at sign-up, stored as digests, one code sets a new passphrase."""

import html

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from selftrust.accounts import recovery
from selftrust.accounts.models import ApiToken, RecoveryCode, User
from tests.factories import PASSPHRASE, UserFactory, api_token_for, recovery_codes_for

pytestmark = pytest.mark.django_db
RECOVER = reverse("accounts:recover")
CODES_PAGE = reverse("accounts:recovery_codes")
NEW = "gentle evening walk"
NOT_A_MATCH = "That username and recovery code don't go together, or the code was used already."


def text(response) -> str:
    return html.unescape(response.content.decode())


def recover(client, code, username="river", new=NEW, again=None, **extra):
    return client.post(
        RECOVER,
        {"username": username, "code": code, "new_password1": new, "new_password2": again or new},
        **extra,
    )


def codes_on(page: str) -> list[str]:
    return [part.split("</code>")[0] for part in page.split("<code>")[1:]]


def sign_up(client):
    return client.post(
        reverse("accounts:signup"),
        {"username": "sky", "password1": "slow steady breath", "password2": "slow steady breath"},
    )


# Shown once after sign-up


def test_sign_up_shows_ten_codes_once_and_keeps_only_their_digests(client, settings):
    settings.SIGNUP_MODE = "open"
    assert sign_up(client)["Location"] == CODES_PAGE
    response = client.get(CODES_PAGE)
    page = text(response)
    codes = codes_on(page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "these codes are your way back in" in page
    assert "Print them" in page and "Copy them" in page
    user = User.objects.get(username="sky")
    stored = set(RecoveryCode.objects.filter(user=user).values_list("digest", flat=True))
    assert stored == {recovery.digest_of(code) for code in codes}
    for code in codes:
        assert code not in stored and code.replace("-", "") not in "".join(stored)
    # Never kept by a browser cache or a proxy.
    assert "no-store" in response["Cache-Control"]

    saved = client.post(CODES_PAGE)
    assert saved["Location"] == reverse("accounts:welcome")
    # Gone once saved: the page now says kindly where a new set can be made.
    gone = text(client.get(CODES_PAGE))
    assert not codes_on(gone) and not any(code in gone for code in codes)
    assert "Make new codes in Settings" in gone
    assert recovery.SHOWN_KEY not in client.session


def test_the_codes_page_needs_a_login(client):
    assert client.get(CODES_PAGE)["Location"].startswith(reverse("accounts:login"))


def test_a_code_is_three_groups_of_four_from_an_unambiguous_alphabet(person):
    for code in recovery_codes_for(person):
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(recovery.ALPHABET)
        assert not set("ILOU") & set(code)


# Using a code


def test_a_code_sets_a_new_passphrase_signs_in_and_says_how_many_are_left(client, person):
    codes = recovery_codes_for(person)
    response = recover(client, codes[0])
    assert response["Location"] == reverse("promises:today")
    assert client.session[SESSION_KEY] == str(person.pk)
    person.refresh_from_db()
    assert person.check_password(NEW)
    page = text(client.get(response["Location"]))
    assert "Your new passphrase is saved and you're signed in. You have 9 recovery codes left." in (
        page
    )
    assert "make a fresh set" not in page


def test_when_few_codes_are_left_a_fresh_set_is_suggested(client, person):
    codes = recovery_codes_for(person)
    for used in codes[1:8]:
        assert recover(Client(), used)["Location"] == reverse("promises:today")
    response = recover(client, codes[0])
    page = text(client.get(response["Location"]))
    assert "You have 2 recovery codes left." in page
    assert "You can make a fresh set in Settings whenever you like." in page


def test_each_code_works_once(person):
    codes = recovery_codes_for(person)
    assert recover(Client(), codes[3])["Location"] == reverse("promises:today")
    response = recover(Client(), codes[3], new="another calm phrase")
    assert response.status_code == 400
    assert NOT_A_MATCH in text(response)
    person.refresh_from_db()
    assert person.check_password(NEW)


def test_capitals_spaces_and_dashes_do_not_matter(client, person):
    code = recovery_codes_for(person)[0]
    typed = " " + code.replace("-", " ").lower() + " "
    assert recover(client, typed)["Location"] == reverse("promises:today")


def test_recovering_ends_every_other_session_and_revokes_tokens(client, person):
    elsewhere = Client()
    elsewhere.force_login(person)
    api_token_for(person)
    recover(client, recovery_codes_for(person)[0])
    assert elsewhere.get(reverse("accounts:settings")).status_code == 302
    assert not ApiToken.objects.filter(user=person).exists()
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_a_wrong_code_and_an_unknown_name_get_the_same_kind_answer(person):
    code = recovery_codes_for(person)[0]
    wrong = recover(Client(), "AAAA-BBBB-CCCC")
    unknown = recover(Client(), code, username="nobody-here")
    assert wrong.status_code == unknown.status_code == 400
    assert NOT_A_MATCH in text(wrong) and NOT_A_MATCH in text(unknown)
    assert "Take your time" in text(wrong)
    person.refresh_from_db()
    assert person.check_password(PASSPHRASE)


def test_someone_elses_code_does_not_work_for_my_account(person):
    theirs = recovery_codes_for(UserFactory(username="sky"))[0]
    recovery_codes_for(person)
    assert recover(Client(), theirs, username="river").status_code == 400


def test_a_passphrase_that_breaks_the_rules_does_not_use_up_the_code(client, person):
    code = recovery_codes_for(person)[0]
    response = recover(client, code, new="short")
    assert response.status_code == 200
    assert "too short" in text(response)
    assert recovery.codes_left(person) == 10
    assert not AccessAttempt.objects.exists()


def test_wrong_codes_count_toward_the_pause_so_guessing_is_not_unlimited(person):
    code = recovery_codes_for(person)[0]
    for _ in range(9):
        assert recover(Client(), "AAAA-BBBB-CCCC").status_code == 400
    paused = recover(Client(), "AAAA-BBBB-CCCC")
    assert paused.status_code == 429
    assert "paused for about 15 minutes" in text(paused)
    assert "Forgot your passphrase?" in text(paused)
    # While paused, even the right code is not looked at, and nothing is used up.
    assert recover(Client(), code).status_code == 429
    assert recovery.codes_left(person) == 10
    # Signing in with the passphrase waits too: it is one count per account.
    login = reverse("accounts:login")
    assert Client().post(login, {"username": "river", "password": PASSPHRASE}).status_code == 429


def test_wrong_codes_are_told_at_the_next_sign_in(person):
    recover(Client(), "AAAA-BBBB-CCCC")
    recover(Client(), "AAAA-BBBB-DDDD")
    page = text(
        Client().post(
            reverse("accounts:login"), {"username": "river", "password": PASSPHRASE}, follow=True
        )
    )
    assert "There were 2 unsuccessful attempts to sign in to your account" in page


def test_a_successful_recovery_lifts_the_pause_for_that_account(person):
    code = recovery_codes_for(person)[0]
    for _ in range(5):
        recover(Client(), "AAAA-BBBB-CCCC")
    assert recover(Client(), code).status_code == 302
    assert not AccessAttempt.objects.filter(username="river").exists()


def test_what_axes_keeps_of_a_wrong_code_holds_neither_the_code_nor_the_passphrase(person):
    recover(Client(), "ZZZZ-YYYY-XXXX", new="my brand new secret words")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "river"
    assert "ZZZZ" not in attempt.post_data
    assert "brand new secret" not in attempt.post_data


def test_an_account_that_is_switched_off_cannot_be_recovered(person):
    code = recovery_codes_for(person)[0]
    User.objects.filter(pk=person.pk).update(is_active=False)
    assert recover(Client(), code).status_code == 400


def test_codes_made_before_the_secret_key_changed_work_while_it_is_a_fallback(
    client, person, settings
):
    code = recovery_codes_for(person)[0]
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a new key for this installation " * 2
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert recover(client, code)["Location"] == reverse("promises:today")


def test_the_login_page_leads_to_the_recovery_form(client):
    page = text(client.get(reverse("accounts:login")))
    assert f'href="{RECOVER}"' in page and "Forgot your passphrase?" in page
    form = text(client.get(RECOVER))
    assert "One of your recovery codes" in form
    assert "The person who runs this server can set a new passphrase for you" in form


def test_someone_signed_in_is_sent_to_settings_instead(person):
    client = Client()
    client.force_login(person)
    assert client.get(RECOVER)["Location"] == reverse("accounts:settings")


# A new set from Settings


def test_a_new_set_from_settings_replaces_the_old_codes(person):
    old = recovery_codes_for(person)
    client = Client()
    client.force_login(person)
    response = client.post(reverse("accounts:new_recovery_codes"), {"password": PASSPHRASE})
    assert response["Location"] == CODES_PAGE
    new = codes_on(text(client.get(CODES_PAGE)))
    assert len(new) == 10 and not set(new) & set(old)
    assert client.post(CODES_PAGE)["Location"] == reverse("accounts:settings")
    assert recover(Client(), old[0]).status_code == 400
    assert recover(Client(), new[0]).status_code == 302


def test_a_new_set_needs_the_passphrase(person):
    old = recovery_codes_for(person)
    client = Client()
    client.force_login(person)
    response = client.post(reverse("accounts:new_recovery_codes"), {"password": "wrong guess"})
    assert response.status_code == 400
    assert "That passphrase doesn't match. Your codes are as they were." in text(response)
    assert recovery.codes_left(person) == 10
    assert recover(Client(), old[0]).status_code == 302


def test_settings_say_how_many_codes_are_left(person):
    client = Client()
    client.force_login(person)
    assert "You have no unused codes right now" in text(client.get(reverse("accounts:settings")))
    recovery_codes_for(person)
    assert "You have 10 unused codes." in text(client.get(reverse("accounts:settings")))


def test_making_codes_needs_a_login_and_a_post(client, person):
    url = reverse("accounts:new_recovery_codes")
    assert client.post(url, {"password": PASSPHRASE})["Location"].startswith(
        reverse("accounts:login")
    )
    client.force_login(person)
    assert client.get(url).status_code == 405


# Shown briefly: a reload works while they are written down; later, on a shared phone,
# nobody else can open them, and they leave the session on the server.


def made_minutes_ago(client, minutes: float) -> None:
    session = client.session
    shown = session[recovery.SHOWN_KEY]
    shown["made_at"] -= minutes * 60
    session[recovery.SHOWN_KEY] = shown
    session.save()


def test_a_reload_within_ten_minutes_shows_the_same_codes(client, settings):
    settings.SIGNUP_MODE = "open"
    sign_up(client)
    first = codes_on(text(client.get(CODES_PAGE)))
    made_minutes_ago(client, 9)
    again = text(client.get(CODES_PAGE))
    assert codes_on(again) == first and len(first) == 10
    assert "This page shows them for 10 minutes after they were made" in again


def test_after_ten_minutes_the_codes_are_not_shown_and_leave_the_session(client, settings):
    settings.SIGNUP_MODE = "open"
    sign_up(client)
    codes = codes_on(text(client.get(CODES_PAGE)))
    made_minutes_ago(client, 11)
    response = client.get(CODES_PAGE)
    page = text(response)
    assert response.status_code == 200
    assert not codes_on(page) and not any(code in page for code in codes)
    assert "shown only for a few minutes, just after they're made" in page
    assert f'href="{reverse("accounts:settings")}#recovery-heading"' in page
    assert "no-store" in response["Cache-Control"]
    assert "codes" not in client.session[recovery.SHOWN_KEY]
    # Straight after sign-up, the welcome is still one button away.
    assert "Go on to a short welcome" in page
    assert client.post(CODES_PAGE)["Location"] == reverse("accounts:welcome")
    assert recovery.SHOWN_KEY not in client.session


def test_after_ten_minutes_any_other_page_takes_the_codes_out_of_the_session(client, settings):
    settings.SIGNUP_MODE = "open"
    sign_up(client)
    made_minutes_ago(client, 11)
    client.get(reverse("safety:ground"))
    assert client.session[recovery.SHOWN_KEY] == {"then": "accounts:welcome"}
    # Writing them down took longer than ten minutes: "I have saved them" still goes on.
    assert client.post(CODES_PAGE)["Location"] == reverse("accounts:welcome")


def test_within_ten_minutes_other_pages_leave_the_codes_to_be_shown(client, settings):
    settings.SIGNUP_MODE = "open"
    sign_up(client)
    made_minutes_ago(client, 5)
    client.get(reverse("safety:ground"))
    assert len(codes_on(text(client.get(CODES_PAGE)))) == 10


def test_codes_kept_in_a_session_before_this_change_are_never_shown(person):
    client = Client()
    client.force_login(person)
    session = client.session
    session[recovery.SHOWN_KEY] = {"codes": recovery_codes_for(person), "then": "accounts:settings"}
    session.save()
    page = text(client.get(CODES_PAGE))
    assert not codes_on(page) and "Go on to a short welcome" not in page
    assert "codes" not in client.session[recovery.SHOWN_KEY]


def test_a_new_set_from_settings_is_shown_briefly_too(person):
    client = Client()
    client.force_login(person)
    client.post(reverse("accounts:new_recovery_codes"), {"password": PASSPHRASE})
    assert len(codes_on(text(client.get(CODES_PAGE)))) == 10
    made_minutes_ago(client, 10.5)
    page = text(client.get(CODES_PAGE))
    assert not codes_on(page) and "Make new codes in Settings" in page
    assert client.post(CODES_PAGE)["Location"] == reverse("accounts:settings")


def test_the_codes_page_with_nothing_to_show_is_kind_not_a_redirect(person):
    client = Client()
    client.force_login(person)
    response = client.get(CODES_PAGE)
    assert response.status_code == 200
    assert "They can't be shown here again." in text(response)
