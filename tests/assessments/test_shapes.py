"""A questionnaire result has one shape: the API gives it, the export writes it (with the
closing question's answer), a therapist's API reads it where results are shared."""

import json

import pytest

from selftrust.accounts.export import export_for
from selftrust.assessments import shapes
from tests.api.conftest import ApiClient
from tests.factories import AssessmentResponseFactory, api_token_for

pytestmark = pytest.mark.django_db


def test_a_result_says_its_scores_and_whether_the_safety_question_was_above_0(user):
    result = AssessmentResponseFactory(
        user=user, instrument_slug="phq-9", answers=[1] * 9, extra_answer=2
    )
    assert shapes.result(result) == {
        "id": result.pk,
        "instrument": "phq-9",
        "completed_at": result.completed_at.isoformat(),
        "answers": [1] * 9,
        "total": 9,
        "band": "Mild",
        "subscales": {},
        "safety_alert": True,
        "percent": None,
    }


def test_the_who_5_gives_its_percentage(user):
    result = AssessmentResponseFactory(user=user, instrument_slug="who-5", answers=[3] * 5)
    assert shapes.result(result)["percent"] == 60


def test_the_api_gives_the_shape(client, user):
    result = AssessmentResponseFactory(user=user, instrument_slug="gad-7")
    api = ApiClient(client, api_token_for(user))
    assert api.get("/assessments/gad-7/responses").json() == [shapes.result(result)]


def test_the_export_writes_the_shape_with_the_closing_answer(user):
    result = AssessmentResponseFactory(
        user=user, instrument_slug="phq-9", answers=[0] * 9, extra_answer=1
    )
    [exported] = json.loads(json.dumps(export_for(user)))["assessments"]
    assert exported == {**shapes.result(result), "extra_answer": 1}
