"""Crisis lines per country: the data file, the guess, the choice."""

import re
from datetime import date

import pytest
from django.urls import reverse

from selftrust.safety import regions
from selftrust.safety.models import TrustedPerson
from selftrust.safety.phones import dialable

pytestmark = pytest.mark.django_db

REQUIRED_COUNTRIES = {"US", "CA", "GB", "IE", "AU", "NZ", "IN", "ZA", "BR", "MX", "AR", "JP"}
EUROPEAN = {
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "NL",
    "ES",
    "PT",
    "IT",
    "SE",
    "NO",
    "DK",
    "FI",
    "PL",
    "CZ",
    "GR",
    "GB",
    "IE",
}


def test_the_data_covers_at_least_25_countries_the_issue_names_and_13_more_in_europe():
    codes = {region.code for region in regions.all_regions()}
    assert len(codes) >= 25
    assert codes >= REQUIRED_COUNTRIES
    assert len((codes & EUROPEAN) - {"GB", "IE"}) >= 13


@pytest.mark.parametrize("region", regions.all_regions(), ids=lambda r: r.code)
def test_every_line_has_a_number_an_organisation_and_its_own_dated_source(region):
    assert dialable(region.emergency)
    assert region.lines
    for line in region.lines + region.support_lines:
        assert line.organisation.strip()
        assert line.call or line.text
        assert line.source.startswith("https://")
        assert date.fromisoformat(line.checked) <= date.today()
        for number in (line.call, line.text):
            assert not number or 3 <= len(dialable(number)) <= 15


def test_time_zones_belong_to_one_country_each():
    seen = {}
    for region in regions.all_regions():
        for zone in region.time_zones:
            assert zone not in seen, f"{zone} in {seen.get(zone)} and {region.code}"
            seen[zone] = region.code


@pytest.mark.parametrize(
    "time_zones, languages, expected",
    [
        (("Europe/Berlin",), "en-US,en;q=0.9", "DE"),  # the time zone wins over the language
        ((None, "America/Sao_Paulo"), "", "BR"),
        (("UTC",), "de-AT,de;q=0.8", "AT"),
        (("UTC",), "ja", "JP"),
        ((), "en-GB", "GB"),
        ((), "x-klingon, en;q=0.5", None),
        ((), "", None),
    ],
)
def test_a_guess_from_time_zone_then_language(time_zones, languages, expected):
    choice = regions.choose_region(chosen=None, time_zones=time_zones, accept_language=languages)
    assert choice.guessed
    assert (choice.region.code if choice.region else None) == expected


def test_a_choice_beats_any_guess_and_is_not_called_a_guess():
    choice = regions.choose_region(
        chosen="ie", time_zones=("Europe/Berlin",), accept_language="de-DE"
    )
    assert choice.region.code == "IE" and not choice.guessed


def _help(client, **headers) -> str:
    return client.get(reverse("safety:help"), **headers).content.decode()


def test_help_shows_the_guessed_country_as_a_guess_with_a_way_to_change_it(client):
    page = _help(client, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert "Showing lines for Germany (our guess)" in page
    assert 'href="tel:08001110111"' in page
    assert 'href="tel:112"' in page and "Call 112" in page
    assert 'href="/help/country/"' in page
    assert "https://www.telefonseelsorge.de/" in page  # its source, for anyone to check


def test_the_browser_time_zone_cookie_guides_the_guess(client):
    client.cookies["selftrust_tz"] = "Australia/Sydney"
    page = _help(client, HTTP_ACCEPT_LANGUAGE="en-US")
    assert "Showing lines for Australia" in page and 'href="tel:000"' in page
    assert 'href="tel:131114"' in page


def test_a_signed_in_persons_time_zone_guides_the_guess(client, user):
    user.time_zone = "Asia/Tokyo"
    user.save()
    client.force_login(user)
    page = _help(client, HTTP_ACCEPT_LANGUAGE="en-US")
    assert "Showing lines for Japan" in page and 'href="tel:119"' in page


def test_a_visitor_chooses_a_country_kept_in_a_cookie(client):
    response = client.post(reverse("safety:region"), {"region": "NZ"})
    assert response.status_code == 302 and response["Location"] == "/help/"
    page = _help(client, HTTP_ACCEPT_LANGUAGE="en-US")
    assert "Lines for Aotearoa New Zealand" in page and "our guess" not in page
    assert 'href="tel:1737"' in page and 'href="tel:111"' in page


def test_a_signed_in_person_chooses_in_settings_and_it_is_kept_on_the_account(client, user):
    client.force_login(user)
    settings_page = client.get(reverse("accounts:settings")).content.decode()
    assert 'action="/help/country/"' in settings_page and "Your country" in settings_page
    response = client.post(reverse("safety:region"), {"region": "IE", "next": "/settings/"})
    assert response["Location"] == "/settings/"
    user.refresh_from_db()
    assert user.crisis_region == "IE"
    page = _help(client, HTTP_ACCEPT_LANGUAGE="de-DE")
    assert "Lines for Ireland" in page and 'href="tel:116123"' in page


def test_letting_selftrust_guess_again_clears_the_choice(client, user):
    user.crisis_region = "IE"
    user.save()
    client.force_login(user)
    client.post(reverse("safety:region"), {"region": ""})
    user.refresh_from_db()
    assert user.crisis_region == ""


def test_an_unknown_country_is_refused_kindly_and_changes_nothing(client, user):
    client.force_login(user)
    response = client.post(reverse("safety:region"), {"region": "ZZ"})
    assert response.status_code == 400
    assert "Please choose a country from the list" in response.content.decode()
    user.refresh_from_db()
    assert user.crisis_region == ""


def test_the_choice_never_redirects_to_another_site(client):
    response = client.post(
        reverse("safety:region"), {"region": "GB", "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == "/help/"


def test_an_operator_list_overrides_every_region(client, settings, tmp_path):
    path = tmp_path / "resources.json"
    path.write_text(
        '[{"name": "Clinic line", "contacts": [{"label": "Call", "value": "0100", '
        '"href": "tel:0100"}]}]'
    )
    settings.CRISIS_RESOURCES_FILE = str(path)
    page = _help(client, HTTP_ACCEPT_LANGUAGE="de-DE")
    assert 'href="tel:0100"' in page
    assert "Germany" not in page and "TelefonSeelsorge" not in page


def test_call_buttons_come_first_people_then_the_line_then_the_emergency_number(client, user):
    TrustedPerson.objects.create(user=user, name="Ana", phone="+44 7700 900123")
    TrustedPerson.objects.create(user=user, name="Email only", email="a@example.org")
    user.crisis_region = "GB"
    user.save()
    client.force_login(user)
    page = _help(client)
    first_screen = page.split('id="crisis-lines"')[0]
    hrefs = re.findall(r'class="call-button[^"]*" href="([^"]+)"', first_screen)
    assert hrefs[:3] == ["tel:+447700900123", "sms:+447700900123", "tel:116123"]
    assert hrefs[-1] == "tel:999"
    assert "Email only" not in first_screen.split('class="call-now"')[1].split("</section>")[0]


def test_domestic_abuse_and_sexual_violence_lines_are_built_in_with_sources():
    with_support = [region for region in regions.all_regions() if region.support_lines]
    assert len(with_support) >= 20
    kinds = {line.kind for region in with_support for line in region.support_lines}
    assert kinds <= {"domestic abuse", "sexual violence", "domestic abuse and sexual violence"}


def test_help_lists_abuse_lines_for_the_country(client):
    page = _help(client, HTTP_ACCEPT_LANGUAGE="en-GB")
    section = page.split('id="support-lines"')[1].split("</section>\n{%")[0]
    assert "If someone is hurting you" in page
    assert 'href="tel:08082000247"' in section and "For domestic abuse" in section
    page = _help(client, HTTP_ACCEPT_LANGUAGE="en-US")
    assert 'href="tel:8007997233"' in page and 'href="sms:88788"' in page
    assert 'href="tel:8006564673"' in page


def test_without_a_sourced_abuse_line_help_points_to_the_crisis_lines(client):
    page = _help(client, HTTP_ACCEPT_LANGUAGE="fr-CH")  # Switzerland: none sourced yet
    assert "The crisis lines above can also help" in page and "call 112" in page
