from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from selftrust.assessments import services
from selftrust.assessments.instruments import GAD7, PCL5, PHQ9
from selftrust.assessments.models import AssessmentResponse

pytestmark = pytest.mark.django_db


def take(user, instrument, answers, days_ago=0, extra=None):
    response = services.complete(user, instrument, answers, extra)
    response.completed_at = timezone.now() - timedelta(days=days_ago)
    response.save()
    return response


def test_history_shows_a_trend_chart_with_bands_and_a_table(owner_client, user):
    take(user, PHQ9, [2] * 9, days_ago=30)
    take(user, PHQ9, [1] * 9, days_ago=14)
    take(user, PHQ9, [0] * 9)
    page = owner_client.get(reverse("assessments:history", args=["phq-9"])).content.decode()
    assert '<svg class="chart"' in page
    assert page.count('class="shade shade-') == 5
    assert page.count("<tr><td>") == 3
    assert "isn&#x27;t a straight line" in page or "Ups and downs" in page


def test_result_and_history_of_another_person_are_not_found(owner_client, other_user):
    theirs = take(other_user, PHQ9, [0] * 9)
    assert owner_client.get(reverse("assessments:result", args=[theirs.pk])).status_code == 404
    assert owner_client.get(reverse("assessments:fhir", args=[theirs.pk])).status_code == 404
    page = owner_client.get(reverse("assessments:history", args=["phq-9"])).content.decode()
    assert "<tr><td>" not in page


def test_retake_is_offered_gently_after_two_weeks_only_for_instruments_taken_before(
    owner_client, user
):
    take(user, GAD7, [0] * 7, days_ago=15)
    take(user, PHQ9, [0] * 9, days_ago=3)
    assert services.retake_suggestions(user, user.local_today()) == [GAD7]
    page = owner_client.get(reverse("promises:today")).content.decode()
    assert "GAD-7" in page
    assert "PHQ-9" not in page


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    # The FHIR pseudonyms' namespace file goes in the data folder: a throwaway one here.
    settings.DATA_DIR = tmp_path


def fhir_bundle_for(client, response):
    download = client.get(reverse("assessments:fhir", args=[response.pk]))
    assert download["Content-Type"].startswith("application/fhir+json")
    return download.json()


def test_phq9_exports_as_valid_fhir_with_the_loinc_total(owner_client, user):
    response = take(user, PHQ9, [1, 2, 3, 0, 1, 2, 3, 0, 1], extra=2)
    data = fhir_bundle_for(owner_client, response)
    bundle = Bundle.model_validate(data)
    qr = QuestionnaireResponse.model_validate(data["entry"][0]["resource"])
    observation = Observation.model_validate(data["entry"][1]["resource"])
    assert bundle.type == "collection"
    assert qr.status == "completed"
    assert qr.questionnaire == "http://loinc.org/q/44249-1"
    assert [item.answer[0].valueCoding.code for item in qr.item[:9]] == [
        "LA6569-3",
        "LA6570-1",
        "LA6571-9",
        "LA6568-5",
        "LA6569-3",
        "LA6570-1",
        "LA6571-9",
        "LA6568-5",
        "LA6569-3",
    ]
    assert qr.item[9].linkId == "57492"
    assert qr.item[9].answer[0].valueCoding.code == "LA6575-0"
    assert qr.item[9].answer[0].valueCoding.display == "Very difficult"
    assert qr.item[10].answer[0].valueDecimal == 13
    assert observation.code.coding[0].system == "http://loinc.org"
    assert observation.code.coding[0].code == "44261-6"
    assert observation.valueQuantity.value == 13
    assert observation.derivedFrom[0].reference == data["entry"][0]["fullUrl"]


def test_gad7_total_uses_its_loinc_code(owner_client, user):
    data = fhir_bundle_for(owner_client, take(user, GAD7, [1] * 7))
    observation = Observation.model_validate(data["entry"][1]["resource"])
    assert observation.code.coding[0].code == "70274-6"


def test_pcl5_exports_its_clusters_as_components(owner_client, user):
    data = fhir_bundle_for(owner_client, take(user, PCL5, [1] * 20))
    observation = Observation.model_validate(data["entry"][1]["resource"])
    assert observation.code.coding is None
    assert {c.code.text: c.valueQuantity.value for c in observation.component} == {
        "Intrusions (cluster B)": 5,
        "Avoidance (cluster C)": 2,
        "Changes in thinking and mood (cluster D)": 7,
        "Changes in arousal and reactivity (cluster E)": 6,
    }


def test_deleting_the_account_deletes_results(owner_client, user):
    from tests.factories import PASSPHRASE

    take(user, PHQ9, [0] * 9)
    owner_client.post(reverse("accounts:delete"), {"password": PASSPHRASE})
    assert not AssessmentResponse.objects.exists()


def test_every_instrument_links_to_lessons_that_exist():
    from selftrust.assessments.instruments import INSTRUMENTS
    from selftrust.lessons.catalog import lesson_or_none

    for instrument in INSTRUMENTS.values():
        assert instrument.lessons
        assert all(lesson_or_none(slug) for slug in instrument.lessons), instrument.slug


def test_result_page_links_its_lessons(owner_client, user):
    response = take(user, PHQ9, [0] * 9)
    page = owner_client.get(reverse("assessments:result", args=[response.pk])).content.decode()
    assert "Worth reading" in page
    assert reverse("lessons:detail", args=["self-compassion"]) in page
