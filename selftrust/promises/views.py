from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from selftrust.assessments.services import retake_suggestions
from selftrust.care.homework import take_on_suggested_promise
from selftrust.drafts import store as drafts
from selftrust.practices import trust_experiments
from selftrust.practices.services import decisions_due
from selftrust.promises import drafts as promise_drafts
from selftrust.promises import services
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import Outcome, Promise, Status
from selftrust.promises.nudges import EXAMPLES, SAFETY_PROMISE_ALTERNATIVES
from selftrust.promises.support import support_after_check_in
from selftrust.promises.track_record import track_record_page
from selftrust.safety.support import offer_support, offer_support_if_needed
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version, version_in_draft
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
    # Notes typed on Today and kept as drafts go back in their boxes (one query for all). The
    # earlier days open with the page when one of them holds one, so no word waits unseen.
    kept = promise_drafts.kept_notes(
        request.user, [*due_today, *(item for group in earlier for item in group.items)]
    )
    if kept:
        due_today = promise_drafts.with_kept_notes(due_today, kept)
        earlier = [
            services.DayOfPromises(group.day, promise_drafts.with_kept_notes(group.items, kept))
            for group in earlier
        ]
        show_earlier = show_earlier or any(
            item.kept_note is not None for group in earlier for item in group.items
        )
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
    day = form.cleaned_data.get("day") or _day_from(request, today_)
    if saved:
        promise_drafts.let_go_after_check_in(request, promise, day)
    elif request.POST.get("note") or (check_in and check_in.note):
        # What was typed stays in the draft of its box, even without JavaScript (the page
        # goes back to Today, which shows it in the box again): a refusal never costs words.
        key = promise_drafts.check_in_note(promise.pk, day)
        drafts.save(request.user, key, drafts.posted(request))
    item = services.DueItem(
        promise, day, check_in, kept_from=None if saved else promise_drafts.kept_from(request.POST)
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


def _promise_form_page(
    request,
    form,
    *,
    key,
    promise=None,
    restored=False,
    conflict=None,
    version=None,
    kept_elsewhere=False,
    status=200,
):
    # A restored draft keeps the version it was written against (see web/conflicts.py).
    version = conflict.current_version if conflict else version or posted_version(request)
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
            "draft_key": key,
            "restored": restored,
            "kept_elsewhere": kept_elsewhere,
        },
        status=status,
    )


def _draft_initial(request, key: str) -> dict | None:
    return drafts.restore(request.user, key, promise_drafts.PROMISE_FORM_MULTI_VALUE_FIELDS)


def _restored_form(draft: dict | None, **kwargs) -> PromiseForm:
    """The form, with a box the draft left unticked unticked (a browser posts nothing for it)."""
    form = PromiseForm(**kwargs)
    if draft is not None:
        drafts.untick_what_the_draft_left_unticked(form, draft)
    return form


def _kept_while_not_saved(request, key: str) -> None:
    # What was typed stays on the page and in the draft: a mistake, a nudge or a conflict
    # never costs words, even if the page is closed before the person comes back to it.
    drafts.save(request.user, key, drafts.posted(request))


def _let_go_after_saving(request, key: str) -> None:
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)


@login_required
def promise_create(request):
    today_ = request.user.local_today()
    key = promise_drafts.PROMISE_NEW
    if request.method != "POST":
        initial = {"text": "", "schedule": "daily", "due_date": today_}
        suggested = request.GET.get("text", "")[:200]
        if suggested:
            # An example or a therapist's suggestion chosen: its words, and a way back to
            # the ones kept, if any (they stay kept until this form is typed in or saved).
            initial["text"] = suggested
            kept = drafts.get(request.user, key) is not None
            form = PromiseForm(initial=initial, today=today_)
            return _promise_form_page(request, form, key=key, kept_elsewhere=kept)
        draft = _draft_initial(request, key)
        initial = {**initial, **(draft or {})}
        form = _restored_form(draft, initial=initial, today=today_)
        return _promise_form_page(request, form, key=key, restored=draft is not None)
    form = PromiseForm(request.POST, today=today_)
    if not form.is_valid():
        _kept_while_not_saved(request, key)
        return _promise_form_page(request, form, key=key, status=400)
    if form.wants_nudge:
        _kept_while_not_saved(request, key)
        return _promise_form_page(request, form, key=key)
    promise = services.save_promise(form, request.user)
    _let_go_after_saving(request, key)
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
    key = promise_drafts.promise_edit(promise.pk)
    if request.method != "POST":
        draft = drafts.get(request.user, key)
        initial = (
            None
            if draft is None
            else drafts.initial_from(draft, promise_drafts.PROMISE_FORM_MULTI_VALUE_FIELDS)
        )
        form = _restored_form(initial, instance=promise, initial=initial, today=today_)
        return _promise_form_page(
            request,
            form,
            key=key,
            promise=promise,
            restored=draft is not None,
            version=version_in_draft(draft),
        )
    form = PromiseForm(request.POST, instance=promise, today=today_)
    if not form.is_valid():
        _kept_while_not_saved(request, key)
        return _promise_form_page(request, form, key=key, promise=promise, status=400)
    if form.wants_nudge:
        _kept_while_not_saved(request, key)
        return _promise_form_page(request, form, key=key, promise=promise)
    try:
        with unchanged_since(promise, posted_version(request)):
            services.save_promise(form, request.user)
    except StaleVersion as stale:
        _kept_while_not_saved(request, key)
        saved = _own_promise(request, promise_id)
        found = conflict(
            form,
            PromiseForm(instance=saved, today=today_),
            stale.current_version,
            reverse("promises:edit", args=[promise_id]),
        )
        return _promise_form_page(request, form, key=key, promise=saved, conflict=found, status=409)
    _let_go_after_saving(request, key)
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
