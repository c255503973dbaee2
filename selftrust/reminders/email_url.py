"""`SELFTRUST_EMAIL_URL`: the operator's mail server in one variable, read into Django's EMAIL_*.

  smtp://user:password@mail.example.org:587        STARTTLS (port 587 if none is given)
  smtp+tls://user:password@mail.example.org:587    the same
  smtp+ssl://user:password@mail.example.org:465    TLS from the first byte (port 465)
  console://                                       print emails to the terminal (a laptop)
  (unset or empty)                                 no email: the email channel is unavailable

Optional query parameters: `?from=Selftrust <reminders@example.org>` (the sender; the user
name when it is an address, otherwise selftrust@ the host) and `?timeout=20` (seconds, 10).
A user name or password with special characters is percent-encoded (`p%40ss` for `p@ss`).

Plain-text SMTP is not offered: reminders and confirmation links are personal, and a server
that cannot do TLS should not be sent them. No Django import beyond the exception: settings.py
calls this before Django is set up.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

VARIABLE = "SELFTRUST_EMAIL_URL"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Without a mail server nothing may try localhost:25 by accident.
NO_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

STARTTLS_SCHEMES = {"smtp", "smtp+tls"}
IMPLICIT_TLS_SCHEMES = {"smtp+ssl"}
DEFAULT_PORTS = {"smtp": 587, "smtp+tls": 587, "smtp+ssl": 465}
DEFAULT_TIMEOUT = 10
KNOWN_PARAMETERS = {"from", "timeout"}

EXAMPLES = (
    "smtp://user:password@mail.example.org:587 (STARTTLS), "
    "smtp+ssl://user:password@mail.example.org:465 (TLS from the start), "
    "or console:// (print emails in the terminal)"
)


def _refuse(problem: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{VARIABLE}: {problem} Use {EXAMPLES}.")


def email_settings(url: str | None) -> dict:
    """Django settings for the mail server named by `url`; `REMINDER_EMAIL_ENABLED` says
    whether there is one. A URL that cannot be used raises ImproperlyConfigured, naming the
    problem but never the password."""
    if url is None or not url.strip():
        return {"REMINDER_EMAIL_ENABLED": False, "EMAIL_BACKEND": NO_EMAIL_BACKEND}
    url = url.strip()
    if "://" not in url:
        raise _refuse("the value is not a URL (it has no scheme such as smtp://).")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    parameters = _parameters(parts.query)

    if scheme == "console":
        return {
            "REMINDER_EMAIL_ENABLED": True,
            "EMAIL_BACKEND": CONSOLE_BACKEND,
            "DEFAULT_FROM_EMAIL": parameters.get("from", "selftrust@localhost"),
        }
    if scheme not in DEFAULT_PORTS:
        raise _refuse(f"{scheme or 'an empty scheme'}:// is not a way to send email we know.")

    try:
        host = parts.hostname
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise _refuse("the port is not a number between 1 and 65535.") from None
    if not host:
        raise _refuse("the mail server's host name is missing.")
    user = unquote(parts.username or "")
    password = unquote(parts.password or "")
    if password and not user:
        raise _refuse("there is a password but no user name.")
    if parts.path not in ("", "/"):
        raise _refuse("a mail server URL has no path after the port.")

    sender = parameters.get("from") or (user if "@" in user else f"selftrust@{host}")
    return {
        "REMINDER_EMAIL_ENABLED": True,
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": scheme in STARTTLS_SCHEMES,
        "EMAIL_USE_SSL": scheme in IMPLICIT_TLS_SCHEMES,
        "EMAIL_TIMEOUT": _timeout(parameters.get("timeout")),
        "DEFAULT_FROM_EMAIL": sender,
        "SERVER_EMAIL": sender,
    }


def _parameters(query: str) -> dict[str, str]:
    try:
        parsed = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _refuse("the part after ? is not name=value pairs.") from None
    unknown = sorted(set(parsed) - KNOWN_PARAMETERS)
    if unknown:
        raise _refuse(
            f"it has a parameter we don't know ({', '.join(unknown)}); "
            "only ?from= and ?timeout= are read."
        )
    values = {name: found[-1].strip() for name, found in parsed.items()}
    if "from" in values and "@" not in values["from"]:
        raise _refuse("?from= must be an email address, such as reminders@example.org.")
    return values


def _timeout(value: str | None) -> int:
    if value is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= 300:
        raise _refuse("?timeout= must be a whole number of seconds from 1 to 300.")
    return seconds
