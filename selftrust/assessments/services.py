"""Taking, pausing and completing questionnaires, and what the history shows."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentDraft, AssessmentResponse
from selftrust.assessments.scoring import score

# A gentle rhythm: most of these instruments look back two weeks, so that is when a re-take
# can show change. It is only ever offered, never required.
RETAKE_AFTER_DAYS = 14


def save_draft(user, instrument: Instrument, answers: list[int | None], extra: int | None):
    draft, _created = AssessmentDraft.objects.update_or_create(
        user=user,
        instrument_slug=instrument.slug,
        defaults={"answers": answers, "extra_answer": extra},
    )
    return draft


def draft_for(user, instrument: Instrument) -> AssessmentDraft | None:
    return AssessmentDraft.objects.filter(user=user, instrument_slug=instrument.slug).first()


def discard_draft(user, instrument: Instrument) -> None:
    AssessmentDraft.objects.filter(user=user, instrument_slug=instrument.slug).delete()


def complete(user, instrument: Instrument, answers: list[int], extra: int | None = None):
    """Score and store a finished questionnaire; raises AnswersInvalid and stores nothing if not."""
    result = score(instrument, answers)
    if extra is not None and not (0 <= extra < len(instrument.extra_options)):
        extra = None
    with transaction.atomic():
        response = AssessmentResponse.objects.create(
            user=user,
            instrument_slug=instrument.slug,
            answers=list(answers),
            extra_answer=extra,
            total=result.total,
            band=result.band.label if result.band else "",
            subscales=result.subscales,
            safety_alert=result.safety_alert,
        )
        discard_draft(user, instrument)
    return response


def history(user, instrument: Instrument) -> list[AssessmentResponse]:
    """Oldest first, as a trend reads."""
    return list(
        AssessmentResponse.objects.filter(user=user, instrument_slug=instrument.slug).order_by(
            "completed_at"
        )
    )


@dataclass
class InstrumentSummary:
    instrument: Instrument
    latest: AssessmentResponse | None
    draft: AssessmentDraft | None
    retake_due: bool


def overview(user, today: date) -> list[InstrumentSummary]:
    latest: dict[str, AssessmentResponse] = {}
    for response in AssessmentResponse.objects.filter(user=user).order_by("completed_at"):
        latest[response.instrument_slug] = response
    drafts = {d.instrument_slug: d for d in AssessmentDraft.objects.filter(user=user)}
    return [
        InstrumentSummary(
            instrument=instrument,
            latest=latest.get(slug),
            draft=drafts.get(slug),
            retake_due=_retake_due(latest.get(slug), today),
        )
        for slug, instrument in INSTRUMENTS.items()
    ]


def _retake_due(latest: AssessmentResponse | None, today: date) -> bool:
    # Only instruments the person chose before are offered again; never a first-time nag.
    return latest is not None and timezone.localdate(latest.completed_at) <= today - timedelta(
        days=RETAKE_AFTER_DAYS
    )


def retake_suggestions(user, today: date) -> list[Instrument]:
    """One small aggregate query, since Today asks on every visit."""
    last_taken = dict(
        AssessmentResponse.objects.filter(user=user)
        .values("instrument_slug")
        .annotate(last=Max("completed_at"))
        .values_list("instrument_slug", "last")
    )
    cutoff = today - timedelta(days=RETAKE_AFTER_DAYS)
    return [
        instrument
        for slug, instrument in INSTRUMENTS.items()
        if slug in last_taken and timezone.localdate(last_taken[slug]) <= cutoff
    ]
