"""The clinic's page, for staff accounts: therapist accounts listed, made and switched off.

Staff only (is_staff, as for sign-up invitations in Settings); anyone else gets 404. Nothing
of any person's records is shown here: a therapist's name, whether two-factor sign-in is set
up, and how many people are linked with them. The rules are in clinic.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from selftrust.accounts.models import User
from selftrust.care import clinic
from selftrust.care.forms_clinic import NewTherapistForm

NEW_ACCOUNT_KEY = "clinic_new_therapist"


def _staff_only(request) -> None:
    if not request.user.is_staff:
        raise Http404


def _therapists_page(request, form=None, status=200):
    accounts = list(clinic.therapist_accounts())
    return render(
        request,
        "care/clinic/therapists.html",
        {
            "active": [account for account in accounts if account.is_active],
            "switched_off": [account for account in accounts if not account.is_active],
            "form": form or NewTherapistForm(),
            # Shown once, on the page after the account was made; only its hash is kept.
            "new_account": request.session.pop(NEW_ACCOUNT_KEY, None),
        },
        status=status,
    )


@never_cache  # the page after a new account holds its starting passphrase
@login_required
def therapists(request):
    _staff_only(request)
    return _therapists_page(request)


@login_required
@require_POST
def create_therapist(request):
    _staff_only(request)
    form = NewTherapistForm(request.POST)
    if not form.is_valid():
        return _therapists_page(request, form=form, status=400)
    therapist, starting = clinic.create_therapist(form.cleaned_data["username"])
    request.session[NEW_ACCOUNT_KEY] = {"username": therapist.username, "passphrase": starting}
    return redirect("care:clinic-therapists")


@login_required
@require_POST
def switch_off_therapist(request, user_id: int):
    _staff_only(request)
    therapist = get_object_or_404(User, pk=user_id, is_therapist=True, is_active=True)
    if therapist.pk == request.user.pk:
        messages.info(
            request,
            "This is your own account, so it stays on. Another staff account, or the person "
            "who runs this Selftrust, can switch it off.",
        )
        return redirect("care:clinic-therapists")
    done = clinic.switch_off_therapist(therapist)
    links = ngettext(
        "Their link with %(count)d person has ended; nothing of that person's was deleted.",
        "Their links with %(count)d people have ended; nothing of those people's was deleted.",
        done.links_ended,
    ) % {"count": done.links_ended}
    messages.info(
        request,
        f"{therapist.username}'s account is switched off: it can't sign in or use the API "
        f"any more. {links if done.links_ended else 'They had no links with anyone.'}",
    )
    return redirect("care:clinic-therapists")
