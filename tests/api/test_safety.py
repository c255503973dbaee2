import pytest

from selftrust.safety import plan as plans
from selftrust.safety.models import SafetyPlan, TrustedPerson

pytestmark = pytest.mark.django_db

SECTION_FIELDS = (
    "warning_signs",
    "coping_on_my_own",
    "people_and_places",
    "asking_for_help",
    "professionals",
    "safer_surroundings",
    "reasons_for_living",
)
PLAN = {
    "warning_signs": ["Not sleeping", "Cancelling on friends"],
    "coping_on_my_own": ["A hot shower"],
    "people_and_places": ["The library"],
    "asking_for_help": ["My sister"],
    "professionals": ["My GP surgery"],
    "safer_surroundings": ["Leave the car keys with a neighbour"],
    "reasons_for_living": ["My cat", "Seeing the sea again"],
}


def put_plan(api, body):
    return api.send("put", "/safety-plan", body)


def person(user, **fields) -> TrustedPerson:
    return TrustedPerson.objects.create(user=user, **{"name": "Sam", **fields})


def plan_state(user) -> dict | None:
    """Everything stored about a person's plan, to show a refused write changed nothing."""
    plan = SafetyPlan.objects.filter(user=user).first()
    if plan is None:
        return None
    state = {field: getattr(plan, field) for field in SECTION_FIELDS}
    state["help_people"] = sorted(plan.help_people.values_list("pk", flat=True))
    state["company_people"] = sorted(plan.company_people.values_list("pk", flat=True))
    state["updated_at"] = plan.updated_at
    return state


def people_state(user) -> list[tuple]:
    return list(
        TrustedPerson.objects.filter(user=user)
        .order_by("pk")
        .values_list("pk", "name", "phone", "email", "good_for")
    )


def assert_refused(response, field: str | None = None):
    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"]
    if field is not None:
        assert field in body["errors"], body


# --- the safety plan ----------------------------------------------------------------------


def test_without_a_plan_get_is_a_json_404_offering_the_crisis_lines(api):
    response = api.get("/safety-plan")
    assert response.status_code == 404
    body = response.json()
    assert "haven't made a safety plan" in body["detail"]
    assert body["starter"]["professionals"]
    assert all(isinstance(line, str) for line in body["starter"]["professionals"])


def test_a_plan_is_made_and_read_back_as_lists_of_lines(api, user):
    sister = person(user, name="Ama")
    cousin = person(user, name="Bo")
    response = put_plan(api, {**PLAN, "help_people": [sister.pk], "company_people": [cousin.pk]})
    assert response.status_code == 200, response.json()
    body = response.json()
    for field in SECTION_FIELDS:
        assert body[field] == PLAN[field]
    assert body["help_people"] == [{"id": sister.pk, "name": "Ama"}]
    assert body["company_people"] == [{"id": cousin.pk, "name": "Bo"}]
    assert body["updated_at"]
    plan = SafetyPlan.objects.get(user=user)
    assert plan.warning_signs == "Not sleeping\nCancelling on friends"
    read = api.get("/safety-plan")
    assert read.status_code == 200
    assert read.json() == body


def test_blank_lines_are_left_out_when_read_back(api):
    body = put_plan(api, {"reasons_for_living": ["My cat", "", "  ", "My niece"]}).json()
    assert body["reasons_for_living"] == ["My cat", "My niece"]


def test_put_replaces_the_whole_plan(api, user):
    ama, bo = person(user, name="Ama"), person(user, name="Bo")
    put_plan(api, {**PLAN, "help_people": [ama.pk, bo.pk], "company_people": [bo.pk]})
    response = put_plan(api, {"reasons_for_living": ["My niece"], "help_people": [bo.pk]})
    assert response.status_code == 200
    body = response.json()
    assert body["reasons_for_living"] == ["My niece"]
    assert body["warning_signs"] == [] and body["company_people"] == []
    assert body["help_people"] == [{"id": bo.pk, "name": "Bo"}]
    assert SafetyPlan.objects.filter(user=user).count() == 1


def test_two_first_plans_at_once_do_not_fail(api, user, monkeypatch):
    ama = person(user, name="Ama")
    SafetyPlan.objects.create(user=user, reasons_for_living="From the page")
    real_plan_for = plans.plan_for
    reads = []

    def first_read_sees_no_plan(whose):
        # This PUT looked for a plan a moment before the page's first save made one.
        reads.append(whose)
        return None if len(reads) == 1 else real_plan_for(whose)

    monkeypatch.setattr(plans, "plan_for", first_read_sees_no_plan)
    response = put_plan(api, {**PLAN, "help_people": [ama.pk]})
    assert response.status_code == 200, response.content
    assert response.json()["reasons_for_living"] == PLAN["reasons_for_living"]
    plan = SafetyPlan.objects.get(user=user)
    assert plan.reasons_for_living == "My cat\nSeeing the sea again"
    assert list(plan.help_people.all()) == [ama]


def test_null_and_empty_lists_leave_a_part_empty(api):
    body = put_plan(api, {"warning_signs": None, "help_people": None, "coping_on_my_own": []})
    assert body.status_code == 200
    assert body.json()["warning_signs"] == [] and body.json()["help_people"] == []


def test_a_plan_is_deleted_and_the_people_stay(api, user):
    ama = person(user, name="Ama")
    put_plan(api, {**PLAN, "help_people": [ama.pk]})
    response = api.delete("/safety-plan")
    assert response.status_code == 204
    assert not SafetyPlan.objects.filter(user=user).exists()
    assert TrustedPerson.objects.filter(pk=ama.pk).exists()
    assert api.get("/safety-plan").status_code == 404
    again = api.delete("/safety-plan")
    assert again.status_code == 404
    assert again.json()["detail"]


BAD_PLANS = [
    ({"warning_signs": ["<script>alert(1)</script>"]}, "warning_signs"),
    ({"coping_on_my_own": ["A <b>bold</b> walk"]}, "coping_on_my_own"),
    ({"reasons_for_living": ["My cat\x00"]}, "reasons_for_living"),
    ({"reasons_for_living": ["My cat\x07"]}, "reasons_for_living"),
    ({"professionals": ["GP\x1b[31m"]}, "professionals"),
    ({"warning_signs": ["x" * 1001]}, "warning_signs"),
    ({"warning_signs": ["x" * 600, "y" * 600]}, "warning_signs"),
    ({"warning_signs": ["x"] * 600}, "warning_signs"),
    ({"warning_signs": "Not sleeping"}, "warning_signs"),
    ({"warning_signs": {"0": "Not sleeping"}}, "warning_signs"),
    ({"warning_signs": 7}, "warning_signs"),
    ({"warning_signs": True}, "warning_signs"),
    ({"warning_signs": [1, 2]}, "warning_signs"),
    ({"warning_signs": [["nested"]]}, "warning_signs"),
    ({"warning_signs": [None]}, "warning_signs"),
    ({"help_people": "1"}, "help_people"),
    ({"help_people": 1}, "help_people"),
    ({"help_people": ["1"]}, "help_people"),
    ({"help_people": [True]}, "help_people"),
    ({"help_people": [1.5]}, "help_people"),
    ({"help_people": [{"id": 1}]}, "help_people"),
    ({"company_people": [0]}, "company_people"),
    ({"company_people": [-3]}, "company_people"),
    ({"company_people": [2**70]}, "company_people"),
    ({"company_people": [999_999]}, "company_people"),
    ({"help_people": list(range(1, 1000))}, "help_people"),
    ({"warning_sign": ["A typo in the name"]}, "warning_sign"),
    ({"updated_at": "2024-01-01T00:00:00Z"}, "updated_at"),
]


@pytest.mark.parametrize("change, field", BAD_PLANS)
def test_a_refused_plan_is_a_json_422_and_changes_nothing(api, user, change, field):
    ama = person(user, name="Ama")
    assert put_plan(api, {**PLAN, "help_people": [ama.pk]}).status_code == 200
    before = plan_state(user)
    response = put_plan(api, {**PLAN, "help_people": [ama.pk], **change})
    assert response.status_code == 422
    assert_refused(response, field)
    assert plan_state(user) == before


@pytest.mark.parametrize("change, field", BAD_PLANS)
def test_a_refused_first_plan_makes_no_plan(api, user, change, field):
    response = put_plan(api, change)
    assert response.status_code == 422
    assert_refused(response, field)
    assert not SafetyPlan.objects.exists()


def test_the_refusals_speak_in_the_forms_own_words(api):
    markup = put_plan(api, {"warning_signs": ["<b>hi</b>"]}).json()
    assert "Plain words are all we need here" in markup["errors"]["warning_signs"][0]
    long = put_plan(api, {"warning_signs": ["x" * 1001]}).json()
    assert long["errors"]["warning_signs"] == ["Please keep each part to 1000 characters or fewer."]
    unknown = put_plan(api, {"help_people": [999_999]}).json()
    assert unknown["errors"]["help_people"] == [
        "Please choose from the people on your trusted list."
    ]
    assert unknown["detail"] == "Please choose from the people on your trusted list."


@pytest.mark.parametrize(
    "body", ['["not", "an", "object"]', '"text"', "{not json", "", "null", "42"]
)
def test_a_body_that_is_not_a_json_object_is_refused(api, body):
    response = put_plan(api, body)
    assert_refused(response)
    assert not SafetyPlan.objects.exists()


def test_another_persons_trusted_people_cannot_go_in_my_plan(api, user, other_user):
    mine = person(user, name="Ama")
    put_plan(api, {**PLAN, "help_people": [mine.pk]})
    before = plan_state(user)
    theirs = person(other_user, name="Their friend")
    for field in ("help_people", "company_people"):
        response = put_plan(api, {**PLAN, field: [mine.pk, theirs.pk]})
        assert response.status_code == 422
        assert_refused(response, field)
        assert "trusted list" in response.json()["errors"][field][0]
    assert plan_state(user) == before
    assert not SafetyPlan.objects.filter(user=other_user).exists()


def test_another_person_cannot_read_change_or_delete_my_plan(api, other_api, user, other_user):
    put_plan(api, PLAN)
    before = plan_state(user)
    assert other_api.get("/safety-plan").status_code == 404
    assert other_api.delete("/safety-plan").status_code == 404
    # Their PUT makes their own plan, never touches mine.
    assert put_plan(other_api, {"reasons_for_living": ["Theirs"]}).status_code == 200
    assert plan_state(user) == before
    assert api.get("/safety-plan").json()["reasons_for_living"] == PLAN["reasons_for_living"]
    assert other_api.get("/safety-plan").json()["reasons_for_living"] == ["Theirs"]
    assert other_api.delete("/safety-plan").status_code == 204
    assert plan_state(user) == before


def test_the_plan_needs_authentication(api, anonymous_api, user):
    put_plan(api, PLAN)
    before = plan_state(user)
    assert anonymous_api.get("/safety-plan").status_code == 401
    assert put_plan(anonymous_api, {"warning_signs": ["x"]}).status_code == 401
    response = anonymous_api.delete("/safety-plan")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert plan_state(user) == before


def test_a_bad_token_is_refused(client, user):
    response = client.get("/api/v1/safety-plan", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401


# --- trusted people -------------------------------------------------------------------------


def test_a_person_is_added_with_ready_made_links(api, user):
    response = api.post(
        "/trusted-people",
        {
            "name": "Ama",
            "phone": "+44 (0)20 7946 0000",
            "email": "ama@example.org",
            "good_for": "Good listener",
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    saved = TrustedPerson.objects.get(user=user)
    assert body == {
        "id": saved.pk,
        "name": "Ama",
        "phone": "+44 (0)20 7946 0000",
        "email": "ama@example.org",
        "good_for": "Good listener",
        "links": {
            "call": "tel:+442079460000",
            "text": "sms:+442079460000",
            "email": "mailto:ama@example.org",
        },
    }


def test_links_are_null_without_a_number_or_an_address(api):
    body = api.post("/trusted-people", {"name": "Bo"}).json()
    assert (body["phone"], body["email"], body["good_for"]) == ("", "", "")
    assert body["links"] == {"call": None, "text": None, "email": None}


def test_an_email_link_cannot_be_bent_into_a_different_message(api):
    body = api.post("/trusted-people", {"name": "Bo", "email": "bo?cc=x@example.org"}).json()
    assert body["links"]["email"] == "mailto:bo%3Fcc%3Dx@example.org"


def test_people_are_listed_and_read_one_by_one(api, user, other_user):
    bo, ama = person(user, name="Bo"), person(user, name="Ama", phone="988")
    person(other_user, name="Not mine")
    listed = api.get("/trusted-people").json()
    assert [p["name"] for p in listed] == ["Ama", "Bo"]
    one = api.get(f"/trusted-people/{ama.pk}")
    assert one.status_code == 200
    assert one.json() == listed[0]
    assert one.json()["links"]["call"] == "tel:988"
    assert api.get(f"/trusted-people/{bo.pk}").json()["name"] == "Bo"


def test_a_patch_changes_only_what_is_sent(api, user):
    ama = person(user, name="Ama", phone="988", email="ama@example.org", good_for="Listens")
    response = api.patch(f"/trusted-people/{ama.pk}", {"phone": "116 123"})
    assert response.status_code == 200, response.json()
    ama.refresh_from_db()
    assert (ama.name, ama.phone, ama.email, ama.good_for) == (
        "Ama",
        "116 123",
        "ama@example.org",
        "Listens",
    )
    assert response.json()["links"]["text"] == "sms:116123"


def test_a_patch_with_null_clears_a_field(api, user):
    ama = person(user, name="Ama", phone="988", email="ama@example.org")
    body = api.patch(f"/trusted-people/{ama.pk}", {"phone": None}).json()
    assert body["phone"] == "" and body["links"]["call"] is None
    assert body["email"] == "ama@example.org"


def test_an_empty_patch_changes_nothing(api, user):
    ama = person(user, name="Ama", phone="988")
    before = people_state(user)
    assert api.patch(f"/trusted-people/{ama.pk}", {}).status_code == 200
    assert people_state(user) == before


def test_a_person_is_deleted_and_leaves_the_plan(api, user):
    ama, bo = person(user, name="Ama"), person(user, name="Bo")
    put_plan(api, {"help_people": [ama.pk, bo.pk], "company_people": [ama.pk]})
    assert api.delete(f"/trusted-people/{ama.pk}").status_code == 204
    assert not TrustedPerson.objects.filter(pk=ama.pk).exists()
    plan = api.get("/safety-plan").json()
    assert plan["help_people"] == [{"id": bo.pk, "name": "Bo"}]
    assert plan["company_people"] == []
    assert api.get(f"/trusted-people/{ama.pk}").status_code == 404


BAD_PEOPLE = [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": None}, "name"),
    ({"name": "<script>alert(1)</script>"}, "name"),
    ({"name": "Ama\x00"}, "name"),
    ({"name": "Ama\x1b"}, "name"),
    ({"name": "x" * 81}, "name"),
    ({"good_for": "<img src=x onerror=alert(1)>"}, "good_for"),
    ({"good_for": "Listens\x07"}, "good_for"),
    ({"good_for": "x" * 201}, "good_for"),
    ({"phone": "call me"}, "phone"),
    ({"phone": "12"}, "phone"),
    ({"phone": "9" * 41}, "phone"),
    ({"phone": "988\x00"}, "phone"),
    ({"phone": "<b>988</b>"}, "phone"),
    ({"email": "not-an-address"}, "email"),
    ({"email": "a@b.org\x00"}, "email"),
    ({"email": "a" * 250 + "@example.org"}, "email"),
    ({"name": 5}, "name"),
    ({"name": True}, "name"),
    ({"name": ["Ama"]}, "name"),
    ({"name": {"first": "Ama"}}, "name"),
    ({"phone": 988}, "phone"),
    ({"good_for": 1.5}, "good_for"),
    ({"nickname": "A"}, "nickname"),
    ({"id": 3}, "id"),
]


@pytest.mark.parametrize("change, field", BAD_PEOPLE)
def test_a_refused_new_person_is_a_json_422_and_nobody_is_added(api, user, change, field):
    response = api.post("/trusted-people", {"name": "Ama", **change})
    assert response.status_code == 422
    assert_refused(response, field)
    assert not TrustedPerson.objects.exists()


@pytest.mark.parametrize("change, field", BAD_PEOPLE)
def test_a_refused_change_is_a_json_422_and_changes_nothing(api, user, change, field):
    ama = person(user, name="Ama", phone="988", email="ama@example.org", good_for="Listens")
    before = people_state(user)
    response = api.patch(f"/trusted-people/{ama.pk}", change)
    assert response.status_code == 422
    assert_refused(response, field)
    assert people_state(user) == before


def test_a_new_person_needs_a_name_in_the_forms_words(api):
    response = api.post("/trusted-people", {"phone": "988"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"name": ["Please add a name, so you know who this is."]}
    assert not TrustedPerson.objects.exists()


@pytest.mark.parametrize("body", ['["Ama"]', '"Ama"', "{not json", "", "null"])
def test_a_person_body_that_is_not_a_json_object_is_refused(api, user, body):
    ama = person(user, name="Ama")
    before = people_state(user)
    assert_refused(api.post("/trusted-people", body))
    assert_refused(api.patch(f"/trusted-people/{ama.pk}", body))
    assert people_state(user) == before


def test_another_persons_people_are_404_and_unchanged(api, other_api, user, other_user):
    ama = person(user, name="Ama", phone="988")
    put_plan(api, {"help_people": [ama.pk]})
    before, plan_before = people_state(user), plan_state(user)
    path = f"/trusted-people/{ama.pk}"
    assert other_api.get("/trusted-people").json() == []
    for response in (
        other_api.get(path),
        other_api.patch(path, {"name": "Changed"}),
        other_api.delete(path),
    ):
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    assert people_state(user) == before
    assert plan_state(user) == plan_before
    assert not TrustedPerson.objects.filter(user=other_user).exists()


@pytest.mark.parametrize("person_id", [0, 999_999, 2**63, 2**70])
def test_ids_nobody_has_are_404(api, person_id):
    assert api.get(f"/trusted-people/{person_id}").status_code == 404
    assert api.patch(f"/trusted-people/{person_id}", {"name": "X"}).status_code == 404
    assert api.delete(f"/trusted-people/{person_id}").status_code == 404


def test_trusted_people_need_authentication(anonymous_api, user):
    ama = person(user, name="Ama")
    before = people_state(user)
    path = f"/trusted-people/{ama.pk}"
    assert anonymous_api.get("/trusted-people").status_code == 401
    assert anonymous_api.post("/trusted-people", {"name": "X"}).status_code == 401
    assert anonymous_api.get(path).status_code == 401
    assert anonymous_api.patch(path, {"name": "X"}).status_code == 401
    assert anonymous_api.delete(path).status_code == 401
    assert people_state(user) == before


def test_a_browser_session_can_use_the_api(owner_client, user):
    response = owner_client.get("/api/v1/trusted-people")
    assert response.status_code == 200


def test_openapi_document_lists_the_safety_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    for path, methods in {
        "/api/v1/safety-plan": {"get", "put", "delete"},
        "/api/v1/trusted-people": {"get", "post"},
        "/api/v1/trusted-people/{person_id}": {"get", "patch", "delete"},
    }.items():
        assert methods <= set(spec["paths"][path])
    put = spec["paths"]["/api/v1/safety-plan"]["put"]["requestBody"]
    schema = put["content"]["application/json"]["schema"]
    assert schema["title"] == "SafetyPlanIn"
    assert set(SECTION_FIELDS) | {"help_people", "company_people"} == set(schema["properties"])
