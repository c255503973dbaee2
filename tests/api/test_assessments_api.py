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


# --- FHIR ---------------------------------------------------------------------------------------


def test_who5_at_28_percent_or_less_is_worth_talking_about(api):
    body = api.post("/assessments/who-5/responses", {"answers": [1, 1, 2, 2, 1]}).json()
    assert (body["total"], body["percent"], body["band"]) == (
        7,
        28,
        "Worth talking to a professional about",
    )
    body = api.post("/assessments/who-5/responses", {"answers": [2, 1, 2, 2, 1]}).json()
    assert (body["percent"], body["band"]) == (32, "Low wellbeing lately")


def test_a_personal_token_fetches_a_result_as_a_fhir_bundle(api):
    posted = api.post("/assessments/phq-9/responses", {"answers": [0] * 8 + [1]}).json()
    response = api.get(f"/assessments/phq-9/responses/{posted['id']}/fhir")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    bundle = response.json()
    assert bundle["resourceType"] == "Bundle"
    qr = bundle["entry"][0]["resource"]
    assert qr["questionnaire"] == "http://loinc.org/q/44249-1"
    assert qr["subject"]["identifier"]["system"] == "urn:selftrust:person"
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == [
        "QuestionnaireResponse",
        "Observation",
        "Observation",  # item 9 above 0
    ]


def test_another_persons_result_or_the_wrong_instrument_is_not_found(api, other_api, anonymous_api):
    posted = api.post("/assessments/gad-7/responses", {"answers": [1] * 7}).json()
    path = f"/assessments/gad-7/responses/{posted['id']}/fhir"
    assert api.get(path).status_code == 200
    theirs = other_api.get(path)
    assert theirs.status_code == 404
    assert theirs.json() == {"detail": "Not found."}
    assert api.get(f"/assessments/phq-9/responses/{posted['id']}/fhir").status_code == 404
    assert api.get(f"/assessments/made-up/responses/{posted['id']}/fhir").status_code == 404
    assert api.get("/assessments/gad-7/responses/999999/fhir").status_code == 404
    assert anonymous_api.get(path).status_code == 401


@pytest.mark.parametrize("slug", ["phq-9", "gad-7", "pcl-5", "who-5", "rses", "gse"])
def test_questionnaires_are_served_without_signing_in(anonymous_api, slug):
    response = anonymous_api.get(f"/fhir/Questionnaire/{slug}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    form = response.json()
    assert (form["resourceType"], form["id"]) == ("Questionnaire", slug)


def test_an_unknown_questionnaire_is_not_found(anonymous_api):
    response = anonymous_api.get("/fhir/Questionnaire/made-up")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_the_fhir_routes_document_their_status_codes():
    from selftrust.api.api import api as ninja_api

    paths = ninja_api.get_openapi_schema()["paths"]
    bundle = paths["/api/v1/assessments/{instrument}/responses/{response_id}/fhir"]["get"]
    # 422: a response id that isn't a whole number.
    assert set(bundle["responses"]) == {200, 401, 404, 422}
    assert "application/fhir+json" in bundle["responses"][200]["content"]
    form = paths["/api/v1/fhir/Questionnaire/{slug}"]["get"]
    assert set(form["responses"]) == {200, 404, 422}
    assert "security" not in form
