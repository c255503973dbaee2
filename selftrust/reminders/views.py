import json
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from selftrust.promises.models import Promise
from selftrust.reminders import calendar_feed, choices, emails, push, vapid
from selftrust.reminders.forms import EmailAddressForm, ReminderChoicesForm
from selftrust.reminders.models import (
    CalendarFeed,
    EmailAddress,
    PushSubscription,
    ReminderSettings,
)
from selftrust.reminders.tasks import send_email_confirmation

NEW_FEED_KEY = "new_calendar_feed_url"
SUBSCRIPTION_LIMIT = 4_000  # bytes: a PushSubscription's JSON is a few hundred


def _page(request, *, choices_form=None, email_form=None, status=200):
    state = choices.page_state(request.user)
    return render(
        request,
        "reminders/settings.html",
        {
            **state,
            "choices_form": choices_form or ReminderChoicesForm(instance=state["choices"]),
            "email_form": email_form or EmailAddressForm(instance=state["email"]),
            "new_feed_url": request.session.pop(NEW_FEED_KEY, None),
            "time_zone": request.user.time_zone,
        },
        status=status,
    )


@login_required
def reminder_settings(request):
    if request.method == "POST":
        form = ReminderChoicesForm(request.POST, instance=ReminderSettings.of(request.user))
        if not form.is_valid():
            return _page(request, choices_form=form, status=400)
        form.save()
        messages.info(request, "Your reminder choices are saved.")
        return redirect("reminders:settings")
    return _page(request)


@login_required
@require_POST
def pause(request):
    paused = request.POST.get("paused") == "1"
    choices.set_paused(request.user, paused)
    messages.info(
        request,
        "All reminders are paused. Nothing will be sent until you resume them."
        if paused
        else "Reminders are back on.",
    )
    return redirect("reminders:settings")


@login_required
@require_POST
def promise_reminder(request, promise_id: int):
    # Another person's promise is "not found", never "forbidden": existence stays private.
    promise = get_object_or_404(Promise.objects.in_use(), pk=promise_id, user=request.user)
    on = request.POST.get("remind") == "1"
    choices.remind_of_promise(promise, on)
    if on and promise.time_of_day is None:
        messages.info(request, "This promise has no time of day yet, so it can't have a reminder.")
    elif on:
        messages.info(request, f"You'll get a gentle reminder at {promise.time_of_day:%H:%M}.")
    else:
        messages.info(request, "No more reminders for that promise.")
    return redirect(f"{reverse('reminders:settings')}#promises-heading")


# --- Web Push -----------------------------------------------------------------------------


def _signed_in_json(view):
    """Like login_required, but a script gets 401 and JSON rather than the sign-in page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "Please sign in again."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


def _json_body(request):
    if len(request.body) > SUBSCRIPTION_LIMIT:
        return None
    try:
        return json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None


@_signed_in_json
@require_GET
@never_cache
def push_key(request):
    return JsonResponse({"publicKey": vapid.keys().public})


@_signed_in_json
@require_POST
def push_subscribe(request):
    try:
        subscription = push.clean_subscription(_json_body(request))
    except push.BadSubscription as problem:
        return JsonResponse({"error": f"This subscription can't be used: {problem}."}, status=400)
    push.subscribe(request.user, subscription, request.headers.get("User-Agent", ""))
    messages.info(request, "Reminders are on for this device.")
    return JsonResponse({"ok": True}, status=201)


@_signed_in_json
@require_POST
def push_unsubscribe(request):
    body = _json_body(request)
    endpoint = body.get("endpoint") if isinstance(body, dict) else None
    if not isinstance(endpoint, str):
        return JsonResponse({"error": "Which device? The endpoint is missing."}, status=400)
    deleted, _by_model = PushSubscription.objects.filter(
        user=request.user, endpoint=endpoint
    ).delete()
    if not deleted:
        raise Http404
    return JsonResponse({"ok": True})


@login_required
@require_POST
def remove_device(request, device_id: int):
    device = get_object_or_404(PushSubscription, pk=device_id, user=request.user)
    device.delete()
    messages.info(request, f"No more reminders on {device.device or 'that device'}.")
    return redirect(f"{reverse('reminders:settings')}#where-heading")


# --- Email ---------------------------------------------------------------------------------


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_required
@require_POST
def email_address(request):
    if not emails.is_available():
        messages.info(request, "Email reminders aren't available on this server. Nothing changed.")
        return redirect("reminders:settings")
    current = EmailAddress.objects.filter(user=request.user).first()
    form = EmailAddressForm(request.POST, instance=current)
    if not form.is_valid():
        return _page(request, email_form=form, status=400)
    same_address = current is not None and current.address == form.cleaned_data["address"]
    if same_address and not emails.may_send_confirmation_again(current):
        messages.info(request, "A link is on its way. Please give it a minute before asking again.")
        return redirect(f"{reverse('reminders:settings')}#email-heading")
    address = choices.give_email_address(
        request.user, form.cleaned_data["address"], _site_url(request)
    )
    if address.is_confirmed:
        messages.info(request, "Reminders already go to that address.")
    else:
        send_email_confirmation.enqueue(address.pk)
        messages.info(
            request,
            f"We're sending a link to {address.address}. Open it within "
            f"{emails.CONFIRMATION_LIFETIME.days} days to start email reminders.",
        )
    return redirect(f"{reverse('reminders:settings')}#email-heading")


@login_required
@require_POST
def email_off(request):
    choices.stop_email(request.user)
    messages.info(request, "No more email reminders. The address is removed.")
    return redirect(f"{reverse('reminders:settings')}#email-heading")


@login_required
@never_cache
def confirm_email(request, token: str):
    """GET shows a button, POST confirms: a mail scanner that opens links confirms nothing."""
    try:
        found = emails.read_confirmation(token)
    except emails.BadConfirmation as problem:
        return render(
            request, "reminders/confirm_email.html", {"problem": str(problem)}, status=400
        )
    if found["user"] != request.user.pk:
        raise Http404
    current = EmailAddress.objects.filter(user=request.user).first()
    if current is None or current.address != found["address"]:
        return render(request, "reminders/confirm_email.html", {"problem": "replaced"}, status=400)
    if request.method == "POST":
        choices.confirm_email_address(request.user, found["address"])
        messages.info(request, f"Thank you. Gentle reminders can now go to {found['address']}.")
        return redirect(f"{reverse('reminders:settings')}#email-heading")
    return render(request, "reminders/confirm_email.html", {"address": current})


# --- Calendar feed -------------------------------------------------------------------------


@login_required
@require_POST
def calendar_on(request):
    """Make the private calendar address (or a new one: the old one stops working)."""
    _feed, secret = CalendarFeed.issue(request.user)
    request.session[NEW_FEED_KEY] = request.build_absolute_uri(
        reverse("reminders:calendar_feed", args=[secret])
    )
    return redirect(f"{reverse('reminders:settings')}#calendar-heading")


@login_required
@require_POST
def calendar_off(request):
    CalendarFeed.objects.filter(user=request.user).delete()
    messages.info(
        request, "The calendar address no longer works. Your calendar app will stop showing these."
    )
    return redirect(f"{reverse('reminders:settings')}#calendar-heading")


@require_GET
def calendar(request, secret: str):
    """The feed itself: no sign-in (calendar apps can't), the secret in the address is the key."""
    feed = CalendarFeed.objects.for_secret(secret).first()
    if feed is None:
        raise Http404
    now = timezone.now()
    if feed.last_read_at is None or now - feed.last_read_at > timedelta(hours=1):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    response = HttpResponse(
        calendar_feed.feed_for(feed.user, _site_url(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="selftrust.ics"'
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
