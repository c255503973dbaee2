import json

import pytest
from django.urls import reverse

from selftrust.safety import resources

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["safety:ground", "safety:help"])
def test_safety_pages_work_without_logging_in(client, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "url, logged_in",
    [
        ("/", False),
        ("/login/", False),
        ("/signup/", False),
        ("/help/", False),
        ("/today/", True),
        ("/promises/", True),
        ("/promises/new/", True),
        ("/track-record/", True),
        ("/settings/", True),
        ("/welcome/", True),
        ("/help/country/", False),
    ],
)
def test_every_page_has_ground_me_now_and_get_help_now(client, user, url, logged_in):
    if logged_in:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/ground/"' in page and "Ground me now" in page
    assert 'href="/help/"' in page and "Get help now" in page


def test_grounding_page_guides_five_senses_and_breathing(client):
    page = client.get(reverse("safety:ground")).content.decode()
    for count in ("5", "4", "3", "2", "1"):
        assert f"Name {count} " in page
    assert "data-pacer" in page


def test_ground_me_now_is_full_screen_with_one_way_back_and_help_one_tap_away(client, user):
    client.force_login(user)
    page = client.get(reverse("safety:ground"), HTTP_REFERER="http://testserver/promises/")
    html = page.content.decode()
    assert 'class="main-nav"' not in html and "site-footer" not in html
    assert '<a class="calm-back" href="/promises/">' in html
    assert 'href="/help/"' in html


def test_ground_me_now_never_sends_people_back_to_another_site(client):
    page = client.get(reverse("safety:ground"), HTTP_REFERER="https://elsewhere.example/x")
    assert '<a class="calm-back" href="/">' in page.content.decode()


def test_help_without_any_clue_offers_112_a_directory_and_a_way_to_choose(client):
    page = client.get(reverse("safety:help"), HTTP_ACCEPT_LANGUAGE="").content.decode()
    assert 'href="tel:112"' in page
    assert "findahelpline.com" in page
    assert "Choose your country" in page


def test_operator_can_replace_the_list_with_a_file(client, settings, tmp_path):
    path = tmp_path / "resources.json"
    path.write_text(
        json.dumps(
            [
                {
                    "name": "Telefonseelsorge",
                    "region": "Deutschland",
                    "contacts": [
                        {"label": "Anrufen", "value": "0800 111 0 111", "href": "tel:08001110111"}
                    ],
                }
            ]
        )
    )
    settings.CRISIS_RESOURCES_FILE = str(path)
    page = client.get(reverse("safety:help")).content.decode()
    assert "Telefonseelsorge" in page and 'href="tel:08001110111"' in page
    assert "Samaritans" not in page


def test_a_broken_resources_file_is_reported_to_the_operator(settings, tmp_path):
    path = tmp_path / "resources.json"
    path.write_text('[{"name": "x", "contacts": [{"href": "javascript:alert(1)"}]}]')
    settings.CRISIS_RESOURCES_FILE = str(path)
    with pytest.raises(Exception, match="must start with tel:"):
        resources.crisis_resources()


def test_grounding_page_also_guides_a_body_scan_and_naming_what_is_safe(client):
    page = client.get(reverse("safety:ground")).content.decode()
    assert "A short body scan" in page
    assert "Name what is safe right now" in page
