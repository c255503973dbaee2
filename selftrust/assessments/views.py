from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from selftrust.assessments import services
from selftrust.assessments.fhir import CONTENT_TYPE, fhir_bundle, to_json
from selftrust.assessments.forms import AssessmentForm
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import safety_alert
from selftrust.assessments.trend import history_chart
from selftrust.drafts import store as drafts
from selftrust.lessons.catalog import lesson_or_none
from selftrust.safety.support import AFTER_ANSWERS, offer_support


def _instrument(slug: str) -> Instrument:
    instrument = INSTRUMENTS.get(slug)
    if instrument is None:
        raise Http404("No such questionnaire")
    return instrument


@login_required
def overview(request):
    return render(
        request,
        "assessments/overview.html",
        {"summaries": services.overview(request.user, request.user.local_today())},
    )


def _initial_from(kept) -> dict:
    """Answers kept from last time as the form's initial values."""
    if kept is None:
        return {}
    answers, extra = kept
    initial = {f"item_{n}": v for n, v in enumerate(answers, start=1) if v is not None}
    if extra is not None:
        initial["extra"] = extra
    return initial


def _take_page(request, instrument, form, *, restored=False, status=200):
    answers = form.answers() if form.is_bound else _answers_from_initial(form, instrument)
    return render(
        request,
        "assessments/take.html",
        {
            "instrument": instrument,
            "form": form,
            "alert": safety_alert(instrument, answers),
            "draft_key": services.draft_key(instrument),
            "restored": restored,
        },
        status=status,
    )


def _answers_from_initial(form, instrument) -> list[int | None]:
    return [form.initial.get(f"item_{n}") for n in range(1, len(instrument.items) + 1)]


@login_required
def take(request, slug: str):
    instrument = _instrument(slug)
    key = services.draft_key(instrument)
    if request.method != "POST":
        kept = services.answers_so_far(request.user, instrument)
        form = AssessmentForm(initial=_initial_from(kept), instrument=instrument)
        return _take_page(request, instrument, form, restored=kept is not None)

    finishing = request.POST.get("action") != "pause"
    form = AssessmentForm(request.POST, instrument=instrument, require_all=finishing)
    if not form.is_valid():
        # Keep what was answered, even when something is missing or odd.
        if any(a is not None for a in form.answers()):
            drafts.save(request.user, key, drafts.posted(request))
        return _take_page(request, instrument, form, status=400)
    if not finishing:
        # "Save and finish later": the answers so far are kept as this questionnaire's draft.
        drafts.save(request.user, key, drafts.posted(request))
        if safety_alert(instrument, form.answers()):
            # Without JavaScript the panel beside item 9 never showed; the next page shows it.
            offer_support(request, AFTER_ANSWERS)
        messages.info(
            request, "Your answers are saved. Pick up where you left off whenever you like."
        )
        return redirect("assessments:overview")
    response = services.complete(request.user, instrument, form.answers(), form.extra())
    drafts.close_after_save(request, key)
    return redirect("assessments:result", response_id=response.pk)


def _own_response(request, response_id: int) -> AssessmentResponse:
    return get_object_or_404(AssessmentResponse, pk=response_id, user=request.user)


@login_required
def result(request, response_id: int):
    response = _own_response(request, response_id)
    instrument = response.instrument
    return render(
        request,
        "assessments/result.html",
        {
            "response": response,
            "instrument": instrument,
            "band": instrument.band_for(response.total),
            "percent": instrument.percent(response.total),
            "extra_answer": (
                instrument.extra_options[response.extra_answer]
                if response.extra_answer is not None
                else None
            ),
            "lessons": [
                lesson_or_none(slug) for slug in instrument.lessons if lesson_or_none(slug)
            ],
        },
    )


@login_required
def history(request, slug: str):
    instrument = _instrument(slug)
    responses = services.history(request.user, instrument)
    # Each result on its own day in the person's time zone (UserTimezoneMiddleware).
    chart = history_chart(
        instrument,
        [(timezone.localdate(r.completed_at), r.total) for r in responses],
        request.user.local_today(),
    )
    return render(
        request,
        "assessments/history.html",
        {"instrument": instrument, "responses": list(reversed(responses)), "chart": chart},
    )


@login_required
def fhir_export(request, response_id: int):
    response = _own_response(request, response_id)
    download = HttpResponse(to_json(fhir_bundle(response)), content_type=CONTENT_TYPE)
    download["Content-Disposition"] = (
        f'attachment; filename="{response.instrument_slug}-{response.completed_at:%Y-%m-%d}.fhir.json"'
    )
    return download
