"""The therapist's workspace: the caseload, a person's page, homework, session preparation.

Every page is for a therapist who has passed two-factor sign-in (`therapist_workspace`), and
every look at a person goes through care.access: `open_for_therapist` once for each category
the page shows (it re-reads the link and writes the audit row), `open_link_for_therapist`
where only the link itself is shown. Whatever is refused is a 404, never a hint that the person
exists. The rules live in caseload.py, shared_record.py, summary.py and the core modules; the
views read the request, call them, and render.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from selftrust.care import caseload as caseload_rules
from selftrust.care import categories, homework, links, measures, shared_record
from selftrust.care.access import (
    NotVerified,
    open_for_therapist,
    open_link_for_therapist,
    open_shared_for_therapist,
    record_access,
    record_caseload_look_at,
    therapist_may_read,
)
from selftrust.care.forms_therapist import AcceptInvitationForm, HomeworkForm
from selftrust.care.links import InvitationProblem
from selftrust.care.summary import build_summary
from selftrust.web import page_cache


def _two_factor_step(request):
    """The two-factor step, coming back here afterwards (the sign-in page until it exists)."""
    try:
        url = reverse("care:two-factor")
    except NoReverseMatch:
        url = resolve_url(settings.LOGIN_URL)
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def therapist_workspace(view):
    """Only for a therapist who has passed two-factor sign-in.

    Signed out: the sign-in page, coming back here. Signed in but not a therapist: 404, as for
    any page that is not theirs. A therapist without the second factor yet (or whose session
    lost it while the page was made): the two-factor step."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not getattr(user, "is_therapist", False):
            raise Http404
        if not therapist_may_read(user):
            return _two_factor_step(request)
        try:
            return view(request, *args, **kwargs)
        except NotVerified:
            return _two_factor_step(request)

    return wrapped


# --- caseload and accepting -----------------------------------------------------------------


@therapist_workspace
def caseload(request):
    sort = request.GET.get("sort", caseload_rules.DEFAULT_SORT)
    if sort not in caseload_rules.SORTS:
        sort = caseload_rules.DEFAULT_SORT
    therapist = request.user

    def make():
        page = caseload_rules.sorted_page(
            therapist, therapist.local_today(), sort, request.GET.get("page")
        )
        context = {
            "page": page,
            "sort": sort,
            "sort_label": caseload_rules.SORTS[sort],
            "sorts": caseload_rules.SORTS,
            "explained": measures.explained(),
        }
        return render(request, "care/therapist/caseload.html", context), caseload_rules.read_on(
            page, sort
        )

    # Kept as rendered while no one on it has changed anything; every look is written down
    # all the same, for each person the page read.
    depends_on = caseload_rules.depends_on(therapist)
    response, read = page_cache.kept_or_made(request, depends_on, make)
    record_caseload_look_at(therapist, read)
    return response


@therapist_workspace
def accept(request):
    if request.method != "POST":
        form = AcceptInvitationForm(initial={"code": request.GET.get("code", "")[:40]})
        return render(request, "care/therapist/accept.html", {"form": form})
    form = AcceptInvitationForm(request.POST)
    if form.is_valid():
        try:
            link = links.accept_invitation(request.user, form.cleaned_data["code"])
        except InvitationProblem as problem:
            form.add_error("code", str(problem))
        else:
            messages.success(
                request,
                f"You are linked with {shared_record.display_name(link.person)}. They choose "
                "what you see, one thing at a time; until they do, there is nothing here to read.",
            )
            return redirect("care:therapist-person", person_id=link.person_id)
    return render(request, "care/therapist/accept.html", {"form": form}, status=400)


# --- a person's page ------------------------------------------------------------------------


def _open_shared(request, person_id):
    """Open every category the person shares through the gate (one audit row each, one
    query for the link), in the sharing page's order: the link as the gate read it, and the
    categories opened. Not linked, or ended: 404 like any other."""
    by_slug = categories.categories_by_slug()
    link, shared = open_shared_for_therapist(request.user, person_id)
    return link, [by_slug[slug] for slug in shared]


def _person_page(request, person_id, homework_form, status=200):
    link, opened = _open_shared(request, person_id)  # the look is written down first, always
    slugs = {category.slug for category in opened}
    person = link.person
    today = person.local_today()

    def make():
        context = {
            "link": link,
            "person": person,
            "name": shared_record.display_name(person),
            "opened": opened,
            "shared_slugs": slugs,
            "homework_form": homework_form,
            "homework": shared_record.homework_rows(link),
            **shared_record.shown_on_the_page(link, slugs, today, request.GET.get("page")),
        }
        return render(request, "care/therapist/person.html", context, status=status), None

    if status != 200:  # a form sent back with its errors is never kept
        return make()[0]
    # Kept as rendered while the link shares the same and neither of them changed anything
    # (homework bumps both); the person's day too, as the page counts days in their time zone.
    depends_on = (link.state(), person.pk, person.pseudonym.hex, person.data_version, today)
    response, _ = page_cache.kept_or_made(request, depends_on, make)
    return response


@therapist_workspace
def person(request, person_id: int):
    form = HomeworkForm(today=request.user.local_today(), initial={"kind": "practice"})
    return _person_page(request, person_id, form)


@therapist_workspace
def entry(request, person_id: int, entry_id: int):
    link = open_link_for_therapist(request.user, person_id)
    found = shared_record.shared_entry(link.person_id, entry_id)
    if found is None:
        raise Http404
    category = categories.practice_category(found.practice)
    if link.shares(category) and not shared_record.entry_in_range(found, link):
        # Shared, but from a later day than this entry: refused, and written down as such.
        record_access(link.person_id, request.user, category, allowed=False)
        raise Http404
    link = open_for_therapist(request.user, person_id, category)
    practice = found.definition
    return render(
        request,
        "care/therapist/entry.html",
        {
            "link": link,
            "name": shared_record.display_name(link.person),
            "entry": found,
            "practice": practice,
            "record": practice.behaviour.record_of(found),
            "answers": shared_record.entry_answers(found),
            "answers_template": shared_record.answers_template(practice),
            "crisis": shared_record.entry_crisis(found),
        },
    )


@therapist_workspace
@require_POST
def set_homework(request, person_id: int):
    link = open_link_for_therapist(request.user, person_id)
    form = HomeworkForm(request.POST, today=request.user.local_today())
    if form.is_valid():
        try:
            homework.assign(link, **form.assignment())
        except homework.HomeworkProblem as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request,
                "Suggested. It's on their Today as something from you; they can take it on or "
                "let it go.",
            )
            return redirect(reverse("care:therapist-person", args=[link.person_id]) + "#homework")
    return _person_page(request, link.person_id, form, status=400)


# --- session preparation --------------------------------------------------------------------


@therapist_workspace
def summary(request, person_id: int):
    link, _opened = _open_shared(request, person_id)
    person = link.person
    return render(
        request,
        "care/summary.html",
        {
            "summary": build_summary(person, link, person.local_today()),
            "for_therapist": True,
            "name": shared_record.display_name(person),
            "link": link,
        },
    )


@therapist_workspace
@require_POST
def session_held(request, person_id: int):
    link = open_link_for_therapist(request.user, person_id)
    links.mark_session_held(link, request.user.local_today())
    messages.success(request, "Marked as held today. The next summary starts from today's session.")
    return redirect("care:therapist-summary", person_id=link.person_id)


@therapist_workspace
def end(request, person_id: int):
    link = open_link_for_therapist(request.user, person_id)
    name = shared_record.display_name(link.person)
    if request.method != "POST":
        return render(request, "care/therapist/end.html", {"link": link, "name": name})
    links.end_link(link, "therapist")
    messages.success(
        request,
        f"The link with {name} has ended. From now on you see nothing of theirs; what they "
        "wrote stays theirs.",
    )
    return redirect("care:therapist-caseload")


# --- the person's own summary (care:summary, registered in urls_person.py) ------------------


@login_required
def own_summary(request):
    """The same one-page summary, for the person: as shared with the therapist they choose
    (their only one, or ?with=<link>), or their own last four weeks without a therapist."""
    if getattr(request.user, "is_therapist", False):
        raise Http404
    person = request.user
    mine = list(links.links_of_person(person))
    chosen = mine[0] if mine else None
    wanted = request.GET.get("with")
    if wanted:
        chosen = next((link for link in mine if str(link.pk) == wanted), chosen)
    return render(
        request,
        "care/summary.html",
        {
            "summary": build_summary(person, chosen, person.local_today()),
            "for_therapist": False,
            "link": chosen,
            "links": mine,
        },
    )
