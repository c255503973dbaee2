from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from selftrust.assessments import services
from selftrust.assessments.fhir import CONTENT_TYPE, fhir_bundle, to_json
from selftrust.assessments.forms import AssessmentForm
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import safety_alert
from selftrust.charts import line_chart
from selftrust.lessons.catalog import lesson_or_none
from selftrust.safety.support import AFTER_ANSWERS, offer_support
from selftrust.web.drafts import close_draft, draft_recently_closed


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


def _initial_from_draft(draft) -> dict:
    if draft is None:
        return {}
    initial = {f"item_{n}": v for n, v in enumerate(draft.answers, start=1) if v is not None}
    if draft.extra_answer is not None:
        initial["extra"] = draft.extra_answer
    return initial


def _take_page(request, instrument, form, *, status=200):
    answers = form.answers() if form.is_bound else _answers_from_initial(form, instrument)
    return render(
        request,
        "assessments/take.html",
        {
            "instrument": instrument,
            "form": form,
            "alert": safety_alert(instrument, answers),
        },
        status=status,
    )


def _answers_from_initial(form, instrument) -> list[int | None]:
    return [form.initial.get(f"item_{n}") for n in range(1, len(instrument.items) + 1)]


@login_required
def take(request, slug: str):
    instrument = _instrument(slug)
    if request.method != "POST":
        draft = services.draft_for(request.user, instrument)
        form = AssessmentForm(initial=_initial_from_draft(draft), instrument=instrument)
        return _take_page(request, instrument, form)

    finishing = request.POST.get("action") != "pause"
    form = AssessmentForm(request.POST, instrument=instrument, require_all=finishing)
    if not form.is_valid():
        # Keep what was answered, even when something is missing or odd.
        if any(a is not None for a in form.answers()):
            services.save_draft(request.user, instrument, form.answers(), form.extra())
        return _take_page(request, instrument, form, status=400)
    if not finishing:
        services.save_draft(request.user, instrument, form.answers(), form.extra())
        if safety_alert(instrument, form.answers()):
            # Without JavaScript the panel beside item 9 never showed; the next page shows it.
            offer_support(request, AFTER_ANSWERS)
        messages.info(
            request, "Your answers are saved. Pick up where you left off whenever you like."
        )
        return redirect("assessments:overview")
    response = services.complete(request.user, instrument, form.answers(), form.extra())
    close_draft(request, f"assessment:{instrument.slug}")
    return redirect("assessments:result", response_id=response.pk)


@login_required
@require_POST
def save_draft(request, slug: str):
    """Called by htmx as answers change, so nothing is lost if the page closes."""
    instrument = _instrument(slug)
    form = AssessmentForm(request.POST, instrument=instrument, require_all=False)
    form.is_valid()
    if not draft_recently_closed(request, f"assessment:{instrument.slug}"):
        services.save_draft(request.user, instrument, form.answers(), form.extra())
    return HttpResponse(status=204)


@login_required
@require_POST
def discard(request, slug: str):
    services.discard_draft(request.user, _instrument(slug))
    messages.info(
        request, "Those answers are cleared. You can start fresh any time, or not at all."
    )
    return redirect("assessments:overview")


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
    chart = line_chart(
        [(timezone.localdate(r.completed_at), r.total) for r in responses],
        low=instrument.min_total,
        high=instrument.max_total,
        label=lambda value: str(round(value)),
        bands=[(b.low, b.high, b.label) for b in instrument.bands],
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
