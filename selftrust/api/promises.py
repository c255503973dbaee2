from typing import Annotated

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from pydantic import WithJsonSchema

from selftrust.api.errors import InputRefused, PledgeRefused
from selftrust.api.router import Router
from selftrust.api.safety import support_for
from selftrust.api.schemas import (
    CheckInIn,
    CheckInOut,
    CheckInSavedOut,
    DueOut,
    PledgeRefusedOut,
    PromiseIn,
    PromiseOut,
    PromisePatch,
    PromiseSavedOut,
    Stale,
    TrackRecordOut,
)
from selftrust.api.versions import IF_MATCH, expected, tag
from selftrust.promises import services, shapes
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import Promise, Status
from selftrust.promises.support import support_after_check_in
from selftrust.promises.track_record import WINDOWS, track_record_for
from selftrust.versioning import unchanged_since

router = Router(tags=["promises"])


def _own_promise(request, promise_id: int) -> Promise:
    return get_object_or_404(Promise, pk=promise_id, user=request.auth)


def _promise_out(promise: Promise, nudge: str | None = None) -> dict:
    """The promise's one shape, and the nudge a write says back (None when reading)."""
    return {**shapes.promise(promise), "nudge": nudge}


def _form_data(payload: dict) -> dict:
    """Shape JSON into what the HTML form posts, so both paths share one set of rules."""
    data = {key: value for key, value in payload.items() if value is not None}
    for key in ("due_date", "time_of_day"):
        if key in data:
            data[key] = data[key].isoformat()
    return data


# Documented as the three statuses; any other is refused with a 422 that names them.
StatusFilter = Annotated[
    str | None,
    WithJsonSchema({"enum": Status.values, "description": "Only promises with this status"}),
]


@router.get("/promises", response=list[PromiseOut], summary="List your promises")
def list_promises(request, status: StatusFilter = None):
    promises = Promise.objects.owned_by(request.auth)
    if status is not None:
        if status not in Status.values:
            raise InputRefused({"status": ["Use active, paused or archived."]})
        promises = promises.filter(status=status)
    return [_promise_out(p) for p in promises]


@router.post(
    "/promises",
    response={201: PromiseSavedOut, 422: PledgeRefusedOut},
    summary="Make a promise",
    description="Refused (422, nothing saved) also for what no schema can say: a day outside "
    "the dates allowed, tags in the words, and a pledge not to hurt yourself, which is never kept "
    "as a scored promise (no-harm contracts are not safe); that answer offers promises to make "
    "instead, and support.",
)
def create_promise(request, payload: PromiseIn, response: HttpResponse):
    form = PromiseForm(data=_form_data(payload.dict()), today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form)
    _refuse_a_no_harm_pledge(form)
    promise = services.save_promise(form, request.auth)
    tag(response, promise)
    return 201, {**_promise_out(promise, form.nudge), "support": support_for(promise.text)}


def _refuse_a_no_harm_pledge(form: PromiseForm) -> None:
    """As on the web: a pledge not to hurt oneself is not kept as a scored promise."""
    if form.safety_promise:
        raise PledgeRefused(form.nudge)


@router.get("/promises/{promise_id}", response=PromiseOut)
def get_promise(request, promise_id: int, response: HttpResponse):
    promise = _own_promise(request, promise_id)
    tag(response, promise)
    return _promise_out(promise)


@router.patch(
    "/promises/{promise_id}",
    response={200: PromiseSavedOut, 412: Stale, 422: PledgeRefusedOut},
    summary="Change a promise, pause, resume or archive it",
    description="Send only what changes. Refused as making a promise is (422, nothing saved).",
)
def update_promise(
    request,
    promise_id: int,
    payload: PromisePatch,
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    promise = _own_promise(request, promise_id)
    changes = payload.dict(exclude_unset=True)
    status = changes.pop("status", None)
    if status is not None and status not in Status.values:
        raise InputRefused(
            {"status": [f"“{status}” isn't a status we know: use active, paused or archived."]}
        )
    form = None
    if changes:
        current = {
            "text": promise.text,
            "schedule": promise.schedule,
            "weekdays": promise.weekdays,
            "due_date": promise.due_date,
            "time_of_day": promise.time_of_day,
        }
        form = PromiseForm(
            data=_form_data({**current, **changes}),
            instance=promise,
            today=request.auth.local_today(),
        )
        if not form.is_valid():
            raise InputRefused.from_form(form)
        _refuse_a_no_harm_pledge(form)
    # Validate everything first, then change: a refused request changes nothing.
    with unchanged_since(promise, expected(if_match)):
        if form is not None:
            promise = services.save_promise(form, request.auth)
        if status is not None:
            services.set_status(promise, status, request.auth)
    tag(response, promise)
    return {
        **_promise_out(promise, form.nudge if form else None),
        "support": support_for(promise.text),
    }


@router.get("/promises/{promise_id}/check-ins", response=list[CheckInOut])
def list_check_ins(request, promise_id: int):
    promise = _own_promise(request, promise_id)
    return [shapes.check_in(c) for c in promise.check_ins.all()]


@router.post(
    "/promises/{promise_id}/check-ins",
    response={200: CheckInSavedOut, 201: CheckInSavedOut},
    summary="Record how a promise went on a day (or change that answer)",
    description="201 for a new answer, 200 for a changed one. Refused (422) for a day the "
    "promise wasn't planned for, a day outside the last week, and a resting promise.",
)
def record_check_in(request, promise_id: int, payload: CheckInIn):
    promise = _own_promise(request, promise_id)
    data = {"day": payload.date.isoformat(), "outcome": payload.outcome, "note": payload.note}
    form = CheckInForm.for_day(data, promise=promise, today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form, rename={"day": "date"})
    check_in, created = services.save_check_in(form, request.auth)
    support = support_for(check_in.note)
    support["suggested"] = bool(support_after_check_in(promise, check_in))
    out = {**shapes.check_in(check_in), "support": support}
    return (201 if created else 200), out


def _figures(kept: dict, strength: float | None) -> dict:
    figures = {"strength": None if strength is None else round(strength, 4)}
    for days in WINDOWS:
        share = kept[days].share
        figures[f"kept_{days}d"] = None if share is None else round(share, 4)
        figures[f"answered_{days}d"] = kept[days].answered
    return figures


@router.get("/track-record", response=TrackRecordOut, summary="The evidence of your reliability")
def track_record(request):
    record = track_record_for(request.auth, request.auth.local_today())
    return {
        "today": record.today,
        "overall": _figures(record.kept, record.strength),
        "promises": [
            {
                "id": item.id,
                "text": item.text,
                "status": item.status,
                "answered_total": item.answered_total,
                **_figures(item.kept, item.strength),
            }
            for item in record.promises
        ],
    }


@router.get("/today", response=list[DueOut], summary="What is due today")
def today(request):
    due, _earlier = services.today_and_this_week(request.auth, request.auth.local_today())
    return [
        {
            "promise": _promise_out(item.promise),
            "date": item.day,
            "outcome": item.check_in.outcome if item.check_in else None,
            "note": item.check_in.note if item.check_in else "",
        }
        for item in due
    ]
