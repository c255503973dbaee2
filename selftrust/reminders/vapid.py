"""The server's own Web Push keys (VAPID, RFC 8292): proof to a push service that reminders for a
browser come from the server that browser subscribed to.

Made on first use and kept beside the data (`vapid_private_key`, mode 600), like the secret
key. Several app servers of one installation must share them: set
SELFTRUST_VAPID_PRIVATE_KEY (and optionally SELFTRUST_VAPID_PUBLIC_KEY, checked against it) on
each. SELFTRUST_VAPID_SUBJECT is the operator's contact that push services may use
(mailto: or https:).
"""

import base64
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from py_vapid import Vapid

KEY_FILE = "vapid_private_key"
PRIVATE_VARIABLE = "SELFTRUST_VAPID_PRIVATE_KEY"
PUBLIC_VARIABLE = "SELFTRUST_VAPID_PUBLIC_KEY"
SUBJECT_VARIABLE = "SELFTRUST_VAPID_SUBJECT"
# Push services want a way to reach whoever runs the server; Apple's refuses a made-up
# one, so an installation that serves iPhones should set SELFTRUST_VAPID_SUBJECT.
FALLBACK_SUBJECT = "mailto:selftrust@localhost"
_SUBJECT = re.compile(r"^(mailto:[^@\s]+@[^@\s]+|https://\S+)$")


@dataclass(frozen=True)
class VapidKeys:
    private: str  # the raw 32-byte private number, base64url without padding
    public: str  # the uncompressed public point (65 bytes), base64url: the browser's key
    subject: str

    def signer(self) -> Vapid:
        return Vapid.from_string(self.private)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _new_private_key() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    return _b64(key.private_numbers().private_value.to_bytes(32, "big"))


def public_key_of(private: str) -> str:
    """The browser's `applicationServerKey` for a private key (raw base64url, or DER/PEM)."""
    try:
        signer = Vapid.from_string(private)
    except Exception:
        raise ImproperlyConfigured(
            f"{PRIVATE_VARIABLE} is not a P-256 private key. Use the 32-byte key in base64url "
            "(as in data/vapid_private_key), or a DER key in base64url."
        ) from None
    point = signer.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64(point)


def _key_from_file(data_dir: Path) -> str:
    key_file = data_dir / KEY_FILE
    if not key_file.exists():
        try:
            # O_EXCL: two processes starting at once cannot both write a key; the second
            # reads the first one's.
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(_new_private_key())
    os.chmod(key_file, 0o600)
    return key_file.read_text().strip()


def subject() -> str:
    value = os.environ.get(SUBJECT_VARIABLE, "").strip()
    if not value:
        sender = getattr(settings, "DEFAULT_FROM_EMAIL", "")
        if getattr(settings, "REMINDER_EMAIL_ENABLED", False) and "@" in sender:
            address = sender.rsplit("<", 1)[-1].rstrip(">").strip()
            return f"mailto:{address}"
        return FALLBACK_SUBJECT
    if not _SUBJECT.match(value):
        raise ImproperlyConfigured(
            f"{SUBJECT_VARIABLE}={value!r} is not a contact push services accept. "
            "Use mailto:you@example.org or an https:// address."
        )
    return value


def keys() -> VapidKeys:
    """This installation's keys: from the environment, or the data folder (made if needed)."""
    private = os.environ.get(PRIVATE_VARIABLE, "").strip()
    if not private:
        private = _key_from_file(Path(settings.DATA_DIR))
    public = public_key_of(private)
    given_public = os.environ.get(PUBLIC_VARIABLE, "").strip()
    if given_public and given_public.rstrip("=") != public:
        raise ImproperlyConfigured(
            f"{PUBLIC_VARIABLE} does not belong to {PRIVATE_VARIABLE}. Leave it unset (it is "
            "worked out from the private key) or give the matching public key."
        )
    return VapidKeys(private=private, public=public, subject=subject())
