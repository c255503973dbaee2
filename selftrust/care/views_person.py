"""The person's pages of care: their therapist, what they share, who looked, what to bring.

Everything here is the person's own: another person's link, note or homework is "not found",
never "forbidden". A therapist's account has no person's side (the core links only people who
are not therapists), so these pages tell a therapist so, and change nothing for them.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from selftrust.care import homework as homework_rules
from selftrust.care import links as link_rules
from selftrust.care import looks
from selftrust.care import session_notes as notes
from selftrust.care.forms import PersonSharingForm, SessionNoteForm
from selftrust.care.models import EndedBy, HomeworkKind, Invitation
from selftrust.care.templatetags.care_person import homework_card, visits_in_words
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from selftrust.safety.support import (
    offer_support_for_words_sent_back,
    offer_support_if_needed,
)

MOST_OPEN_INVITATIONS = link_rules.MOST_OPEN_INVITATIONS
ACCEPT_PATH = "/care/therapist/accept/"


def _person(request):
    """The signed-in person; a therapist's account has no person's side here."""
    if request.user.is_therapist:
        raise Http404("A therapist's account has no person's side")
    return request.user


def _own_link(request, link_id: int):
    link = link_rules.link_of_person(_person(request), link_id)
    if link is None:
        raise Http404("No such link")
    return link


def _own_note(request, note_id: int):
    note = notes.note_of(_person(request), note_id)
    if note is None:
        raise Http404("No such note")
    return note


def _back(request, default: str) -> str:
    """Where to go after a small action: the page it was pressed on, if it is ours."""
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


# --- the care page --------------------------------------------------------------------------


def _accept_url(request, code: str) -> str:
    try:
        path = reverse("care:therapist-accept")
    except NoReverseMatch:
        path = ACCEPT_PATH
    return request.build_absolute_uri(f"{path}?code={code}")


def _new_code(request, invitation: Invitation, code: str) -> dict:
    url = _accept_url(request, code)
    return {
        "invitation": invitation,
        "grouped": link_rules.grouped(code),
        "url": url,
        # Made here, on the server, as an SVG in the page: nothing is fetched from elsewhere.
        "qr_svg": segno.make(url, error="m").svg_inline(
            scale=4, dark="#000", light="#fff", svgclass="invite-qr-code", lineclass=None
        ),
    }


def _note_form(request) -> tuple[SessionNoteForm, bool]:
    """An empty note form, or the words kept from last time."""
    initial = drafts.restore(request.user, draft_keys.SESSION_NOTE)
    return SessionNoteForm(initial=initial), initial is not None


def _care_page(request, *, new_code=None, sharing_forms=None, status=200):
    if request.user.is_therapist:
        return render(request, "care/person/for_therapists.html", status=status)
    person = request.user
    links = list(link_rules.links_of_person(person))
    sharing_forms = sharing_forms or {}
    note_form, restored = _note_form(request)
    return render(
        request,
        "care/person/care.html",
        {
            "links": [
                (link, sharing_forms.get(link.pk) or PersonSharingForm(link=link)) for link in links
            ],
            "ended_links": list(link_rules.ended_links_of_person(person)),
            "invitations": list(link_rules.open_invitations(person)),
            "may_invite": link_rules.open_invitations(person).count() < MOST_OPEN_INVITATIONS,
            "new_code": new_code,
            "visits": visits_in_words(request, looks.latest_visits(person, 5)),
            "has_looks": looks.has_looks(person),
            "homework": [homework_card(h) for h in homework_rules.recent_of_person(person)],
            "notes_to_bring": list(notes.notes_of(person).filter(brought_on__isnull=True)[:5]),
            "note_form": note_form,
            "note_restored": restored,
            "draft_key": draft_keys.SESSION_NOTE,
            "today": person.local_today(),
        },
        status=status,
    )


@login_required
def care_page(request):
    return _care_page(request)


@login_required
@require_POST
def make_invitation(request):
    person = _person(request)
    if link_rules.open_invitations(person).count() >= MOST_OPEN_INVITATIONS:
        messages.info(
            request,
            f"You have {MOST_OPEN_INVITATIONS} codes waiting to be used. Please withdraw one "
            "first; nothing new was made.",
        )
        return redirect("care:home")
    invitation, code = link_rules.create_invitation(person)
    # Shown in this answer only: the code itself is kept nowhere (only its digest).
    return _care_page(request, new_code=_new_code(request, invitation, code))


@login_required
@require_POST
def withdraw_invitation(request, invitation_id: int):
    person = _person(request)
    if not Invitation.objects.filter(person=person, pk=invitation_id).exists():
        raise Http404("No such invitation")
    if link_rules.withdraw_invitation(person, invitation_id):
        messages.info(request, "Withdrawn. That code no longer works.")
    else:
        messages.info(
            request,
            "That code had already been used or had run out, so there was nothing to withdraw.",
        )
    return redirect("care:home")


@login_required
@require_POST
def save_sharing(request, link_id: int):
    link = _own_link(request, link_id)
    form = PersonSharingForm(request.POST, link=link)
    if not form.is_valid():
        return _care_page(request, sharing_forms={link.pk: form}, status=400)
    link_rules.set_sharing(link, form.cleaned_data["shared"], form.cleaned_data["shared_from"])
    name = link.therapist.get_username()
    if link.shared:
        messages.info(request, f"Saved. From now on, {name} sees only what you ticked.")
    else:
        messages.info(request, f"Saved. {name} sees nothing of yours now.")
    return redirect(f"{reverse('care:home')}#link-{link.pk}")


@login_required
def end_link(request, link_id: int):
    link = _own_link(request, link_id)
    if request.method == "POST":
        link_rules.end_link(link, EndedBy.PERSON)
        messages.info(
            request,
            f"The link with {link.therapist.get_username()} has ended. They can't open "
            "anything of yours in Selftrust any more.",
        )
        return redirect("care:home")
    return render(request, "care/person/end_link.html", {"link": link})


@login_required
@require_POST
def session_held(request, link_id: int):
    link = _own_link(request, link_id)
    link_rules.mark_session_held(link, request.user.local_today())
    messages.info(request, "Noted: a session today. “Since your last session” starts from today.")
    return redirect(f"{reverse('care:home')}#link-{link.pk}")


@login_required
def who_looked(request):
    person = _person(request)
    page = looks.visits_page(person, request.GET.get("page"))
    return render(
        request,
        "care/person/who_looked.html",
        {"page": page, "visits": visits_in_words(request, page.object_list)},
    )


# --- homework ---------------------------------------------------------------------------


def _open_homework(request, homework_id: int):
    homework = homework_rules.open_for_person(_person(request)).filter(pk=homework_id).first()
    if homework is None:
        raise Http404("No such homework")
    return homework


@login_required
@require_POST
def not_for_me(request, homework_id: int):
    """ "Not for me": no reason asked, nothing else changes."""
    homework_rules.decline(_open_homework(request, homework_id))
    messages.info(
        request,
        "Set aside. No reason needed: choosing what fits you is part of this too.",
    )
    return redirect(_back(request, reverse("care:home")))


@login_required
@require_POST
def lesson_read(request, homework_id: int):
    homework = _open_homework(request, homework_id)
    if homework.kind != HomeworkKind.LESSON:
        raise Http404("Not a lesson")
    homework_rules.take_on(homework)
    messages.info(request, "Noted as read. Thank you for making time for it.")
    return redirect(_back(request, reverse("care:home")))


# --- what I want to bring -------------------------------------------------------------------


def _notes_page(request, form, *, restored=False, status=200):
    person = request.user
    all_notes = list(notes.notes_of(person))
    return render(
        request,
        "care/person/notes.html",
        {
            "form": form,
            "restored": restored,
            "draft_key": draft_keys.SESSION_NOTE,
            "to_bring": [note for note in all_notes if note.brought_on is None],
            "brought": [note for note in all_notes if note.brought_on is not None],
        },
        status=status,
    )


@login_required
def session_notes(request):
    person = _person(request)
    key = draft_keys.SESSION_NOTE
    if request.method != "POST":
        form, restored = _note_form(request)
        return _notes_page(request, form, restored=restored)
    form = SessionNoteForm(request.POST)
    if not form.is_valid():
        # What was typed stays on the page and in the draft: a mistake never costs words.
        drafts.save(person, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _notes_page(request, form, status=400)
    note = notes.write(person, form.cleaned_data["text"])
    drafts.discard(person, key)
    drafts.close_after_save(request, key)
    if offer_support_if_needed(request, note.text):
        messages.info(request, "Your note is saved.")
    else:
        messages.info(request, "Saved. It's on your list to bring.")
    return redirect(_back(request, reverse("care:notes")))


@login_required
def edit_note(request, note_id: int):
    note = _own_note(request, note_id)
    key = draft_keys.session_note_edit(note.pk)
    if request.method != "POST":
        initial = drafts.restore(request.user, key)
        form = SessionNoteForm(instance=note, initial=initial)
        return _edit_page(request, note, form, key, restored=initial is not None)
    form = SessionNoteForm(request.POST, instance=note)
    if not form.is_valid():
        drafts.save(request.user, key, drafts.posted(request))
        offer_support_for_words_sent_back(request, form)
        return _edit_page(request, note, form, key, status=400)
    notes.change(note, form.cleaned_data["text"])
    drafts.discard(request.user, key)
    drafts.close_after_save(request, key)
    # Screened after saving, like every free text; support comes with the next page if needed.
    offer_support_if_needed(request, note.text)
    messages.info(request, "Your changes are saved.")
    return redirect("care:notes")


def _edit_page(request, note, form, key, *, restored=False, status=200):
    return render(
        request,
        "care/person/note_edit.html",
        {"note": note, "form": form, "draft_key": key, "restored": restored},
        status=status,
    )


@login_required
def delete_note(request, note_id: int):
    note = _own_note(request, note_id)
    if request.method == "POST":
        notes.delete(note)
        messages.info(request, "Deleted. It's gone from your list.")
        return redirect("care:notes")
    return render(request, "care/person/note_delete.html", {"note": note})


@login_required
@require_POST
def note_brought(request, note_id: int):
    note = _own_note(request, note_id)
    if request.POST.get("brought") == "0":
        notes.mark_to_bring(note)
        messages.info(request, "Back on your list to bring.")
    else:
        notes.mark_brought(note, request.user.local_today())
        messages.info(request, "Marked as brought. It stays below, under “Already brought”.")
    return redirect(_back(request, reverse("care:notes")))
