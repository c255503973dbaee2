from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST
from django_otp import DEVICE_ID_SESSION_KEY

from selftrust.accounts import deletion, lock, passphrase, recovery, sign_in_length, throttling
from selftrust.accounts import signup_control as signups
from selftrust.accounts.export import export_json
from selftrust.accounts.export_csv import export_zip
from selftrust.accounts.forms import (
    DeleteAccountForm,
    DevicePrivacyForm,
    LockPinForm,
    LoginForm,
    PassphraseChangeForm,
    RecoverForm,
    RecoveryCodesForm,
    SignOutEverywhereForm,
    SignupForm,
    TimeZoneForm,
    TokenForm,
    UnlockWithPassphraseForm,
    UnlockWithPinForm,
)
from selftrust.accounts.importing import ImportRefused, import_export, read_upload
from selftrust.accounts.lock_middleware import lock_page_url, page_to_return_to
from selftrust.accounts.models import ApiToken, Invitation
from selftrust.care import two_factor


@sensitive_post_parameters("password1", "password2")
@never_cache  # when only the username was refused, the page holds the passphrase typed
def signup(request):
    if request.user.is_authenticated:
        return redirect("promises:today")
    mode = signups.mode()
    if mode == signups.CLOSED:
        return render(request, "accounts/signup_closed.html")
    secret = request.GET.get("invite", "")
    invitation = signups.invitation_for(secret) if mode == signups.INVITE else None
    if mode == signups.INVITE and invitation is None:
        return render(request, "accounts/signup_by_invitation.html", {"tried": bool(secret)})
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, codes = signups.create_account(form, invitation)
        except signups.InvitationTaken:
            return render(request, "accounts/signup_by_invitation.html", {"tried": True})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        sign_in_length.apply(request.session, user.sign_in_lasts)
        return _show_recovery_codes(request, codes, then="accounts:welcome")
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "invite": secret if invitation else ""},
    )


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "signup_mode": signups.mode()}

    def form_valid(self, form):
        # Read before signing in: the count is of attempts since the last visit.
        user = form.get_user()
        failures = throttling.take_failed_sign_ins(user)
        # Every sign-in with a passphrase asks a therapist for a code again (care/two_factor.py).
        self.request.session.pop(DEVICE_ID_SESSION_KEY, None)
        response = super().form_valid(form)
        # "Keep me signed in": this session lasts as chosen; the choice is remembered too.
        choice = form.cleaned_data["keep_signed_in"]
        sign_in_length.apply(self.request.session, choice)
        if user.sign_in_lasts != choice:
            user.sign_in_lasts = choice
            user.save(update_fields=["sign_in_lasts"])
        if failures:
            messages.info(self.request, _failed_sign_ins_notice(failures))
        return response

    def get_success_url(self):
        user = self.request.user
        if getattr(user, "is_therapist", False):
            # Therapists pass two factors before anything else, then reach their caseload.
            return two_factor.after_passphrase_url(self.request, user, self.get_redirect_url())
        return super().get_success_url()

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            throttling.note_failed_sign_in(form.cleaned_data.get("username", ""))
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("accounts:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You're logged out. Take good care.")
        # Nothing of theirs stays in this browser: the HTTP cache, and storage, which takes
        # a plan kept on this phone, unsent words and the service worker with its copies
        # (the login page registers it again, with the crisis pages for anyone).
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


@login_required
def welcome(request):
    if request.method == "POST":
        request.user.has_seen_welcome = True
        request.user.save(update_fields=["has_seen_welcome"])
        return redirect("promises:create")
    return render(request, "accounts/welcome.html")


def _settings_page(
    request,
    *,
    token_form=None,
    time_zone_form=None,
    delete_form=None,
    import_refusal=None,
    device_form=None,
    pin_form=None,
    status=200,
    **sign_in_forms,
):
    return render(
        request,
        "accounts/settings.html",
        {
            "tokens": request.user.api_tokens.all(),
            "token_form": token_form or TokenForm(),
            "time_zone_form": time_zone_form or TimeZoneForm(instance=request.user),
            "delete_form": delete_form or DeleteAccountForm(user=request.user, request=request),
            "new_secret": request.session.pop("new_token_secret", None),
            "import_refusal": import_refusal,
            **_device_privacy_context(request, device_form=device_form, pin_form=pin_form),
            **_sign_in_safety_context(request, **sign_in_forms),
        },
        status=status,
    )


@login_required
def account_settings(request):
    return _settings_page(request)


@login_required
@require_POST
def create_token(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, token_form=form, status=400)
    _token, secret = ApiToken.issue(request.user, form.cleaned_data["name"])
    # Shown once on the next page, then gone: we only keep its digest.
    request.session["new_token_secret"] = secret
    return redirect("accounts:settings")


@login_required
@require_POST
def revoke_token(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    token.delete()
    messages.info(request, f"The token “{token.name}” no longer works.")
    return redirect("accounts:settings")


@login_required
@require_POST
def change_time_zone(request):
    form = TimeZoneForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _settings_page(request, time_zone_form=form, status=400)
    form.save()
    messages.info(request, "Your time zone is saved.")
    return redirect("accounts:settings")


@login_required
def export_data(request):
    response = HttpResponse(
        export_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="selftrust-export.json"'
    return response


@login_required
def export_spreadsheets(request):
    """The same data as the JSON export, as CSV files in one ZIP (export_csv.py)."""
    response = HttpResponse(export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="selftrust-spreadsheets.zip"'
    return response


@login_required
@require_POST
def import_data(request):
    """Bring a Selftrust export into this (empty) account: all of it, or nothing and why."""
    try:
        summary = import_export(request.user, read_upload(request.FILES.get("export")))
    except ImportRefused as refused:
        return _settings_page(request, import_refusal=refused, status=400)
    messages.info(request, f"Your export is in: {summary.in_words()}.")
    return redirect("accounts:settings")


@login_required
@require_POST
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user, request=request)
    if not form.is_valid():
        return _settings_page(request, delete_form=form, status=400)
    user = request.user
    logout(request)
    deletion.delete_account(user)
    messages.info(request, "Your account and everything in it have been deleted.")
    response = redirect("web:home")
    # A plan kept on this device, unsent words and the offline copies go with the account.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


# Sign-in safety: passphrase changes, recovery codes, signing out everywhere, invitations.
# The rules live in passphrase.py, recovery.py, throttling.py and signup_control.py.

NEW_INVITATION_KEY = "new_invitation_link"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _failed_sign_ins_notice(count: int) -> str:
    return ngettext(
        "There was %(count)d unsuccessful attempt to sign in to your account since your "
        "last visit. If that was you, there's nothing to do. If it wasn't, you may want to "
        "change your passphrase in Settings.",
        "There were %(count)d unsuccessful attempts to sign in to your account since your "
        "last visit. If that was you, there's nothing to do. If it wasn't, you may want to "
        "change your passphrase in Settings.",
        count,
    ) % {"count": count}


def _tokens_note(count: int) -> str:
    if not count:
        return ""
    return " " + ngettext(
        "Your API token no longer works.", "Your %(count)d API tokens no longer work.", count
    ) % {"count": count}


def _show_recovery_codes(request, codes: list[str], *, then: str):
    # Kept in the session for a few minutes at most, and only until the person says they have
    # saved them (recovery.py).
    recovery.show_briefly(request.session, codes, then=then)
    return redirect("accounts:recovery_codes")


def _sign_in_safety_context(
    request, *, passphrase_form=None, sign_out_form=None, recovery_codes_form=None
) -> dict:
    user = request.user
    return {
        "signup_mode": signups.mode(),
        "passphrase_form": passphrase_form or PassphraseChangeForm(user, request=request),
        "sign_out_form": sign_out_form or SignOutEverywhereForm(),
        "recovery_codes_form": recovery_codes_form or RecoveryCodesForm(user=user, request=request),
        "recovery_codes_left": recovery.codes_left(user),
        "invitations": (
            Invitation.objects.filter(created_by=user).select_related("used_by")[:20]
            if user.is_staff
            else []
        ),
        "new_invitation_link": request.session.pop(NEW_INVITATION_KEY, None)
        if user.is_staff
        else None,
    }


@login_required
@never_cache
def recovery_codes(request):
    """The codes just made, shown for a few minutes (a reload works while they're written
    down); after that, or once saved, a kind page that says where new ones can be made."""
    session = request.session
    then = recovery.page_after_codes(session)
    if request.method == "POST":
        session.pop(recovery.SHOWN_KEY, None)
        return redirect(then or "accounts:settings")
    after_sign_up = then == "accounts:welcome"
    codes = recovery.codes_to_show(session)
    if not codes:
        recovery.forget_codes(session)
        return render(
            request, "accounts/recovery_codes_gone.html", {"after_sign_up": after_sign_up}
        )
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "after_sign_up": after_sign_up,
            "minutes": recovery.SHOWN_FOR_SECONDS // 60,
        },
    )


@login_required
@require_POST
def change_passphrase(request):
    form = PassphraseChangeForm(request.user, request.POST, request=request)
    if not form.is_valid():
        return _settings_page(request, passphrase_form=form, status=400)
    ended = passphrase.set_passphrase(
        request.user,
        form.cleaned_data["new_password1"],
        keep=request.session.session_key,
        revoke=form.cleaned_data["revoke_tokens"],
    )
    # This session stays signed in (with a new key); every other one has ended.
    update_session_auth_hash(request, request.user)
    messages.info(
        request,
        "Your new passphrase is saved. You're still signed in here, and signed out everywhere "
        "else." + _tokens_note(ended.tokens),
    )
    return redirect("accounts:settings")


@login_required
@require_POST
def sign_out_everywhere(request):
    form = SignOutEverywhereForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    ended = passphrase.sign_out_everywhere(
        request.user, revoke=form.cleaned_data.get("revoke_tokens", False)
    )
    logout(request)
    messages.info(
        request,
        "You're signed out everywhere, including here. Take good care."
        + _tokens_note(ended.tokens),
    )
    response = redirect("accounts:login")
    # As on logging out: nothing of theirs stays in this browser's cache or storage.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@login_required
@require_POST
def new_recovery_codes(request):
    form = RecoveryCodesForm(request.POST, user=request.user, request=request)
    if not form.is_valid():
        return _settings_page(request, recovery_codes_form=form, status=400)
    codes = recovery.issue_codes(request.user)
    return _show_recovery_codes(request, codes, then="accounts:settings")


@never_cache
def recover(request):
    """Forgot your passphrase? One recovery code sets a new one and signs you in."""
    if request.user.is_authenticated:
        return redirect("accounts:settings")
    form = RecoverForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/recover.html", {"form": form})
    username = form.cleaned_data["username"]
    if throttling.is_locked(request, username):
        return throttling.lockout_response(request)
    user = recovery.use_code(username, form.cleaned_data["code"])
    if user is None:
        throttling.note_failed_sign_in(username)
        # Counted like a wrong passphrase; at the limit axes swaps in the paused page.
        throttling.count_failure(request, username)
        form.add_error(
            None,
            "That username and recovery code don't go together, or the code was used "
            "already. Take your time, check the code, and try again.",
        )
        return render(request, "accounts/recover.html", {"form": form}, status=400)
    failures = throttling.take_failed_sign_ins(user)
    passphrase.set_passphrase(user, form.cleaned_data["new_password1"], revoke=True)
    throttling.forget_failures(username)
    login(request, user, backend=MODEL_BACKEND)
    sign_in_length.apply(request.session, user.sign_in_lasts)
    left = recovery.codes_left(user)
    text = ngettext(
        "Your new passphrase is saved and you're signed in. You have %(left)d recovery code left.",
        "Your new passphrase is saved and you're signed in. You have %(left)d recovery codes left.",
        left,
    ) % {"left": left}
    if left <= 3:
        text += " You can make a fresh set in Settings whenever you like."
    messages.info(request, text)
    if failures:
        messages.info(request, _failed_sign_ins_notice(failures))
    return redirect("promises:today")


def _staff_only(request) -> None:
    if not request.user.is_staff:
        raise Http404


@login_required
@require_POST
def create_invitation(request):
    _staff_only(request)
    _invitation, secret = Invitation.issue(request.user)
    request.session[NEW_INVITATION_KEY] = request.build_absolute_uri(
        f"{reverse('accounts:signup')}?{urlencode({'invite': secret})}"
    )
    return redirect(f"{reverse('accounts:settings')}#invitations-heading")


@login_required
@require_POST
def withdraw_invitation(request, invitation_id: int):
    _staff_only(request)
    invitation = get_object_or_404(
        Invitation, pk=invitation_id, created_by=request.user, used_at__isnull=True
    )
    invitation.delete()
    messages.info(request, "That invitation link no longer works.")
    return redirect("accounts:settings")


# Privacy on a shared phone: the lock, Leave quickly, and how long a sign-in lasts.
# The rules live in lock.py and sign_in_length.py; lock_middleware.py holds the lock.

DEVICE_PRIVACY_ANCHOR = "#device-privacy-heading"
SIGNED_OUT_BY_THE_LOCK = (
    "You've been signed out here after five tries that didn't match, to keep your things "
    "private. Nothing is lost. Sign in with your passphrase whenever you're ready."
)


def _device_privacy_context(request, *, device_form=None, pin_form=None) -> dict:
    return {
        "device_form": device_form or _device_form(request),
        "pin_form": pin_form or LockPinForm(user=request.user, request=request),
    }


def _device_form(request, data=None) -> DevicePrivacyForm:
    return DevicePrivacyForm(
        data,
        instance=request.user,
        initial={"sign_in_lasts": sign_in_length.chosen(request.session)},
    )


def _settings_with_anchor():
    return redirect(reverse("accounts:settings") + DEVICE_PRIVACY_ANCHOR)


@login_required
@require_POST
def save_device_privacy(request):
    form = _device_form(request, request.POST)
    if not form.is_valid():
        return _settings_page(request, device_form=form, status=400)
    form.save()
    if "sign_in_lasts" in form.changed_data:
        sign_in_length.apply(request.session, form.cleaned_data["sign_in_lasts"])
    lock.note_activity(request.user, request.session, lock.now_seconds())
    if request.user.lock_after_minutes and not request.user.has_lock_pin:
        messages.info(
            request,
            "Your choices are saved, and the lock is on. You can set a short PIN below to "
            "unlock quickly; until then, you unlock with your passphrase.",
        )
        return redirect(reverse("accounts:settings") + "#pin-heading")
    messages.info(request, "Your choices are saved.")
    return _settings_with_anchor()


@login_required
@require_POST
def set_lock_pin(request):
    had_a_pin = request.user.has_lock_pin
    form = LockPinForm(request.POST, user=request.user, request=request)
    if not form.is_valid():
        return _settings_page(request, pin_form=form, status=400)
    form.save()
    messages.info(
        request,
        "Your new PIN is saved." if had_a_pin else "Your PIN is set. It unlocks Selftrust here.",
    )
    return _settings_with_anchor()


@login_required
@require_POST
def remove_lock_pin(request):
    request.user.remove_lock_pin()
    messages.info(request, "Your PIN is removed. The lock asks for your passphrase instead.")
    return _settings_with_anchor()


def _return_to(request) -> str:
    """The page to go back to after unlocking: ours only, and never the lock itself."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    lock_pages = (reverse("accounts:lock"), reverse("accounts:leave"), reverse("accounts:away"))
    if not safe or not candidate.startswith("/") or candidate.startswith(lock_pages):
        return reverse("promises:today")
    return candidate


@never_cache
def lock_page(request):
    """Locked: a calm sentence, the PIN (or passphrase), and a way to sign out. Nothing else
    of theirs: the page is made as for someone signed out (lock_middleware.py)."""
    person = getattr(request, "locked_user", None)
    next_url = _return_to(request)
    if person is None:
        if request.user.is_authenticated:
            return redirect(next_url)  # not locked: nothing to unlock
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
    with_passphrase = (
        not person.has_lock_pin
        or (request.POST if request.method == "POST" else request.GET).get("with") == "passphrase"
    )
    form_class = UnlockWithPassphraseForm if with_passphrase else UnlockWithPinForm
    form = form_class(request.POST or None, user=person, request=request)
    tries_left = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            lock.unlock(request.session)
            return redirect(next_url)
        status = 400
        if form.was_wrong():
            tries_left = lock.note_wrong_try(request.session)
            if not tries_left:
                return _end_locked_session(request)
    return render(
        request,
        "accounts/lock.html",
        {
            "form": form,
            "next": next_url,
            "with_passphrase": with_passphrase,
            "has_pin": person.has_lock_pin,
            "tries_left": tries_left,
            # Messages wait for the unlocked page: they may say what was just done.
            "messages": (),
        },
        status=status,
    )


def _end_locked_session(request):
    logout(request)
    messages.info(request, SIGNED_OUT_BY_THE_LOCK)
    response = redirect("accounts:login")
    # As on logging out: nothing of theirs stays in this browser's cache or storage.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@require_POST
def lock_now(request):
    """Lock this session now ("Lock now", and the page's script when the idle time passes)."""
    if request.user.is_authenticated:
        lock.lock(request.session)
    if request.POST.get("quietly"):
        return HttpResponse(status=204)
    return redirect(lock_page_url(page_to_return_to(request)))


@require_POST
def still_here(request):
    """The page's script, now and then while the person is active: the middleware has noted
    the time. When this session is locked (or signed out), the answer says so, and the page
    goes to the lock."""
    if request.user.is_authenticated:
        return HttpResponse(status=204)
    response = HttpResponse()
    response["X-Selftrust-Locked"] = "1"
    return response


@require_POST
def leave_quickly(request):
    """Leave quickly: lock (or, without a lock, sign out), then a plain page.

    The page's script sends this with sendBeacon (`quietly`) and goes to the plain page at
    once with location.replace, so the tab's history keeps no trace; without the script, the
    form lands here and is sent on to the plain page.
    """
    signed_out = False
    if request.user.is_authenticated:
        if lock.leaving_locks(request.user):
            lock.lock(request.session)
        else:
            logout(request)
            signed_out = True
    if request.POST.get("quietly"):
        return HttpResponse(status=204)
    response = redirect("accounts:away")
    if signed_out:
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@require_GET
def away(request):
    """A plain page that looks like nothing in particular: no name, no icon, nothing of ours."""
    return render(request, "accounts/away.html")
