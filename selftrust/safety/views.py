from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.practices import suggestions as practice_suggestions
from selftrust.safety import plan as plans
from selftrust.safety.forms import RegionForm, SafetyPlanForm, TrustedPersonForm, save_plan
from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.regions import REGION_COOKIE
from selftrust.safety.resources import resources_for
from selftrust.versioning import StaleVersion, unchanged_since
from selftrust.web.conflicts import conflict, posted_version, version_in_draft

GROUNDING_STEPS = [
    (5, "things you can see", "Let your eyes move slowly. A colour, a shape, a patch of light."),
    (4, "things you can feel", "Your feet on the floor, the fabric on your skin, the air."),
    (3, "things you can hear", "Near and far. There is no wrong answer."),
    (2, "things you can smell", "Or two smells you like, if nothing is there right now."),
    (1, "thing you can taste", "Or one kind thing you can say to yourself."),
]
PLAN_DRAFT_KEY = draft_keys.SAFETY_PLAN
PEOPLE_FIELDS = tuple(section.people_field for section in plans.SECTIONS if section.people_field)


def ground(request):
    return render(
        request, "safety/ground.html", {"steps": GROUNDING_STEPS, "back_url": _way_back(request)}
    )


def _way_back(request) -> str:
    """Where "Go back" on a full-screen page leads: the page the person came from, when it
    is one of ours, else their start page."""
    came_from = request.META.get("HTTP_REFERER", "")
    if came_from and url_has_allowed_host_and_scheme(
        came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        path = urlsplit(came_from).path
        if path != request.path:
            return path
    return reverse("promises:today" if request.user.is_authenticated else "web:home")


def get_help(request):
    plan = plans.plan_with_something_in_it(request.user)
    people = (
        list(TrustedPerson.objects.owned_by(request.user)) if request.user.is_authenticated else []
    )
    return render(
        request,
        "safety/help.html",
        {
            "shown": resources_for(request),
            "plan": plan,
            "plan_sections": plans.read_back(plan) if plan else [],
            "people": people,
            "callable_people": [person for person in people if person.call_href],
        },
    )


def choose_region(request):
    """Which country's crisis lines to show: kept on the account, or in a cookie without one."""
    shown = resources_for(request)
    current = shown.choice.region.code if shown.choice and shown.choice.region else ""
    form = RegionForm(request.POST or None, initial={"region": current})
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["region"]
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("safety:help")
        response = redirect(next_url)
        if request.user.is_authenticated:
            request.user.crisis_region = code
            request.user.save(update_fields=["crisis_region"])
        elif code:
            response.set_cookie(
                REGION_COOKIE, code, max_age=REGION_COOKIE_AGE, samesite="Lax", httponly=True
            )
        else:
            response.delete_cookie(REGION_COOKIE)
        messages.success(request, form.saved_message())
        return response
    status = 400 if form.is_bound else 200
    return render(request, "safety/region.html", {"form": form, "shown": shown}, status=status)


REGION_COOKIE_AGE = 365 * 24 * 3600


# --- the safety plan ----------------------------------------------------------------------


@login_required
def plan(request):
    plan = plans.plan_for(request.user)
    return render(
        request,
        "safety/plan.html",
        {
            "plan": plan,
            "plan_sections": plans.read_back(plan) if plan else [],
            "resources": resources_for(request).resources,
        },
    )


@login_required
def plan_edit(request):
    existing = plans.plan_for(request.user)
    instance = existing or SafetyPlan(user=request.user)
    if request.method == "POST":
        form = SafetyPlanForm(request.POST, instance=instance, user=request.user)
        if form.is_valid():
            try:
                with unchanged_since(instance, posted_version(request)):
                    form = save_plan(form)
            except StaleVersion as stale:
                # Saved elsewhere since this page opened: keep both, and the words in the draft.
                drafts.save(request.user, PLAN_DRAFT_KEY, drafts.posted(request))
                saved = plans.plan_for(request.user)
                found = conflict(
                    form,
                    SafetyPlanForm(instance=saved, user=request.user),
                    stale.current_version,
                    reverse("safety:plan"),
                )
                return _plan_form_page(request, form, saved, conflict=found, status=409)
        if not form.errors:
            drafts.discard(request.user, PLAN_DRAFT_KEY)
            drafts.close_after_save(request, PLAN_DRAFT_KEY)
            messages.success(request, "Your safety plan is saved. It's here whenever you need it.")
            return redirect("safety:plan")
        drafts.save(request.user, PLAN_DRAFT_KEY, drafts.posted(request))
        plan = form.instance if form.instance.pk else None  # made meanwhile, in a race
        return _plan_form_page(request, form, plan, status=400)
    draft = drafts.get(request.user, PLAN_DRAFT_KEY)
    initial = None
    if draft is not None:
        initial = drafts.initial_from(draft, PEOPLE_FIELDS)
    elif existing is None:
        initial = {"professionals": plans.starter_professionals(resources_for(request))}
    form = SafetyPlanForm(instance=instance, initial=initial, user=request.user)
    if draft is not None:
        drafts.untick_what_the_draft_left_unticked(form, initial)
    return _plan_form_page(
        request, form, existing, restored=draft is not None, version=version_in_draft(draft)
    )


def _plan_form_page(
    request, form, existing, *, restored=False, conflict=None, version=None, status=200
):
    form.label_suffix = ""
    # A restored draft keeps the version it was written against, so saving it over a plan
    # changed since then shows both instead of quietly replacing the newer one.
    version = conflict.current_version if conflict else version or posted_version(request)
    return render(
        request,
        "safety/plan_form.html",
        {
            "form": form,
            "plan": existing,
            "version": version or (existing.version if existing else None),
            "conflict": conflict,
            "draft_key": PLAN_DRAFT_KEY,
            "restored": restored,
            "has_people": TrustedPerson.objects.owned_by(request.user).exists(),
            "suggestions": plans.suggestions_not_yet_in(
                form, practice_suggestions.for_plan(request.user)
            ),
        },
        status=status,
    )


@login_required
def plan_delete(request):
    plan = plans.plan_for(request.user)
    if plan is None:
        raise Http404
    if request.method == "POST":
        plan.delete()
        drafts.discard(request.user, PLAN_DRAFT_KEY)
        messages.info(request, "Your safety plan is deleted. You can make a new one at any time.")
        return redirect("safety:plan")
    return render(request, "safety/plan_delete.html", {"plan": plan})


# --- trusted people -----------------------------------------------------------------------


@login_required
def people(request):
    return render(
        request,
        "safety/people.html",
        {"people": TrustedPerson.objects.owned_by(request.user)},
    )


@login_required
def person_create(request):
    form = TrustedPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        person = form.save()
        messages.success(request, f"{person.name} is on your list.")
        return redirect("safety:people")
    return _person_form_page(request, form, None)


@login_required
def person_edit(request, person_id: int):
    person = _own_person(request, person_id)
    form = TrustedPersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            with unchanged_since(person, posted_version(request)):
                form.save()
        except StaleVersion as stale:
            saved = _own_person(request, person_id)
            found = conflict(
                form,
                TrustedPersonForm(instance=saved),
                stale.current_version,
                reverse("safety:person_edit", args=[person_id]),
            )
            return _person_form_page(request, form, saved, conflict=found)
        messages.success(request, "Saved.")
        return redirect("safety:people")
    return _person_form_page(request, form, person)


def _person_form_page(request, form, person, *, conflict=None):
    form.label_suffix = ""
    status = 409 if conflict else 400 if form.is_bound and form.errors else 200
    version = conflict.current_version if conflict else posted_version(request)
    context = {
        "form": form,
        "person": person,
        "version": version or (person.version if person else None),
        "conflict": conflict,
    }
    return render(request, "safety/person_form.html", context, status=status)


@login_required
def person_delete(request, person_id: int):
    person = _own_person(request, person_id)
    if request.method == "POST":
        person.delete()
        messages.info(request, f"{person.name} is no longer on your list.")
        return redirect("safety:people")
    return render(request, "safety/person_delete.html", {"person": person})


def _own_person(request, person_id: int) -> TrustedPerson:
    return get_object_or_404(TrustedPerson.objects.owned_by(request.user), pk=person_id)
