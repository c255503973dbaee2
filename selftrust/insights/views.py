from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from selftrust.insights import services
from selftrust.insights.forms import DailyCheckForm
from selftrust.insights.templatetags.daily_check import card_context
from selftrust.safety.screening import mentions_crisis
from selftrust.safety.support import offer_support_if_needed

CARD = "insights/_daily_check.html#daily-check-card"


@login_required
@require_POST
def daily_check(request):
    """Save the day's mood and energy; htmx gets the card back, a plain form goes to Today."""
    today = request.user.local_today()
    form = DailyCheckForm.for_day(request.POST, user=request.user, today=today)
    saved = form.is_valid()
    check = services.save_daily_check(form, request.user)[0] if saved else None
    if saved:
        services.unskip(request.session)
    if request.htmx:
        # Screened here and the panel shown in the card: htmx swaps only 2xx answers, so a
        # refused answer is the card with its kind error in it.
        context = card_context(request, today, check=check, form=None if saved else form)
        context["just_saved"] = saved
        context["needs_support"] = saved and mentions_crisis(check.note)
        return render(request, CARD, context)
    if saved:
        if offer_support_if_needed(request, check.note):
            messages.info(request, "Your note is saved.")
        else:
            messages.info(request, "Saved. Thank you for checking in with yourself.")
        return redirect("promises:today")
    for errors in form.errors.values():
        messages.info(request, errors[0])
    return redirect("promises:today")


@login_required
@require_POST
def skip_daily_check(request):
    """ "Not today": the card hides until tomorrow, and nothing is recorded."""
    today = request.user.local_today()
    services.skip_today(request.session, today)
    if request.htmx:
        return render(request, CARD, {**card_context(request, today), "just_skipped": True})
    return redirect("promises:today")
