import pytest

from selftrust.assessments.models import AssessmentResponse

pytestmark = pytest.mark.django_db


def test_posting_answers_returns_the_score(api):
    response = api.post("/assessments/phq-9/responses", {"answers": [1, 1, 1, 1, 1, 1, 1, 1, 0]})
    assert response.status_code == 201
    body = response.json()
    assert (body["total"], body["band"], body["subscales"], body["safety_alert"]) == (
        8,
        "Mild",
        {},
        False,
    )


def test_item_9_raises_the_safety_alert(api):
    body = api.post("/assessments/phq-9/responses", {"answers": [0] * 8 + [1]}).json()
    assert body["safety_alert"] is True


def test_pcl5_subscales_and_who5_percentage(api):
    pcl = api.post("/assessments/pcl-5/responses", {"answers": [4] * 20}).json()
    assert pcl["total"] == 80 and pcl["subscales"]["Avoidance (cluster C)"] == 8
    who = api.post("/assessments/who-5/responses", {"answers": [5, 4, 3, 2, 1]}).json()
    assert (who["total"], who["percent"]) == (15, 60)


@pytest.mark.parametrize(
    "path, body, status",
    [
        ("/assessments/phq-9/responses", {"answers": [0] * 8}, 422),
        ("/assessments/phq-9/responses", {"answers": [0] * 8 + [4]}, 422),
        ("/assessments/phq-9/responses", {"answers": [0] * 8 + ["1"]}, 422),
        ("/assessments/gse/responses", {"answers": [0] * 10}, 422),
        ("/assessments/phq-9/responses", {"answers": "0,0,0"}, 422),
        ("/assessments/phq-9/responses", {}, 422),
        ("/assessments/gad-7/responses", {"answers": [0] * 7, "functional_difficulty": 1}, 422),
        ("/assessments/made-up/responses", {"answers": [0]}, 404),
    ],
)
def test_bad_answers_get_a_clear_json_error_and_store_nothing(api, path, body, status):
    response = api.post(path, body)
    assert response.status_code == status
    assert response.json()["detail"]
    assert not AssessmentResponse.objects.exists()


def test_listing_shows_only_my_results(api, other_api):
    api.post("/assessments/gad-7/responses", {"answers": [1] * 7})
    other_api.post("/assessments/gad-7/responses", {"answers": [3] * 7})
    assert [r["total"] for r in api.get("/assessments/gad-7/responses").json()] == [7]


def test_results_need_authentication(anonymous_api):
    assert anonymous_api.get("/assessments/gad-7/responses").status_code == 401
    assert (
        anonymous_api.post("/assessments/gad-7/responses", {"answers": [0] * 7}).status_code == 401
    )
