import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from selftrust.charts import bar_chart
from selftrust.lessons.catalog import lesson_or_none
from selftrust.practices import reflections, services
from selftrust.practices.catalog import DECISION, PRACTICES, SECTIONS, Practice
from selftrust.practices.forms import (
    DecisionForm,
    DecisionReviewForm,
    ThoughtRecordForm,
    WorksheetForm,
)
from selftrust.practices.models import Decision, Entry
from selftrust.practices.vocabulary import GROUNDING_EXERCISES, THINKING_TRAPS
from selftrust.safety.models import TrustedPerson
from selftrust.safety.support import offer_support_if_needed, support_offered
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version, version_in_draft
from selftrust.web.drafts import (
    close_draft,
    draft_recently_closed,
    initial_from_draft,
    untick_what_the_draft_left_unticked,
)

PAGE_SIZE = 20
MULTI_VALUE_FIELDS = {"thinking_traps"}


def _multi_value_fields(practice: Practice) -> set[str]:
    return MULTI_VALUE_FIELDS | practice.multi_value_fields


def _practice(slug: str) -> Practice:
    practice = PRACTICES.get(slug)
    if practice is None:
        raise Http404("No such practice")
    return practice


def _own_entry(request, entry_id: int) -> Entry:
    return get_object_or_404(Entry.objects.visible(), pk=entry_id, user=request.user)


def _draft_initial(request, practice: Practice, key: str) -> dict | None:
    data = services.draft_data(request.user, key)
    return None if data is None else initial_from_draft(data, _multi_value_fields(practice))


def _chosen_in_link(request, practice: Practice) -> dict:
    """Choices a link may make in advance: ?exercise=tipp from Ground me now picks that exercise.

    Only a worksheet's single choices, and only answers it offers; anything else is ignored.
    """
    chosen = {}
    for spec in practice.fields:
        value = request.GET.get(spec.name)
        if spec.kind == "choice" and value in dict(spec.choices):
            chosen[spec.name] = value
    return chosen


def _form_for(practice: Practice, request, *, data=None, entry: Entry | None = None, initial=None):
    today = request.user.local_today()
    if practice.kind == "decision":
        instance = entry.decision if entry else None
        form = DecisionForm(data, instance=instance, initial=initial, today=today)
    elif practice.kind == "thought":
        instance = entry.thought_record if entry else None
        form = ThoughtRecordForm(data, instance=instance, initial=initial)
    else:
        form = WorksheetForm(
            data,
            initial=initial if initial is not None else (entry.data if entry else None),
            practice=practice,
        )
    if initial is not None:
        untick_what_the_draft_left_unticked(form, initial)
    return form


def _template_for(practice: Practice) -> str:
    return {
        "decision": "practices/decision_form.html",
        "thought": "practices/thought_form.html",
    }.get(practice.kind, "practices/worksheet_form.html")


def _form_page(
    request,
    practice,
    form,
    *,
    key,
    entry=None,
    restored=False,
    conflict=None,
    version=None,
    status=200,
):
    # Labels are questions or phrases of their own; a colon after some of them reads oddly.
    form.label_suffix = ""
    # A restored draft keeps the version it was written against (see web/conflicts.py).
    version = conflict.current_version if conflict else version or posted_version(request)
    context = {
        "practice": practice,
        "form": form,
        "entry": entry,
        "version": version or (entry.version if entry else None),
        "conflict": conflict,
        "draft_key": key,
        "restored": restored,
        "lesson": lesson_or_none(practice.lesson),
        "traps": THINKING_TRAPS,
        "grounding_exercises": GROUNDING_EXERCISES,
        "see_also": [PRACTICES[slug] for slug in practice.see_also],
    }
    if practice.slug == "grounding":
        sessions = Entry.objects.owned_by(request.user).visible().filter(practice="grounding")
        context["grounding_effects"] = reflections.grounding_effects(e.data for e in sessions)
    return render(request, _template_for(practice), context, status=status)


def _save(request, practice, form, entry=None) -> Entry:
    if practice.kind == "worksheet":
        return services.save_worksheet(request.user, practice, form.answers(), entry)
    return services.save_modelled(request.user, practice, form, entry)


def _post_data_for_draft(request) -> dict:
    return {name: values for name, values in request.POST.lists()}


@login_required
def hub(request):
    return render(
        request,
        "practices/hub.html",
        {
            "sections": SECTIONS,
            "decisions_due": services.decisions_due(request.user, request.user.local_today()),
        },
    )


@login_required
def new_entry(request, slug: str):
    practice = _practice(slug)
    key = services.draft_key(practice)
    if request.method != "POST":
        initial = _draft_initial(request, practice, key)
        chosen = _chosen_in_link(request, practice)
        restored = initial is not None
        if chosen:
            initial = {**(initial or {}), **chosen}
        form = _form_for(practice, request, initial=initial)
        return _form_page(request, practice, form, key=key, restored=restored)
    form = _form_for(practice, request, data=request.POST)
    if not form.is_valid():
        # What was typed stays on the page and in the draft: a mistake never costs words.
        services.save_draft(request.user, key, _post_data_for_draft(request))
        return _form_page(request, practice, form, key=key, status=400)
    entry = _save(request, practice, form)
    offer_support_if_needed(request, *services.written_words(entry))
    services.clear_draft(request.user, key)
    close_draft(request, key)
    messages.success(request, practice.saved_message)
    url = reverse("practices:entry", args=[entry.pk])
    # ?saved=1 lets the entry page respond to the moment of saving (celebration, support).
    return redirect(f"{url}?saved=1")


@login_required
def edit_entry(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    practice = entry.definition
    key = services.draft_key(practice, entry)
    if request.method != "POST":
        initial = _draft_initial(request, practice, key)
        form = _form_for(practice, request, entry=entry, initial=initial)
        return _form_page(
            request,
            practice,
            form,
            key=key,
            entry=entry,
            restored=initial is not None,
            version=version_in_draft(services.draft_data(request.user, key)),
        )
    form = _form_for(practice, request, data=request.POST, entry=entry)
    if not form.is_valid():
        services.save_draft(request.user, key, _post_data_for_draft(request))
        return _form_page(request, practice, form, key=key, entry=entry, status=400)
    try:
        with unchanged_since(entry, posted_version(request)):
            _save(request, practice, form, entry)
    except StaleVersion as stale:
        # Changed elsewhere since this page opened: both versions shown, the words kept.
        services.save_draft(request.user, key, _post_data_for_draft(request))
        saved = _own_entry(request, entry_id)
        found = conflict(
            form,
            _form_for(practice, request, entry=saved),
            stale.current_version,
            reverse("practices:entry", args=[entry_id]),
        )
        return _form_page(
            request, practice, form, key=key, entry=saved, conflict=found, status=409
        )
    offer_support_if_needed(request, *services.written_words(entry))
    services.clear_draft(request.user, key)
    close_draft(request, key)
    messages.success(request, "Your changes are saved.")
    return redirect(reverse("practices:entry", args=[entry.pk]) + "?saved=1")


@login_required
def entry_detail(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    practice = entry.definition
    just_saved = request.GET.get("saved") is not None
    # Words that suggest crisis bring the support panel to this page: then it is the only
    # response, with no reach-out card on top and no celebration beside it.
    offering_support = support_offered(request)
    context = {
        "entry": entry,
        "practice": practice,
        "aftercare": just_saved and not offering_support and bool(practice.aftercare),
        "danger_note": "" if offering_support else services.danger_note(entry),
        "hopelessness_note": just_saved
        and not offering_support
        and services.named_hopelessness(entry),
    }
    if just_saved and not offering_support and services.felt_hard(entry):
        context["reach_out"] = list(TrustedPerson.objects.owned_by(request.user))
        context["offer_reach_out"] = True
    if practice.kind == "worksheet":
        labels = {f.name: f for f in practice.fields}
        context["answers"] = [
            (labels[name], services.label_for(practice, name, value))
            for name, value in entry.data.items()
            if name in labels
        ]
        context["celebrate"] = practice.celebrate and just_saved and not offering_support
    if practice.slug == "signs-check":
        previous = (
            Entry.objects.owned_by(request.user)
            .visible()
            .filter(practice="signs-check", created_at__lt=entry.created_at)
            .first()
        )
        context["sign_changes"] = reflections.signs_change(
            entry.data, previous.data if previous else None
        )
        context["has_previous"] = previous is not None
    if practice.slug == "strengths":
        all_strengths = Entry.objects.owned_by(request.user).visible().filter(practice="strengths")
        context["strengths"] = reflections.strengths_list(
            e.data for e in all_strengths.order_by("created_at")
        )
    if practice.kind == "thought":
        record = entry.thought_record
        context["record"] = record
        context["changes"] = reflections.thought_changes(
            record.belief_before, record.belief_after, record.emotions
        )
        context["trap_names"] = [t for t in THINKING_TRAPS if t.slug in record.thinking_traps]
    if practice.kind == "decision":
        context["decision"] = entry.decision
        context["review_due"] = entry.decision.review_on <= request.user.local_today()
    return render(request, "practices/entry_detail.html", context)


@login_required
@require_POST
def delete_entry(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    services.delete_entry(entry)
    request.session["undo_entry"] = entry.pk
    return redirect("practices:timeline")


@login_required
@require_POST
def restore_entry(request, entry_id: int):
    entry = get_object_or_404(Entry, pk=entry_id, user=request.user, deleted_at__isnull=False)
    request.session.pop("undo_entry", None)
    if services.restore_entry(entry):
        messages.success(request, "It's back.")
        return redirect("practices:entry", entry_id=entry.pk)
    messages.info(request, "That was deleted a while ago and can't be brought back now.")
    return redirect("practices:timeline")


@login_required
def timeline(request):
    services.purge_deleted(request.user)
    practice = request.GET.get("practice", "")
    query = request.GET.get("q", "").strip()[:100]
    since = (
        parse_date(request.GET.get("from", "") or "")
        if _looks_like_date(request.GET.get("from"))
        else None
    )
    until = (
        parse_date(request.GET.get("to", "") or "")
        if _looks_like_date(request.GET.get("to"))
        else None
    )
    entries = services.timeline(
        request.user, practice=practice, query=query, since=since, until=until
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    undo_id = request.session.get("undo_entry")
    undo = (
        Entry.objects.filter(pk=undo_id, user=request.user, deleted_at__isnull=False).first()
        if undo_id
        else None
    )
    return render(
        request,
        "practices/timeline.html",
        {
            "page": page,
            "practices": PRACTICES.values(),
            "names": {slug: p.name for slug, p in PRACTICES.items()},
            "selected": practice,
            "query": query,
            "since": since,
            "until": until,
            "undo": undo,
            "filtered": bool(practice or query or since or until),
        },
    )


def _looks_like_date(value) -> bool:
    try:
        return bool(value) and parse_date(value) is not None
    except ValueError:
        return False


@login_required
def decision_journal(request):
    decisions = Decision.objects.filter(entry__user=request.user, entry__deleted_at__isnull=True)
    calibration = reflections.calibration(services.reviewed_decisions(request.user))
    chart = bar_chart(
        [(band.label, band.served, band.mean_confidence) for band in calibration.bands]
    )
    return render(
        request,
        "practices/decisions.html",
        {
            "practice": DECISION,
            "then_or_now": PRACTICES["then-or-now"],
            "calibration": calibration,
            "chart": chart,
            "due": services.decisions_due(request.user, request.user.local_today()),
            "recent": decisions.select_related("entry").order_by("-entry__created_at")[:10],
        },
    )


@login_required
def review_decision(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    if entry.practice != DECISION.slug:
        raise Http404
    key = services.draft_key(DECISION, entry, review=True)
    if request.method != "POST":
        initial = _draft_initial(request, DECISION, key)
        form = DecisionReviewForm(instance=entry.decision, initial=initial, label_suffix="")
        return render(
            request,
            "practices/review_form.html",
            {"entry": entry, "form": form, "draft_key": key, "restored": initial is not None},
        )
    form = DecisionReviewForm(request.POST, instance=entry.decision, label_suffix="")
    if not form.is_valid():
        services.save_draft(request.user, key, _post_data_for_draft(request))
        return render(
            request,
            "practices/review_form.html",
            {"entry": entry, "form": form, "draft_key": key},
            status=400,
        )
    services.review_decision(request.user, entry, form)
    offer_support_if_needed(request, *services.written_words(entry))
    services.clear_draft(request.user, key)
    close_draft(request, key)
    messages.success(request, "Thank you for looking back. Each review adds to the evidence.")
    return redirect(reverse("practices:decisions"))


def _valid_draft_key(request, key: str) -> bool:
    kind, _, ident = key.partition(":")
    if kind == "new":
        return ident in PRACTICES
    if kind in ("edit", "review") and re.fullmatch(r"[0-9]{1,18}", ident):
        return Entry.objects.filter(pk=int(ident), user=request.user).exists()
    return False


@login_required
@require_POST
def autosave(request, key: str):
    """Called as the person types (htmx, debounced) and when the page is hidden (sendBeacon)."""
    if not _valid_draft_key(request, key):
        raise Http404
    if not draft_recently_closed(request, key):
        services.save_draft(request.user, key, _post_data_for_draft(request))
    return HttpResponse(status=204)


@login_required
@require_POST
def discard_draft(request, key: str):
    if not _valid_draft_key(request, key):
        raise Http404
    services.clear_draft(request.user, key)
    messages.info(request, "Cleared. You can start fresh.")
    return redirect(request.POST.get("next") if _safe_next(request) else reverse("practices:hub"))


def _safe_next(request) -> bool:
    return url_has_allowed_host_and_scheme(
        request.POST.get("next", ""), allowed_hosts={request.get_host()}
    )
