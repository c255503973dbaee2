import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PRIVACY = reverse("web:privacy")


def footer(page):
    return page.split('<footer class="site-footer">')[1].split("</footer>")[0]


def main(page):
    return page.split('<main id="main"')[1].split("</main>")[0]


@pytest.mark.parametrize("logged_in", [False, True])
def test_the_privacy_page_works_for_everyone(client, user, logged_in):
    if logged_in:
        client.force_login(user)
    response = client.get(PRIVACY)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Privacy</h1>" in page
    assert f'href="{reverse("accounts:settings")}"' in main(page)
    assert ("once you are signed in" in page) is not logged_in


def test_the_privacy_page_explains_the_crisis_check_plainly(client):
    page = main(client.get(PRIVACY).content.decode())
    assert 'id="screening"' in page
    assert "The gentle check for crisis words" in page
    # What it does: the words are saved as written, and support is shown.
    assert "still saved exactly as you wrote it" in page
    assert "safety plan" in page and "crisis lines" in page
    # What it never does: nothing sent, nobody told, nothing kept.
    assert "It runs only on this server. Your words are not sent anywhere to be checked." in page
    assert "Nobody is told, and the result is not stored" in page
    assert "No one is notified about anything you write." in page
    assert "Nothing is sent to any other service" in page
    # And it is honest about its limits.
    assert "It can be wrong both ways." in page and "not a diagnosis" in page
    # And about how it reads: a model first, with a phrase list beside it.
    assert "a small word model, also part of this server, that learned from thousands" in page
    assert "everyday expressions like" in page


def test_the_privacy_page_names_the_cookies_that_guess_the_country(client):
    page = main(client.get(PRIVACY).content.decode())
    assert 'id="cookies"' in page
    assert "your browser's time zone" in page and "Only this server reads them" in page


def test_the_privacy_page_says_what_is_kept(client):
    page = main(client.get(PRIVACY).content.decode())
    for kept in ("promises and check-ins", "practice entries and drafts", "the people you trust"):
        assert kept in page
    assert "one-way hash" in page


@pytest.mark.parametrize(
    "url, logged_in",
    [
        ("/", False),
        ("/login/", False),
        ("/signup/", False),
        ("/help/", False),
        ("/help/country/", False),
        ("/privacy/", False),
        ("/today/", True),
        ("/promises/", True),
        ("/promises/new/", True),
        ("/track-record/", True),
        ("/practice/", True),
        ("/settings/", True),
        ("/help/", True),
        ("/safety-plan/", True),
        ("/safety-plan/edit/", True),
        ("/trusted-people/", True),
        ("/trusted-people/new/", True),
    ],
)
def test_every_page_links_to_privacy_in_its_footer(client, user, url, logged_in):
    if logged_in:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<a href="{PRIVACY}">Privacy</a>' in footer(response.content.decode())


def test_settings_links_to_privacy_beside_the_data_choices(owner_client):
    page = main(owner_client.get(reverse("accounts:settings")).content.decode())
    data = page.split('id="data-heading"')[1].split("</section>")[0]
    assert f'<a href="{PRIVACY}">How your data is kept</a>' in data


def test_settings_links_to_the_safety_plan_and_trusted_people(owner_client):
    page = main(owner_client.get(reverse("accounts:settings")).content.decode())
    assert f'href="{reverse("safety:plan")}"' in page
    assert f'href="{reverse("safety:people")}"' in page
