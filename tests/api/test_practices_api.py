from datetime import timedelta

import pytest
from django.utils import timezone

from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry

pytestmark = pytest.mark.django_db

BODY_CHECK_IN = {"where": "Shoulders", "sensation": "Tight", "intensity": 6, "message": "Tired"}


def write(api, practice, answers):
    return api.post(f"/practices/{practice}/entries", {"answers": answers})


def written(api, practice, answers) -> dict:
    response = write(api, practice, answers)
    assert response.status_code == 201, response.json()
    return response.json()


# --- the catalog ---------------------------------------------------------------------------


def test_the_catalog_lists_every_practice_with_its_fields(api):
    catalog = {p["slug"]: p for p in api.get("/practices").json()}
    assert set(catalog) == set(PRACTICES)
    body = catalog["body-check-in"]
    assert (body["name"], body["kind"], body["lesson"]) == (
        "Body check-in",
        "worksheet",
        "listening-to-your-body",
    )
    fields = {f["name"]: f for f in body["fields"]}
    assert (fields["where"]["kind"], fields["where"]["required"]) == ("text", True)
    assert (fields["where"]["max_length"], fields["message"]["kind"]) == (200, "long")
    assert (
        fields["intensity"]["kind"],
        fields["intensity"]["low"],
        fields["intensity"]["high"],
    ) == (
        "scale",
        0,
        10,
    )


def test_the_catalog_describes_grouped_emotion_choices(api):
    emotion = next(p for p in api.get("/practices").json() if p["slug"] == "emotion")
    choice = next(f for f in emotion["fields"] if f["name"] == "emotion")
    assert choice["kind"] == "choice"
    assert {"value": "anxious", "label": "Anxious", "group": "Fear"} in choice["choices"]


def test_the_catalog_describes_the_decision_journal_and_thought_record(api):
    catalog = {p["slug"]: p for p in api.get("/practices").json()}
    decision = {f["name"]: f for f in catalog["decision"]["fields"]}
    assert (decision["confidence"]["low"], decision["confidence"]["high"]) == (50, 100)
    assert decision["review_on"]["kind"] == "date"
    assert decision["sought_reassurance"]["kind"] == "boolean"
    review = {f["name"]: f for f in catalog["decision"]["review_fields"]}
    assert [c["value"] for c in review["instinct_served"]["choices"]] == [
        "yes",
        "partly",
        "no",
        "cant_tell",
    ]
    thought = {f["name"]: f for f in catalog["thought-record"]["fields"]}
    assert thought["emotions"]["kind"] == "emotions"
    assert "emotion_1" not in thought
    assert thought["thinking_traps"]["kind"] == "multi"
    assert {"value": "mind-reading", "label": "Mind reading", "group": None} in thought[
        "thinking_traps"
    ]["choices"]


def test_a_values_sort_takes_a_list_of_values_like_the_web_form(api, user):
    catalog = {p["slug"]: p for p in api.get("/practices").json()}
    values = {f["name"]: f for f in catalog["values"]["fields"]}["values"]
    assert values["kind"] == "multi"
    assert {"value": "rest", "label": "Rest", "group": None} in values["choices"]
    created = written(api, "values", {"values": ["honesty", "rest"], "meaning": "Rest: enough"})
    assert (created["title"], created["answers"]["values"]) == (
        "Honesty, Rest",
        ["honesty", "rest"],
    )
    refused = write(api, "values", {"values": ["money"], "meaning": "x"})
    assert refused.status_code == 422
    assert write(api, "values", {"values": "rest", "meaning": "x"}).status_code == 422


def test_an_unknown_practice_is_a_json_404(api):
    response = api.get("/practices/made-up/entries")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert write(api, "made-up", {"x": "y"}).status_code == 404


# --- worksheets, one per kind of field ------------------------------------------------------


def test_a_worksheet_with_text_long_and_scale_answers_is_saved(api, user):
    body = written(api, "body-check-in", BODY_CHECK_IN)
    entry = Entry.objects.get(user=user)
    assert body["id"] == entry.pk
    assert (body["practice"], body["title"]) == ("body-check-in", "Tight")
    assert body["answers"] == {
        "where": "Shoulders",
        "sensation": "Tight",
        "intensity": 6,
        "message": "Tired",
    }
    assert entry.data["intensity"] == 6


def test_scale_answers_may_be_sent_as_strings_like_the_form_posts_them(api):
    body = written(api, "grounding", {"before": "7", "exercise": "breathing", "after": 4})
    assert (body["answers"]["before"], body["answers"]["after"]) == (7, 4)
    assert body["title"] == "Paced breathing"


def test_a_choice_from_the_grouped_emotions_is_saved(api):
    body = written(api, "emotion", {"emotion": "lonely", "intensity": 5})
    assert body["answers"] == {"emotion": "lonely", "intensity": 5}
    assert body["title"] == "Lonely"


def test_an_entry_can_be_read_back(api):
    created = written(api, "win", {"win": "I went for a walk"})
    response = api.get(f"/practices/win/entries/{created['id']}")
    assert response.status_code == 200
    # Only the answer to a write says whether support was suggested.
    assert response.json() == {k: v for k, v in created.items() if k != "support"}


def test_a_patch_changes_only_the_answers_sent(api, user):
    created = written(api, "body-check-in", BODY_CHECK_IN)
    response = api.patch(
        f"/practices/body-check-in/entries/{created['id']}",
        {"answers": {"intensity": 3, "message": None}},
    )
    assert response.status_code == 200
    expected = {"where": "Shoulders", "sensation": "Tight", "intensity": 3}
    assert response.json()["answers"] == expected
    assert Entry.objects.get(user=user).data == expected


def test_a_refused_patch_saves_nothing(api, user):
    created = written(api, "body-check-in", BODY_CHECK_IN)
    path = f"/practices/body-check-in/entries/{created['id']}"
    for answers in ({"intensity": 11}, {"where": ""}, {"sensation": "<b>tight</b>"}):
        response = api.patch(path, {"answers": {"message": "Changed", **answers}})
        assert response.status_code == 422
    assert Entry.objects.get(user=user).data == {**BODY_CHECK_IN}


def test_a_choice_can_be_changed_and_read_with_its_new_title(api):
    created = written(api, "boundary", {"boundary": "No calls after nine", "respected": "yes"})
    path = f"/practices/boundary/entries/{created['id']}"
    assert api.patch(path, {"answers": {"respected": "partly"}}).status_code == 200
    assert api.get(path).json()["answers"]["respected"] == "partly"


# --- listing, searching, filtering -------------------------------------------------------------


def test_entries_are_listed_newest_first_for_one_practice(api):
    first = written(api, "win", {"win": "Walked"})
    second = written(api, "win", {"win": "Rested"})
    written(api, "strengths", {"grateful_for": "Tea"})
    Entry.objects.filter(pk=first["id"]).update(created_at=timezone.now() - timedelta(days=1))
    assert [e["id"] for e in api.get("/practices/win/entries").json()] == [
        second["id"],
        first["id"],
    ]


def test_entries_can_be_searched_by_words(api):
    written(api, "win", {"win": "Walked by the river"})
    written(api, "win", {"win": "Rested", "honoured": "Told my sister"})
    titles = [e["title"] for e in api.get("/practices/win/entries?q=SISTER").json()]
    assert titles == ["Rested"]
    assert api.get("/practices/win/entries?q=river walked").json()[0]["title"] == (
        "Walked by the river"
    )
    assert api.get("/practices/win/entries?q=mountain").json() == []


def test_entries_can_be_filtered_by_day(api):
    today = timezone.now()
    ids = {}
    for days_ago in (0, 3, 10):
        entry = written(api, "win", {"win": f"{days_ago} days ago"})
        Entry.objects.filter(pk=entry["id"]).update(created_at=today - timedelta(days=days_ago))
        ids[days_ago] = entry["id"]
    since = (today - timedelta(days=5)).date().isoformat()
    until = (today - timedelta(days=1)).date().isoformat()
    assert [e["id"] for e in api.get(f"/practices/win/entries?since={since}").json()] == [
        ids[0],
        ids[3],
    ]
    assert [e["id"] for e in api.get(f"/practices/win/entries?until={until}").json()] == [
        ids[3],
        ids[10],
    ]
    both = api.get(f"/practices/win/entries?since={since}&until={until}").json()
    assert [e["id"] for e in both] == [ids[3]]
    assert api.get("/practices/win/entries?since=yesterday").status_code == 422


def test_entries_are_paged_with_limit_and_offset(api):
    for n in range(5):
        written(api, "win", {"win": f"Win {n}"})
    newest_first = [e["id"] for e in api.get("/practices/win/entries").json()]
    page = api.get("/practices/win/entries?limit=2&offset=1").json()
    assert [e["id"] for e in page] == newest_first[1:3]
    assert api.get("/practices/win/entries?limit=201").status_code == 422
    assert api.get("/practices/win/entries?limit=0").status_code == 422


# --- deleting and restoring -----------------------------------------------------------------


def test_a_deleted_entry_is_gone_and_can_be_restored_at_once(api):
    created = written(api, "win", {"win": "Walked"})
    path = f"/practices/win/entries/{created['id']}"
    response = api.delete(path)
    assert response.status_code == 204
    assert api.get(path).status_code == 404
    assert api.patch(path, {"answers": {"win": "Ran"}}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/practices/win/entries").json() == []
    restored = api.post(f"{path}/restore", {})
    assert restored.status_code == 200
    assert restored.json()["answers"] == {"win": "Walked"}
    assert api.get(path).status_code == 200


def test_after_the_undo_window_a_restore_is_kindly_refused(api):
    created = written(api, "win", {"win": "Walked"})
    path = f"/practices/win/entries/{created['id']}"
    api.delete(path)
    Entry.objects.filter(pk=created["id"]).update(deleted_at=timezone.now() - timedelta(minutes=11))
    response = api.post(f"{path}/restore", {})
    assert response.status_code == 409
    assert "can't be brought back" in response.json()["detail"]
    assert api.get(path).status_code == 404


def test_only_a_deleted_entry_can_be_restored(api):
    created = written(api, "win", {"win": "Walked"})
    assert api.post(f"/practices/win/entries/{created['id']}/restore", {}).status_code == 404


# --- one practice's slug, one person's entries ------------------------------------------------


def test_an_entry_is_only_found_under_its_own_practice(api):
    created = written(api, "win", {"win": "Walked"})
    path = f"/practices/strengths/entries/{created['id']}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"answers": {"grateful_for": "Tea"}}).status_code == 404
    assert api.delete(path).status_code == 404
    assert Entry.objects.visible().count() == 1


def test_another_persons_entry_is_not_found_for_anything(api, other_api, user):
    created = written(api, "win", {"win": "Walked"})
    path = f"/practices/win/entries/{created['id']}"
    assert other_api.get(path).status_code == 404
    assert other_api.patch(path, {"answers": {"win": "Theirs"}}).status_code == 404
    assert other_api.delete(path).status_code == 404
    assert other_api.get("/practices/win/entries").json() == []
    api.delete(path)
    assert other_api.post(f"{path}/restore", {}).status_code == 404
    entry = Entry.objects.get()
    assert (entry.data, entry.deleted_at is not None) == ({"win": "Walked"}, True)


def test_without_a_token_or_session_the_answer_is_401(anonymous_api, api):
    created = written(api, "win", {"win": "Walked"})
    path = f"/practices/win/entries/{created['id']}"
    assert anonymous_api.get("/practices").status_code == 401
    assert anonymous_api.get("/practices/win/entries").status_code == 401
    assert (
        anonymous_api.post("/practices/win/entries", {"answers": {"win": "x"}}).status_code == 401
    )
    assert anonymous_api.get(path).status_code == 401
    assert anonymous_api.patch(path, {"answers": {"win": "x"}}).status_code == 401
    assert anonymous_api.delete(path).status_code == 401
    assert anonymous_api.post(f"{path}/restore", {}).status_code == 401
    assert anonymous_api.get("/practices/decision/calibration").status_code == 401
    assert Entry.objects.get().data == {"win": "Walked"}


def test_openapi_document_lists_the_practice_paths(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path, methods in {
        "/api/v1/practices": {"get"},
        "/api/v1/practices/{practice}/entries": {"get", "post"},
        "/api/v1/practices/{practice}/entries/{entry_id}": {"get", "patch", "delete"},
        "/api/v1/practices/{practice}/entries/{entry_id}/restore": {"post"},
        "/api/v1/practices/decision/entries/{entry_id}/review": {"post"},
        "/api/v1/practices/decision/calibration": {"get"},
    }.items():
        assert methods <= set(spec["paths"][path])
    body = spec["paths"]["/api/v1/practices/{practice}/entries"]["post"]["requestBody"]
    # One shape per worksheet (its own answers), and the decision journal's and thought record's.
    shapes = body["content"]["application/json"]["schema"]["anyOf"]
    worksheets = [p for p in PRACTICES.values() if p.kind == "worksheet"]
    assert {s["title"] for s in shapes} == {
        *(f"{p.name} (worksheet)" for p in worksheets),
        "DecisionIn",
        "ThoughtRecordIn",
    }


def test_saving_through_the_api_leaves_a_browser_draft_alone(api, user):
    from selftrust.drafts import store as drafts

    drafts.save(user, "practice:win:new", {"win": ["Half-typed in the browser"]})
    assert (
        api.post("/practices/win/entries", {"answers": {"win": "From a script"}}).status_code == 201
    )
    assert drafts.get(user, "practice:win:new") == {"win": ["Half-typed in the browser"]}


def test_a_look_back_can_say_whether_it_was_a_reasonable_call_given_what_was_known(api, user):
    catalog = {p["slug"]: p for p in api.get("/practices").json()}
    review = {f["name"]: f for f in catalog["decision"]["review_fields"]}
    assert review["reasonable_call"]["label"] == (
        "Given what you knew then, was it a reasonable call?"
    )
    assert not review["reasonable_call"]["required"]
    created = api.post(
        "/practices/decision/entries",
        {"decision": "Rest", "confidence": 70, "review_on": user.local_today().isoformat()},
    ).json()
    path = f"/practices/decision/entries/{created['id']}/review"
    response = api.post(path, {"reasonable_call": "not_sure", "instinct_served": "no"})
    assert response.status_code == 200, response.json()
    assert response.json()["answers"]["reasonable_call"] == "not_sure"
    assert api.post(path, {"reasonable_call": "maybe", "instinct_served": "no"}).status_code == 422


def test_a_worksheet_question_sent_outside_answers_is_refused_saying_where_it_goes(api):
    response = api.post("/practices/win/entries", {"win": "Made tea"})
    assert response.status_code == 422
    assert 'please send it inside "answers"' in str(response.json())
    assert not api.get("/practices/win/entries").json()


def test_a_name_that_is_no_question_at_all_is_still_called_unknown(api):
    response = api.post("/practices/win/entries", {"colour": "blue"})
    assert response.status_code == 422
    assert "has nothing called “colour”" in str(response.json())
