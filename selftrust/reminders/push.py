"""Web Push from this server to a person's own browsers (pywebpush).

The payload is encrypted for the browser (RFC 8291, aes128gcm) before it leaves: the push
service of the browser's vendor (Google, Mozilla, Apple, Microsoft) carries it but cannot read
it. It learns only that this server sent something to that browser, and when.
"""

import base64
import binascii
import json
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.utils import timezone
from pywebpush import WebPushException, webpush

from selftrust.reminders.delivery import DeliveryProblem, Gone, ReminderMessage
from selftrust.reminders.models import PushSubscription
from selftrust.reminders.vapid import keys

logger = logging.getLogger(__name__)

# The push services of the browsers in use. This server only ever posts to these, so a
# made-up "subscription" cannot make it send requests into the operator's own network. An
# installation with its own push service adds it with the REMINDER_PUSH_SERVICES setting.
PUSH_SERVICES = (
    "fcm.googleapis.com",  # Chrome, Edge on Android, Samsung Internet, Brave, Opera
    "android.googleapis.com",  # older Chrome
    "push.services.mozilla.com",  # Firefox
    "push.apple.com",  # Safari on macOS, iPhone and iPad (web.push.apple.com)
    "notify.windows.com",  # Edge on Windows
)
# A reminder that cannot reach a sleeping phone within four hours is no longer useful.
TIME_TO_LIVE = 4 * 60 * 60
TIMEOUT_SECONDS = 10
GONE_STATUSES = {404, 410}


class BadSubscription(ValueError):
    """What the browser sent is not a push subscription we can use."""


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def push_services() -> tuple[str, ...]:
    return tuple(getattr(settings, "REMINDER_PUSH_SERVICES", PUSH_SERVICES))


def is_push_service(endpoint: str) -> bool:
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    return any(host == known or host.endswith("." + known) for known in push_services())


def clean_subscription(data: object) -> dict:
    """The parts of a browser's PushSubscription.toJSON() we keep, checked."""
    if not isinstance(data, dict):
        raise BadSubscription("not a subscription")
    endpoint = data.get("endpoint")
    keys_ = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    p256dh, auth = keys_.get("p256dh"), keys_.get("auth")
    if not isinstance(endpoint, str) or len(endpoint) > 1000 or not is_push_service(endpoint):
        raise BadSubscription("the endpoint is not a known push service")
    if not isinstance(p256dh, str) or not isinstance(auth, str) or len(p256dh) > 200:
        raise BadSubscription("the keys are missing")
    try:
        point, secret = _unb64(p256dh), _unb64(auth)
    except (binascii.Error, ValueError):
        raise BadSubscription("the keys are not base64url") from None
    if len(point) != 65 or point[0] != 4 or len(secret) != 16:
        raise BadSubscription("the keys have the wrong size")
    return {"endpoint": endpoint, "p256dh": p256dh, "auth": auth}


def device_name(user_agent: str) -> str:
    """'Firefox on Android': enough to tell one's devices apart in the list, nothing more."""
    agent = user_agent or ""
    browser = next(
        (
            name
            for marker, name in (
                ("Firefox/", "Firefox"),
                ("Edg/", "Edge"),
                ("SamsungBrowser/", "Samsung Internet"),
                ("OPR/", "Opera"),
                ("Chrome/", "Chrome"),
                ("Safari/", "Safari"),
            )
            if marker in agent
        ),
        "A browser",
    )
    system = next(
        (
            name
            for marker, name in (
                ("Android", "Android"),
                ("iPhone", "iPhone"),
                ("iPad", "iPad"),
                ("Windows", "Windows"),
                ("Mac OS X", "Mac"),
                ("CrOS", "ChromeOS"),
                ("Linux", "Linux"),
            )
            if marker in agent
        ),
        "",
    )
    return f"{browser} on {system}" if system else browser


def subscribe(user, subscription: dict, user_agent: str = "") -> PushSubscription:
    """Keep a browser's subscription for `user`. A browser has one subscription per site, so
    if another account on the same browser had it, it is theirs no longer."""
    found, _made = PushSubscription.objects.update_or_create(
        endpoint=subscription["endpoint"],
        defaults={
            "user": user,
            "p256dh": subscription["p256dh"],
            "auth": subscription["auth"],
            "device": device_name(user_agent)[:80],
        },
    )
    return found


def send(user, message: ReminderMessage) -> None:
    """Send one reminder to every browser of `user`. Raises Gone if none is left, and
    DeliveryProblem if none took it (temporary if trying later may help)."""
    subscriptions = list(PushSubscription.objects.filter(user=user))
    if not subscriptions:
        raise Gone("no device is subscribed")
    server = keys()
    signer = server.signer()
    payload = json.dumps(message.as_push_payload())
    delivered, temporary, permanent = 0, [], []
    for subscription in subscriptions:
        try:
            webpush(
                subscription.as_subscription_info(),
                data=payload,
                vapid_private_key=signer,
                # A fresh dict each time: pywebpush writes the audience and expiry into it.
                vapid_claims={"sub": server.subject},
                ttl=TIME_TO_LIVE,
                timeout=TIMEOUT_SECONDS,
                headers={"Urgency": "normal"},
            )
        except WebPushException as error:
            status = error.status_code
            if status in GONE_STATUSES:
                # The browser unsubscribed, or the person cleared the site's data.
                logger.info("Push subscription %s expired (%s); removed.", subscription.pk, status)
                subscription.delete()
            elif status is None or status == 429 or status >= 500:
                temporary.append(f"push service answered {status}")
            else:
                permanent.append(f"push service refused it ({status})")
        except requests.RequestException as error:
            temporary.append(f"push service unreachable ({type(error).__name__})")
        else:
            delivered += 1
            PushSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=timezone.now())
    if delivered:
        return
    if temporary:
        raise DeliveryProblem("; ".join(temporary), temporary=True)
    if permanent:
        raise DeliveryProblem("; ".join(permanent), temporary=False)
    raise Gone("every device had unsubscribed")
