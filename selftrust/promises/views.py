from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from selftrust.assessments.services import retake_suggestions
from selftrust.care.homework import take_on_suggested_promise
from selftrust.practices import trust_experiments
from selftrust.practices.services import decisions_due
from selftrust.promises import services
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import Outcome, Promise, Status
from selftrust.promises.nudges import EXAMPLES, SAFETY_PROMISE_ALTERNATIVES
from selftrust.promises.support import support_after_check_in
from selftrust.promises.track_record import track_record_page
from selftrust.safety.support import offer_support, offer_support_if_needed
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version
from selftrust.web.page_cache import kept_until_changed

STATUS_ACTIONS = {
    "pause": (Status.PAUSED, "“{text}” is resting. It won't appear on Today until you resume it."),
    "resume": (Status.ACTIVE, "“{text}” is back on Today."),
    "archive": (Status.ARCHIVED, "“{text}” is archived. Its history stays in your track record."),
    "restore": (Status.ACTIVE, "“{text}” is back on Today."),
}


def _own_promise(request, promise_id: int) -> Promise:
    # Another person's promise is "not found", never "forbidden": existence stays private.
    return get_object_or_404(Promise, pk=promise_id, user=request.user)


@login_required
@kept_until_changed
def today(request):
    day = request.user.local_today()
    week = services.this_week(request.user, day)
    due_today, earlier = week.due_today, week.earlier
    show_earlier = request.GET.get("earlier") == "1"
    if show_earlier and request.htmx:
        context = {
            "today": day,
            "earlier": earlier,
            "outcomes": Outcome.choices,
            "show_earlier": True,
        }
        return render(request, "promises/today.html#earlier-days", context)
    return render(
        request,
        "promises/today.html",
        {
            "today": day,
            "due_today": due_today,
            "not_due_today": week.not_due_today,
            "earlier": earlier,
            "show_earlier": show_earlier,
            "unanswered_earlier": sum(
                item.check_in is None for group in earlier for item in group.items
            ),
            "outcomes": Outcome.choices,
            "has_promises": week.has_promises,
            "show_welcome": not request.user.has_seen_welcome,
            "retakes": retake_suggestions(request.user, day),
            "decisions_due": decisions_due(request.user, day),
            "trust_steps_due": trust_experiments.due(request.user),
        },
    )


@login_required
@require_POST
def check_in(request, promise_id: int):
    promise = _own_promise(request, promise_id)
    today_ = request.user.local_today()
    form = CheckInForm.for_day(request.POST, promise=promise, today=today_)
    saved = False
    support = ""
    if form.is_valid():
        check_in, _created = services.save_check_in(form, request.user)
        saved = True
        # Screened once: the note, and the promise's own words when it wasn't kept.
        support = support_after_check_in(promise, check_in)
    else:
        check_in = form.instance if form.instance.pk else None
    item = services.DueItem(
        promise, form.cleaned_data.get("day") or _day_from(request, today_), check_in
    )
    if request.htmx:
        return render(
            request,
            "promises/today.html#due-item",
            # htmx swaps only 2xx answers; the kind error is inside the fragment.
            {
                "item": item,
                "form": form,
                "outcomes": Outcome.choices,
                "today": today_,
                "just_saved": saved,
                "needs_support": support,
            },
        )
    if saved:
        messages.info(request, _saved_message(check_in.outcome, support))
        if support:
            return redirect("safety:help")
        return redirect("promises:today")
    for error in form.errors.values():
        messages.info(request, error[0])
    return redirect("promises:today")


def _day_from(request, fallback: date) -> date:
    try:
        return date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        return fallback


def _saved_message(outcome: str, support: str = "") -> str:
    if support == "slip":
        return (
            "Thank you for telling Selftrust. If someone has hurt you or you're in danger from "
            "someone, that is never your fault; a domestic abuse or sexual violence service can "
            "help you plan. If you have hurt yourself or feel you might, you deserve support now."
        )
    return {
        Outcome.KEPT: "Noted: kept. That's evidence you can rely on yourself.",
        Outcome.PARTLY: "Noted: partly. Some is real progress.",
        Outcome.NOT_THIS_TIME: "Noted: not this time. That's information, not a verdict.",
        Outcome.LET_GO: "Let go kindly. Choosing that is a way of listening to yourself.",
    }[outcome]


@login_required
def promise_list(request):
    promises = Promise.objects.owned_by(request.user).order_by(
        "status", "time_of_day", "created_at"
    )
    groups = {status: [] for status in (Status.ACTIVE, Status.PAUSED, Status.ARCHIVED)}
    for promise in promises:
        groups[promise.status].append(promise)
    return render(
        request,
        "promises/list.html",
        {
            "active": groups[Status.ACTIVE],
            "paused": groups[Status.PAUSED],
            "archived": groups[Status.ARCHIVED],
        },
    )


def _promise_form_page(request, form, *, promise=None, conflict=None, status=200):
    version = conflict.current_version if conflict else posted_version(request)
    return render(
        request,
        "promises/form.html",
        {
            "form": form,
            "promise": promise,
            "version": version or (promise.version if promise else None),
            "conflict": conflict,
            "examples": EXAMPLES,
            "nudge": form.nudge,
            "safety_alternatives": SAFETY_PROMISE_ALTERNATIVES,
        },
        status=status,
    )


@login_required
def promise_create(request):
    today_ = request.user.local_today()
    if request.method != "POST":
        initial = {
            "text": request.GET.get("text", "")[:200],
            "schedule": "daily",
            "due_date": today_,
        }
        return _promise_form_page(request, PromiseForm(initial=initial, today=today_))
    form = PromiseForm(request.POST, today=today_)
    if not form.is_valid():
        return _promise_form_page(request, form, status=400)
    if form.wants_nudge:
        return _promise_form_page(request, form)
    promise = services.save_promise(form, request.user)
    # Made from a therapist's suggestion (Today's "Make it my own"): taken on, in these words.
    take_on_suggested_promise(request.user, request.GET.get("from_homework"), promise)
    _offer_support_after(request, form, promise)
    messages.info(request, f"“{promise.text}” is one of your promises now.")
    return redirect("promises:today")


def _offer_support_after(request, form, promise) -> None:
    """A promise about not hurting oneself always brings the support panel, gently."""
    if form.safety_promise:
        offer_support(request)
    else:
        offer_support_if_needed(request, promise.text)


@login_required
def promise_edit(request, promise_id: int):
    promise = _own_promise(request, promise_id)
    today_ = request.user.local_today()
    if request.method != "POST":
        return _promise_form_page(
            request, PromiseForm(instance=promise, today=today_), promise=promise
        )
    form = PromiseForm(request.POST, instance=promise, today=today_)
    if not form.is_valid():
        return _promise_form_page(request, form, promise=promise, status=400)
    if form.wants_nudge:
        return _promise_form_page(request, form, promise=promise)
    try:
        with unchanged_since(promise, posted_version(request)):
            services.save_promise(form, request.user)
    except StaleVersion as stale:
        saved = _own_promise(request, promise_id)
        found = conflict(
            form,
            PromiseForm(instance=saved, today=today_),
            stale.current_version,
            reverse("promises:edit", args=[promise_id]),
        )
        return _promise_form_page(request, form, promise=saved, conflict=found, status=409)
    _offer_support_after(request, form, promise)
    messages.info(request, "Your changes are saved.")
    return redirect("promises:list")


@login_required
@require_POST
def promise_status(request, promise_id: int):
    promise = _own_promise(request, promise_id)
    action = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.info(request, "That change isn't one we know. Nothing was changed.")
        return redirect("promises:list")
    status, message = action
    services.set_status(promise, status, request.user)
    messages.info(request, message.format(text=promise.text))
    return redirect("promises:list")


@login_required
@kept_until_changed
def track_record(request):
    page = track_record_page(request.user, request.user.local_today(), request.GET.get("range"))
    return render(request, "promises/track_record.html", page)
