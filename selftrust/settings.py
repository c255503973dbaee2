"""Selftrust settings, read from the environment so one file serves a laptop and a clinic.

Environment variables (documented in the README):
  SELFTRUST_DATA_DIR          where the SQLite database and the generated secret key live (./data)
  DATABASE_URL                PostgreSQL for multi-user deployments (postgres://user:pass@host/db)
  SELFTRUST_DEBUG             "1" to turn on Django's debug pages (never in production)
  SELFTRUST_ALLOWED_HOSTS     comma-separated host names (127.0.0.1,localhost)
  SELFTRUST_CRISIS_RESOURCES  path to a JSON file that replaces the default crisis resources
  SELFTRUST_TIME_ZONE         default time zone for new accounts (UTC)
  SELFTRUST_HTTPS             "1" behind HTTPS: secure cookies, HSTS, redirect to https
  SELFTRUST_TRUSTED_PROXIES   reverse proxies whose X-Forwarded-For is believed
  SELFTRUST_SIGNUP            open | invite | closed (invite with DATABASE_URL, else open)
  SELFTRUST_SIGNIN_LIMIT, SELFTRUST_SIGNIN_COOLOFF_MINUTES   sign-in throttling (10, 15)
  SELFTRUST_EMAIL_URL         the mail server for reminders (smtp://user:pass@host:587,
                              smtp+ssl://…:465, console://); unset: no email
  SELFTRUST_VAPID_PRIVATE_KEY, SELFTRUST_VAPID_PUBLIC_KEY, SELFTRUST_VAPID_SUBJECT
                              Web Push keys (generated into the data folder when unset)
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from selftrust.reminders.email_url import email_settings

BASE_DIR = Path(__file__).resolve().parent


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _flag(name: str, default: bool = False) -> bool:
    """A yes/no setting. A value we do not recognise stops start-up: `SELFTRUST_HTTPS=ture`
    quietly meaning "off" would leave a clinic without HTTPS and nobody would know."""
    value = os.environ.get(name)
    if value is None:
        return default
    normalised = value.strip().lower()
    if normalised in _TRUE:
        return True
    if normalised in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value. Use 1 or 0 (true/false, yes/no, on/off also work)."
    )


DATA_DIR = Path(os.environ.get("SELFTRUST_DATA_DIR", "data")).resolve()
# Journal words live here: only the account that runs Selftrust may list or read it,
# whatever the umask of the shell that started the server.
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
os.chmod(DATA_DIR, 0o700)


def _secret_key() -> str:
    """Generated once per installation and kept beside the data, never in the repository."""
    if from_env := os.environ.get("SELFTRUST_SECRET_KEY"):
        return from_env
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        # Written whole under another name, then linked into place: a second process starting
        # at the same moment (two app servers, the worker) either finds no key or a whole one,
        # never an empty file it would read as an empty key. The first link wins.
        draft = DATA_DIR / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    os.chmod(key_file, 0o600)  # an older install may have made it with the umask's mode
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("SELFTRUST_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("SELFTRUST_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "ninja",
    "csp",
    "selftrust.web",
    "selftrust.accounts",
    "selftrust.safety",
    "selftrust.promises",
    "selftrust.assessments",
    "selftrust.practices",
    "selftrust.lessons",
    "selftrust.drafts",
    "selftrust.insights",
    "selftrust.care",
    "selftrust.api",
    # Two-factor sign-in for therapists (time-based codes from an authenticator app).
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Load balancers' probes: answered first, whatever the Host header (web/health.py).
    "selftrust.web.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this sign-in passed a second factor (care/access.py).
    "django_otp.middleware.OTPMiddleware",
    # Therapists pass two factors before anything else (care/two_factor.py).
    "selftrust.care.two_factor.TwoFactorMiddleware",
    "selftrust.accounts.middleware.UserTimezoneMiddleware",
    # New recovery codes leave the session once their few minutes are over (accounts/recovery.py).
    "selftrust.accounts.middleware.ForgetRecoveryCodesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The lock on a shared phone, held on the server (after messages: it may say why).
    "selftrust.accounts.lock_middleware.PrivacyLockMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "selftrust.web.middleware.PrivateByDefaultMiddleware",
    # A page, not a blank screen, for an address only a button uses (after the one above).
    "selftrust.web.middleware.ButtonOnlyAddressMiddleware",
]

ROOT_URLCONF = "selftrust.urls"
WSGI_APPLICATION = "selftrust.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "selftrust.web.context_processors.frame_urls",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    SQLITE_PATH = DATA_DIR / "selftrust.sqlite3"
    # Made private before SQLite first opens it; SQLite gives its -wal and -shm files the
    # same mode as the database file.
    os.close(os.open(SQLITE_PATH, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(SQLITE_PATH, 0o600)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE avoids
                # "database is locked" surprises when two requests write together.
                # synchronous=FULL: a save we have acknowledged survives a power cut, not
                # only a crash (its cost is measured in bench/durability.py).
                # secure_delete: deleted words are overwritten, not left in free pages.
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA secure_delete=ON;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "promises:today"
LOGOUT_REDIRECT_URL = "accounts:login"

# Argon2 first: new and re-saved passphrases are hashed with it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's own rules, saying "passphrase" (selftrust/accounts/passphrase_rules.py).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "selftrust.accounts.passphrase_rules.MinimumLength",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "selftrust.accounts.passphrase_rules.NotLikeTheUsername"},
    {"NAME": "selftrust.accounts.passphrase_rules.NotCommon"},
]

# A person may step away mid-entry; two weeks keeps them signed in on their own device.
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = _flag("SELFTRUST_HTTPS")
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # A load balancer's probe speaks plain HTTP to the app server.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    # includeSubDomains covers names under Selftrust's own host only (not its parent
    # domain), so it is safe to have on; an operator can turn it off.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SELFTRUST_HSTS_SUBDOMAINS", default=True)
    # Preloading is a promise about a whole registered domain, made by its owner at
    # hstspreload.org; the app cannot make it for them, so Django's reminder is silenced.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp): our own files only, no inline script or style, no
# frames, nothing sent anywhere but here. A page that must run vendored inline code gets
# a nonce (csp.constants.NONCE), never 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    },
}
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated):
# sign-in throttling per client address needs the client's address, not the proxy's.
# Empty by default: without a proxy, the header is whatever the client chose to send.
TRUSTED_PROXIES = [
    item.strip()
    for item in os.environ.get("SELFTRUST_TRUSTED_PROXIES", "").split(",")
    if item.strip()
]
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(
            f"SELFTRUST_TRUSTED_PROXIES holds {_proxy!r}, which is not an address or network."
        ) from _error
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("SELFTRUST_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("SELFTRUST_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# `selftrust migrate` and `selftrust serve` collect the static files into the data folder
# with hashed names and gzip and Brotli copies, which whitenoise serves with a cache of a
# year (a changed file gets a new name). Until they have been collected (tests, a bare
# `manage runserver`), files are served from the app folders as they are.
STATIC_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
COLLECTED_STATIC_STORAGE = "selftrust.web.static_files.CollectedStaticStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": COLLECTED_STATIC_STORAGE
        if STATIC_COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# A file missing from the manifest is served by its plain name rather than failing the page.
WHITENOISE_MANIFEST_STRICT = False
# Only the hashed names are kept (and compressed): half the work, and no stale plain copies.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED
WHITENOISE_AUTOREFRESH = DEBUG

# Per-process memory cache: the track record is cached under a key that includes the
# user's data version (read from the database), so several app servers never disagree.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Whole pages as rendered (web/page_cache.py), 10-60 KB each: at most about 20 MB a process.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

CRISIS_RESOURCES_FILE = os.environ.get("SELFTRUST_CRISIS_RESOURCES", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The benchmark's hello-world baseline view; off unless the benchmark turns it on.
BENCH_HELLO = _flag("SELFTRUST_BENCH_HELLO")

# Sign-in throttling (django-axes) and who may sign up. Why these values, and the trade-offs:
# docs/decisions/0007-sign-in-and-sign-up.md. Keep this block last: axes' middleware must
# be the last one.
#   SELFTRUST_SIGNIN_LIMIT            failed sign-ins (one account, one address) before a pause (10)
#   SELFTRUST_SIGNIN_COOLOFF_MINUTES  how long the pause lasts (15)
#   SELFTRUST_SIGNUP                  open | invite | closed (invite with DATABASE_URL, else open)


def _positive_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number < 1:
        raise ImproperlyConfigured(f"{name}={value!r} must be a whole number of at least 1.")
    return number


SIGNIN_LIMIT = _positive_int("SELFTRUST_SIGNIN_LIMIT", 10)
SIGNIN_COOLOFF_MINUTES = _positive_int("SELFTRUST_SIGNIN_COOLOFF_MINUTES", 15)

INSTALLED_APPS = [*INSTALLED_APPS, "axes"]
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]
# Axes first: it refuses a paused attempt before the passphrase is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "selftrust.accounts.throttling.SignInThrottle"  # axes' database handler
AXES_FAILURE_LIMIT = SIGNIN_LIMIT
AXES_COOLOFF_TIME = "selftrust.accounts.throttling.cool_off"
# Three counts, each with its own limit (throttling.LIMIT_MULTIPLES: 1x, 2x and 5x).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "selftrust.accounts.throttling.client_address"  # REMOTE_ADDR, see why
AXES_LOCKOUT_CALLABLE = "selftrust.accounts.throttling.lockout_response"
# A pause lasts the cool-off from the last counted failure; trying again while paused does
# not make it longer, so the page can say honestly how long to wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A success does not wipe the counts: one machine guessing at many accounts could otherwise
# reset its own count by signing in to an account of its own.
AXES_RESET_ON_SUCCESS = False
# No record of where and when people sign in; failed attempts are kept only for the cool-off.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# Axes stores a failed request's form data; passphrases and recovery codes are masked.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "password",
    "old_password",
    "new_password1",
    "new_password2",
    "code",
]

SIGNUP_MODE = (
    os.environ.get("SELFTRUST_SIGNUP", "invite" if os.environ.get("DATABASE_URL") else "open")
    .strip()
    .lower()
)
if SIGNUP_MODE not in {"open", "invite", "closed"}:
    raise ImproperlyConfigured(
        f"SELFTRUST_SIGNUP={os.environ.get('SELFTRUST_SIGNUP')!r} is not a sign-up mode. "
        "Use open, invite or closed."
    )

# Email for reminders: SELFTRUST_EMAIL_URL (unset: no email); a URL we can't use stops
# start-up with the reason (selftrust/reminders/email_url.py).
vars().update(email_settings(os.environ.get("SELFTRUST_EMAIL_URL")))

# Background work (django-tasks): the queue lives in the same database (django-tasks-db);
# `selftrust worker` runs it and enqueues due reminders every minute and upkeep every hour.
INSTALLED_APPS = [
    *INSTALLED_APPS,
    "django_tasks",
    "django_tasks_db",
    "selftrust.reminders",
    "selftrust.upkeep",
]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
