"""One JSON shape for a daily check of mood and energy and for a weekly review: the API gives
them, the export writes them, and a therapist's API reads them where the person shares their
mood or their weekly reviews."""

from selftrust.insights.models import DailyCheck, WeeklyReview


def daily_check(check: DailyCheck) -> dict:
    return {
        "date": check.day.isoformat(),
        "mood": check.mood,
        "mood_words": check.get_mood_display() if check.mood else None,
        "energy": check.energy,
        "energy_words": check.get_energy_display() if check.energy else None,
        "note": check.note,
    }


def weekly_review(review: WeeklyReview) -> dict:
    return {
        "id": review.pk,
        "week_ending": review.week_ending.isoformat(),
        "kept": review.kept,
        "got_in_the_way": review.got_in_the_way,
        "learned": review.learned,
        "next_promise": review.next_promise_text,
        # The promise it made, as the export's promises list it; None if it made none.
        "promise_id": review.next_promise_id,
        "created_at": review.created_at.isoformat(),
        "updated_at": review.updated_at.isoformat(),
    }
