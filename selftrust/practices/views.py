from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_POST

from selftrust.charts import bar_chart
from selftrust.drafts import store as drafts
from selftrust.lessons.catalog import lesson_or_none
from selftrust.practices import reflections, services, trust_experiments
from selftrust.practices.catalog import DECISION, PRACTICES, SECTIONS, TRUST_EXPERIMENT, Practice
from selftrust.practices.models import Entry
from selftrust.practices.vocabulary import GROUNDING_EXERCISES, THINKING_TRAPS
from selftrust.safety.models import TrustedPerson
from selftrust.safety.support import (
    offer_support_for_words_sent_back,
    offer_support_if_needed,
    support_offered,
)
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version, version_in_draft
from selftrust.web.page_cache import kept_until_changed

PAGE_SIZE = 20
RECENT_EXPERIMENTS = 10
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
    return drafts.restore(request.user, key, _multi_value_fields(practice))


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
    form = practice.form(data, entry=entry, initial=initial, today=request.user.local_today())
    if initial is not None:
        drafts.untick_what_the_draft_left_unticked(form, initial)
    return form


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
    if practice.slug == TRUST_EXPERIMENT.slug:
        # Offered as the person types who the step is toward; any name is fine too.
        people = TrustedPerson.objects.owned_by(request.user).values_list("name", flat=True)
        context["trusted_people"] = list(people)
    if practice.slug == "grounding":
        sessions = Entry.objects.owned_by(request.user).visible().filter(practice="grounding")
        context["grounding_effects"] = reflections.grounding_effects(e.data for e in sessions)
    return render(request, practice.behaviour.template, context, status=status)


def _save(request, practice, form, entry=None) -> Entry:
    return services.save_entry(request.user, practice, form, entry)


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
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _form_page(request, practice, form, key=key, status=400)
    entry = _save(request, practice, form)
    offer_support_if_needed(request, *services.written_words(entry))
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
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
            version=version_in_draft(drafts.get(request.user, key)),
        )
    form = _form_for(practice, request, data=request.POST, entry=entry)
    if not form.is_valid():
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _form_page(request, practice, form, key=key, entry=entry, status=400)
    try:
        with unchanged_since(entry, posted_version(request)):
            _save(request, practice, form, entry)
    except StaleVersion as stale:
        # Changed elsewhere since this page opened: both versions shown, the words kept.
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        saved = _own_entry(request, entry_id)
        found = conflict(
            form,
            _form_for(practice, request, entry=saved),
            stale.current_version,
            reverse("practices:entry", args=[entry_id]),
        )
        return _form_page(request, practice, form, key=key, entry=saved, conflict=found, status=409)
    offer_support_if_needed(request, *services.written_words(entry))
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
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
    labels = {f.name: f for f in practice.fields}
    context = {
        "entry": entry,
        "practice": practice,
        # The practice's own record (decision, thought record); a worksheet's answers, labelled.
        "record": practice.behaviour.record_of(entry),
        "answers": [
            (labels[name], services.label_for(practice, name, value))
            for name, value in entry.data.items()
            if name in labels
        ],
        "today": request.user.local_today(),
        "celebrate": practice.celebrate and just_saved and not offering_support,
        "aftercare": just_saved and not offering_support and bool(practice.aftercare),
        "danger_note": "" if offering_support else services.danger_note(entry),
        "hopelessness_note": just_saved
        and not offering_support
        and services.named_hopelessness(entry),
        # A feeling that came down as the person worked through it, said back plainly.
        "eased": services.eased(entry) if just_saved and not offering_support else (),
    }
    if just_saved and not offering_support and services.felt_hard(entry):
        context["reach_out"] = list(TrustedPerson.objects.owned_by(request.user))
        context["offer_reach_out"] = True
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
    if practice.slug == TRUST_EXPERIMENT.slug:
        context["experiment"] = trust_experiments.experiment(entry, request.user)
    if practice.slug == "strengths":
        all_strengths = Entry.objects.owned_by(request.user).visible().filter(practice="strengths")
        context["strengths"] = reflections.strengths_list(
            e.data for e in all_strengths.order_by("created_at")
        )
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
# Not kept while an undo is offered: it lasts ten minutes, not as long as a kept page.
@kept_until_changed(unless_session_holds=("undo_entry",))
def timeline(request):
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
    page, undo = services.timeline_page(
        request.user,
        entries,
        request.GET.get("page"),
        PAGE_SIZE,
        undo_id=request.session.get("undo_entry"),
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
@kept_until_changed
def decision_journal(request):
    due, recent = services.due_and_recent_decisions(request.user, request.user.local_today())
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
            "due": due,
            "recent": recent,
        },
    )


@login_required
def review_decision(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    practice = entry.definition
    if not practice.behaviour.looks_back:
        raise Http404
    key = services.draft_key(practice, entry, review=True)
    looking_back = practice.behaviour.review_form_class
    record = practice.behaviour.record_of(entry)
    if record is None:
        return _look_back_in_entry(request, entry, practice, key)
    if request.method != "POST":
        initial = _draft_initial(request, practice, key)
        form = looking_back(instance=record, initial=initial, label_suffix="")
        if initial is not None:
            drafts.untick_what_the_draft_left_unticked(form, initial)
        return render(
            request,
            "practices/review_form.html",
            {"entry": entry, "form": form, "draft_key": key, "restored": initial is not None},
        )
    form = looking_back(request.POST, instance=record, label_suffix="")
    if not form.is_valid():
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return render(
            request,
            "practices/review_form.html",
            {"entry": entry, "form": form, "draft_key": key},
            status=400,
        )
    services.review_decision(request.user, entry, form)
    offer_support_if_needed(request, *services.written_words(entry))
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
    messages.success(request, "Thank you for looking back. Each review adds to the evidence.")
    return redirect(reverse("practices:decisions"))


def _look_back_in_entry(request, entry: Entry, practice: Practice, key: str):
    """A look back kept with the entry's other answers (the trust experiment's)."""
    looking_back = practice.behaviour.review_form_class
    context = {
        "entry": entry,
        "practice": practice,
        "experiment": trust_experiments.experiment(entry, request.user),
        "draft_key": key,
    }
    if request.method != "POST":
        initial = _draft_initial(request, practice, key)
        form = looking_back(initial=entry.data if initial is None else initial, label_suffix="")
        if initial is not None:
            drafts.untick_what_the_draft_left_unticked(form, initial)
        return render(
            request,
            "practices/trust_look_back.html",
            {**context, "form": form, "restored": initial is not None},
        )
    form = looking_back(request.POST, label_suffix="")
    if not form.is_valid():
        # What was typed stays on the page and in the draft: a mistake never costs words.
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return render(
            request, "practices/trust_look_back.html", {**context, "form": form}, status=400
        )
    entry = services.look_back_in_entry(request.user, entry, form)
    offer_support_if_needed(request, *services.written_words(entry))
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
    messages.success(
        request, "Thank you for looking back. Whatever happened, it adds to what you know."
    )
    # The entry's page: where feeling unsafe with someone puts safety first.
    return redirect(reverse("practices:entry", args=[entry.pk]) + "?saved=1")


@login_required
@kept_until_changed
def trust_experiment_summary(request):
    """What the person's trust experiments add up to, and those ready to look back on."""
    found = trust_experiments.experiments(request.user)
    summary = trust_experiments.summary_of(found)
    chart = None
    if summary.ready:
        # Shares of the look backs; on the first bar, how likely the fear seemed beforehand.
        expected = None if summary.mean_fear_likely is None else summary.mean_fear_likely / 10
        chart = bar_chart(
            [
                ("Came true", summary.fear_came_true / summary.looked_back, expected),
                ("Partly", summary.partly / summary.looked_back, None),
                ("Didn't", summary.did_not / summary.looked_back, None),
            ]
        )
    return render(
        request,
        "practices/trust_experiments.html",
        {
            "practice": TRUST_EXPERIMENT,
            "summary": summary,
            "chart": chart,
            "due": sorted((e for e in found if e.due), key=lambda e: e.look_back_on),
            "waiting": sorted(
                (e for e in found if not e.looked_back and not e.due),
                key=lambda e: e.look_back_on,
            ),
            "recent": found[:RECENT_EXPERIMENTS],
        },
    )
