"""Taking, pausing and completing questionnaires, and what the history shows."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from selftrust.assessments.forms import AssessmentForm
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import score
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts

# A gentle rhythm: most of these instruments look back two weeks, so that is when a re-take
# can show change. It is only ever offered, never required.
RETAKE_AFTER_DAYS = 14


# --- answers so far -------------------------------------------------------------------------
# A questionnaire paused part-way ("Save and finish later", or a page closed mid-way) is a
# draft like any other form's: what was posted, kept by the drafts app until it is finished
# or cleared. Its answers are read back through the questionnaire's own form.


def draft_key(instrument: Instrument) -> str:
    return draft_keys.assessment(instrument.slug)


def may_keep_draft(user, key: str) -> bool:
    """Does `key` name a questionnaire there is? (Anyone signed in may take any of them.)"""
    return draft_keys.assessment_slug(key) in INSTRUMENTS


def answers_in_draft(instrument: Instrument, fields: dict) -> tuple[list[int | None], int | None]:
    """(answers, extra answer) kept in a draft; None where unanswered, or not an answer."""
    form = AssessmentForm(MultiValueDict(fields), instrument=instrument, require_all=False)
    form.is_valid()
    return form.answers(), form.extra()


def answers_so_far(user, instrument: Instrument) -> tuple[list[int | None], int | None] | None:
    """The answers kept from last time, or None if nothing was kept."""
    fields = drafts.get(user, draft_key(instrument))
    return None if fields is None else answers_in_draft(instrument, fields)


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
        drafts.discard(user, draft_key(instrument))
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
    # How many questions were answered so far, when answers were kept; else None.
    answered_so_far: int | None
    retake_due: bool

    @property
    def draft_key(self) -> str:
        return draft_key(self.instrument)


def overview(user, today: date) -> list[InstrumentSummary]:
    latest: dict[str, AssessmentResponse] = {}
    for response in AssessmentResponse.objects.filter(user=user).order_by("completed_at"):
        latest[response.instrument_slug] = response
    kept = drafts.kept_under(user, draft_keys.assessment(""))
    return [
        InstrumentSummary(
            instrument=instrument,
            latest=latest.get(slug),
            answered_so_far=_answered(instrument, kept.get(draft_key(instrument))),
            retake_due=_retake_due(latest.get(slug), today),
        )
        for slug, instrument in INSTRUMENTS.items()
    ]


def _answered(instrument: Instrument, fields: dict | None) -> int | None:
    if fields is None:
        return None
    answers, _extra = answers_in_draft(instrument, fields)
    return sum(answer is not None for answer in answers)


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
