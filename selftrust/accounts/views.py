import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from selftrust.accounts import deletion
from selftrust.accounts.export import export_for
from selftrust.accounts.forms import (
    DeleteAccountForm,
    LoginForm,
    SignupForm,
    TimeZoneForm,
    TokenForm,
)
from selftrust.accounts.models import ApiToken


def signup(request):
    if request.user.is_authenticated:
        return redirect("promises:today")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("accounts:welcome")
    return render(request, "accounts/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("accounts:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You're logged out. Take good care.")
        return response


@login_required
def welcome(request):
    if request.method == "POST":
        request.user.has_seen_welcome = True
        request.user.save(update_fields=["has_seen_welcome"])
        return redirect("promises:create")
    return render(request, "accounts/welcome.html")


def _settings_page(request, *, token_form=None, time_zone_form=None, delete_form=None, status=200):
    return render(
        request,
        "accounts/settings.html",
        {
            "tokens": request.user.api_tokens.all(),
            "token_form": token_form or TokenForm(),
            "time_zone_form": time_zone_form or TimeZoneForm(instance=request.user),
            "delete_form": delete_form or DeleteAccountForm(user=request.user),
            "new_secret": request.session.pop("new_token_secret", None),
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
    body = json.dumps(export_for(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="selftrust-export.json"'
    return response


@login_required
@require_POST
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return _settings_page(request, delete_form=form, status=400)
    user = request.user
    logout(request)
    deletion.delete_account(user)
    messages.info(request, "Your account and everything in it have been deleted.")
    return redirect("web:home")
