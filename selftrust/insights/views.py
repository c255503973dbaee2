from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.insights import calendar as month_calendar
from selftrust.insights import services, weekly_review
from selftrust.insights.forms import DailyCheckForm, WeeklyReviewForm
from selftrust.insights.models import WeeklyReview
from selftrust.insights.progress import progress_for
from selftrust.insights.templatetags.daily_check import card_context
from selftrust.safety.screening import mentions_crisis
from selftrust.safety.support import offer_support_for_words_sent_back, offer_support_if_needed
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version, version_in_draft
from selftrust.web.page_cache import kept_until_changed

CARD = "insights/_daily_check.html#daily-check-card"


@login_required
@kept_until_changed
def progress(request):
    """Everything gathered, side by side on one time axis; ?range= picks how far back."""
    page = progress_for(request.user, request.user.local_today(), request.GET.get("range"))
    # TRUST EXPERIMENT: its summary card (issue 15, item 13) joins the context here, once that
    # practice exists; insights/progress.html marks where the card goes.
    return render(request, "insights/progress.html", {"progress": page})


@login_required
@require_POST
def daily_check(request):
    """Save the day's mood and energy; htmx gets the card back, a plain form goes to Today."""
    today = request.user.local_today()
    form = DailyCheckForm.for_day(request.POST, user=request.user, today=today)
    saved = form.is_valid()
    check = services.save_daily_check(form, request.user)[0] if saved else None
    if saved:
        services.unskip(request.session)
        # The note box was saved with it: its draft goes (promises/drafts.py keeps it).
        drafts.discard(request.user, draft_keys.DAILY_CHECK)
        drafts.close_after_save(request, draft_keys.DAILY_CHECK)
    elif request.POST.get("note") or (form.instance.pk and form.instance.note):
        # What was typed stays in the note's draft, so Today gives it back even after a
        # plain form's refusal (which goes back to Today with only the message).
        drafts.save(request.user, draft_keys.DAILY_CHECK, drafts.posted(request))
    if request.htmx:
        # Screened here and the panel shown in the card: htmx swaps only 2xx answers, so a
        # refused answer is the card with its kind error in it.
        context = card_context(request, today, check=check, form=None if saved else form)
        context["just_saved"] = saved
        context["needs_support"] = saved and mentions_crisis(check.note)
        return render(request, CARD, context)
    if saved:
        if offer_support_if_needed(request, check.note):
            messages.info(request, "Your note is saved.")
        else:
            messages.info(request, "Saved. Thank you for checking in with yourself.")
        return redirect("promises:today")
    for errors in form.errors.values():
        messages.info(request, errors[0])
    return redirect("promises:today")


@login_required
@require_POST
def skip_daily_check(request):
    """ "Not today": the card hides until tomorrow, and nothing is recorded."""
    today = request.user.local_today()
    services.skip_today(request.session, today)
    if request.htmx:
        return render(request, CARD, {**card_context(request, today), "just_skipped": True})
    return redirect("promises:today")


# --- the month calendar ------------------------------------------------------------------------


@login_required
@kept_until_changed
def calendar(request):
    """One month of promises and mood; ?month=2026-11 names another month."""
    today = request.user.local_today()
    first, understood = month_calendar.month_asked_for(request.GET.get("month"), today)
    week_starts = month_calendar.first_weekday(request.headers.get("Accept-Language", ""))
    return render(
        request,
        "insights/calendar.html",
        {
            "month": month_calendar.month_calendar(request.user, first, today, week_starts),
            "month_not_understood": not understood,
        },
    )


# --- the weekly review -------------------------------------------------------------------------

REVIEWS_A_PAGE = 20


def _own_review(request, review_id: int) -> WeeklyReview:
    # Another person's review is "not found", never "forbidden": existence stays private.
    return get_object_or_404(WeeklyReview, pk=review_id, user=request.user)


@login_required
def weekly_reviews(request):
    """The reviews a person has kept, newest first, and the way to start this week's."""
    reviews = weekly_review.own_reviews(request.user).only(
        "week_ending", "kept", "got_in_the_way", "learned", "next_promise_text", "created_at"
    )
    page = Paginator(reviews, REVIEWS_A_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "insights/weekly_reviews.html",
        {"page": page, "today": request.user.local_today()},
    )


def _review_form_page(
    request, form, *, key, review=None, restored=False, conflict=None, version=None, status=200
):
    last_day = review.week_ending if review else form.today
    links = weekly_review.connections(request.user, last_day)
    # A restored draft keeps the version it was written against (see web/conflicts.py).
    version = conflict.current_version if conflict else version or posted_version(request)
    return render(
        request,
        "insights/weekly_review_form.html",
        {
            "form": form,
            "review": review,
            "summary": weekly_review.week_summary(request.user, last_day),
            "connections": links,
            "any_connection": any(link.enough for link in links),
            "connection_days": weekly_review.CONNECTION_DAYS,
            "min_days": weekly_review.MIN_DAYS_WITH_BOTH,
            "min_each_side": weekly_review.MIN_DAYS_EACH_SIDE,
            "draft_key": key,
            "restored": restored,
            "conflict": conflict,
            "version": version or (review.version if review else None),
        },
        status=status,
    )


def _kept_after_saving(request, review: WeeklyReview, key: str, *, made_promise: bool) -> None:
    offer_support_if_needed(request, *weekly_review.written_words(review))
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
    message = "Your review is kept. Thank you for looking back."
    if made_promise:
        message += f" “{review.next_promise_text}” is one of your promises now, on Today."
    messages.success(request, message)


@login_required
@kept_until_changed
def weekly_review_new(request):
    """The ritual: the week in plain words, then four questions, every part optional."""
    today = request.user.local_today()
    key = draft_keys.WEEKLY_REVIEW_NEW
    if request.method != "POST":
        initial = drafts.restore(request.user, key)
        form = WeeklyReviewForm(initial=initial, today=today)
        return _review_form_page(request, form, key=key, restored=initial is not None)
    form = WeeklyReviewForm(request.POST, today=today)
    if not form.is_valid():
        # What was typed stays on the page and in the draft: a mistake never costs words.
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _review_form_page(request, form, key=key, status=400)
    review = weekly_review.save_review(form, request.user)
    _kept_after_saving(request, review, key, made_promise=review.next_promise_id is not None)
    return redirect("insights:weekly_review", review.pk)


@login_required
def weekly_review_detail(request, review_id: int):
    review = _own_review(request, review_id)
    today = request.user.local_today()
    return render(
        request,
        "insights/weekly_review_detail.html",
        {
            "review": review,
            "summary": weekly_review.week_summary(request.user, review.week_ending),
            "editable": review.is_editable_on(today),
        },
    )


@login_required
def weekly_review_edit(request, review_id: int):
    review = _own_review(request, review_id)
    today = request.user.local_today()
    key = draft_keys.weekly_review_edit(review.pk)
    if not review.is_editable_on(today):
        messages.info(
            request,
            "This review is kept as you wrote it: a review can be changed for seven days. "
            "Nothing was changed.",
        )
        return redirect("insights:weekly_review", review.pk)
    had_promise = review.next_promise_id is not None
    if request.method != "POST":
        draft = drafts.get(request.user, key)
        initial = drafts.initial_from(draft) if draft is not None else None
        form = WeeklyReviewForm(instance=review, initial=initial, today=today)
        return _review_form_page(
            request,
            form,
            key=key,
            review=review,
            restored=draft is not None,
            version=version_in_draft(draft),
        )
    form = WeeklyReviewForm(request.POST, instance=review, today=today)
    if not form.is_valid():
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _review_form_page(request, form, key=key, review=review, status=400)
    try:
        with unchanged_since(review, posted_version(request)):
            weekly_review.save_review(form, request.user)
    except StaleVersion as stale:
        # Changed elsewhere since this page opened: both shown, the words kept.
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        saved = _own_review(request, review_id)
        found = conflict(
            form,
            WeeklyReviewForm(instance=saved, today=today),
            stale.current_version,
            reverse("insights:weekly_review", args=[review_id]),
        )
        return _review_form_page(request, form, key=key, review=saved, conflict=found, status=409)
    _kept_after_saving(
        request, review, key, made_promise=not had_promise and review.next_promise_id is not None
    )
    return redirect("insights:weekly_review", review.pk)
