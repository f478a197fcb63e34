"""Settings for the V4 partnership site.

One file for every deployment: each setting that differs between machines is read from an environment
variable named as the Django setting it feeds (or DATABASE_URL). The defaults are safe: DEBUG is off
unless asked for, and with DEBUG off the site refuses to start without a real SECRET_KEY.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a yes/no value such as 1 or 0, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_date(name: str) -> datetime.date | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a date such as 2023-06-01, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Turn `sqlite:///path/db.sqlite3` or `postgres://user:pw@host:5432/name` into a DATABASES entry."""
    parts = urlsplit(url)
    options = dict(parse_qsl(parts.query))
    if parts.scheme == "sqlite":
        # sqlite:///relative.sqlite3 names a file below the project; sqlite:////abs/path an absolute one.
        name = unquote(parts.path)[1:] or "db.sqlite3"
        return sqlite_database(BASE_DIR / name)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Persistent connections: opening one per request costs several times the request itself.
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(f"DATABASE_URL has an unsupported scheme: {parts.scheme!r}.")


def sqlite_database(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            # BEGIN IMMEDIATE takes the write lock at the start of each transaction, so two confirmations
            # cannot both read "one seat left" (select_for_update is a no-op on SQLite).
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value (DEBUG is off, so this is production)."
        )
    SECRET_KEY = "development-only-key-never-used-in-production"  # noqa: S105 - DEBUG is on
elif not DEBUG and (len(SECRET_KEY) < 32 or SECRET_KEY.startswith("development-only")):
    raise ImproperlyConfigured("SECRET_KEY is too short or a development key: use 50 random characters.")
# After changing the key: the old one here keeps sessions, password-reset links and the private links sent
# in e-mails working (registrations/tokens.py).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "v4project",
    # Background work: Django's task framework with its tasks in the database, and their schedule.
    "django_tasks_db",
    "crontask",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "events",
    "registrations",
    # After the django-otp plugins: its admin replaces theirs (accounts/admin.py).
    "accounts",
]

MIDDLEWARE = [
    # First: a cached public page is answered before any other middleware runs (v4project/pagecache).
    "v4project.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After a signed-in person's request that made many objects, its garbage is freed at once (v4project/memory.py).
    "v4project.memory.CollectAfterLargeRequests",
    "django_otp.middleware.OTPMiddleware",
    # Staff who must sign in with two factors reach nothing but setting it up until they have (accounts).
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Turns a sign-in that django-axes refused into the sign-in page with its message (accounts/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "v4project.urls"
WSGI_APPLICATION = "v4project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "v4project.context_processors.demo",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else sqlite_database(BASE_DIR / "db.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when REDIS_URL names one (redis://host:port/db), is what several app servers share besides the
# database: Django's cache, the page cache's content version (v4project/pagecache/version.py) and the lock
# that lets one worker's scheduler start the scheduled jobs.
REDIS_URL = env_str("REDIS_URL").strip()
if REDIS_URL and urlsplit(REDIS_URL).scheme not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(f"REDIS_URL must be a redis://, rediss:// or unix:// address, not {REDIS_URL!r}.")

# Django's cache, shared by every app process: the database cache needs nothing more to run; Redis is used
# when REDIS_URL names one. No security counter lives here: a cache may drop any entry when it is full, so
# rate limits and login lockouts are tables of their own (registrations/ratelimit.py, accounts/lockout.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
}

# django-axes refuses a locked-out sign-in before the password is even checked (accounts/lockout.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:sign_in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages: Czech is the default; every public URL carries its language.
LANGUAGE_CODE = "cs"
LANGUAGES = [
    ("cs", "čeština"),
    ("sk", "slovenčina"),
    ("pl", "polski"),
    ("hu", "magyar"),
    ("en", "English"),
]
# The project's own catalogues come first, so they can also correct Django's (e.g. Slovak month genitives).
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them (21. června 2023, 2023. június 21., 21 June 2023).
FORMAT_MODULE_PATH = ["v4project.formats"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "cs"
# A missing translation shows Czech, then English, never an empty heading.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("cs", "en")
# modeltranslation would load jQuery UI from a CDN; serve the vendored copy instead.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded files (photos, logos, documents) may live on S3-compatible storage instead of MEDIA_ROOT, so app
# servers need no shared disk (docs/deploy.md): S3_BUCKET names the bucket, whose objects the public may read.
# Links to them carry no signature: pages are cached, and a signed link would expire inside a cached page.
if env_str("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Uploads above this stay on disk instead of in memory while they are checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: the deployment says EMAIL_BACKEND, EMAIL_HOST, … as it always has; Django 6.1 takes them as
# MAILERS, and each backend accepts only its own options.
EMAIL_BACKEND_PATH = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
_mail_options: dict = {}
if EMAIL_BACKEND_PATH.endswith("filebased.EmailBackend"):
    _mail_options = {"file_path": env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))}
elif EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
        "timeout": env_int("EMAIL_TIMEOUT", 20),
    }
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH, "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "V4 seminar <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where answers to the site's e-mails go (their Reply-To), also named in every e-mail's footer: the
# organisers, since the sender is a no-reply address. SMO ČR's general address unless the deployment says.
EMAIL_REPLY_TO = env_str("EMAIL_REPLY_TO", "smocr@smocr.cz")

# Background work (e-mails, scheduled jobs) on Django's task framework: each task is a row of the database
# the site already has, written in the same transaction as the change that causes it, and run by
# `manage.py run_worker` (one per machine; registrations/management/commands/run_worker.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# With Redis, one scheduler across every machine's worker starts the scheduled jobs (the others wait).
CRONTASK = {"REDIS_URL": REDIS_URL or None}
# An e-mail that fails for a reason that may pass (the mail server down, a time-out, a 4xx answer) is tried
# again after these many seconds, one after the other; then it is recorded as failed for staff to resend.
EMAIL_RETRY_DELAYS = [int(value) for value in env_list("EMAIL_RETRY_DELAYS", ["30", "60", "300", "900", "3600"])]
# How long a worker may take to send one e-mail before another worker may take it over (a worker that was
# killed while sending leaves it for this long): above the SMTP time-out.
EMAIL_SEND_LEASE_SECONDS = env_int("EMAIL_SEND_LEASE_SECONDS", 120)
# Visitors first (registrations/quiet.py): between two tasks the worker waits while other processes keep more
# than this share of the machine's CPUs busy, but never once the oldest ready task has waited this long. In
# development (`make run`) it never waits: the console shows each e-mail at once.
WORKER_QUIET_PERCENT = env_int("WORKER_QUIET_PERCENT", 50)
WORKER_MAX_WAIT_SECONDS = env_int("WORKER_MAX_WAIT_SECONDS", 0 if DEBUG else 20)

# The public address of the site, for links in e-mails and calendar files. Production must say it: without
# it every e-mailed link would point to a developer's machine.
SITE_URL = env_str("SITE_URL").strip().rstrip("/")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured("SITE_URL is not set. Set it to the public address, e.g. https://v4.example.org.")
    SITE_URL = "http://127.0.0.1:8000"
if urlsplit(SITE_URL).scheme not in {"http", "https"} or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured(f"SITE_URL must be an http:// or https:// address, not {SITE_URL!r}.")

# HTTPS: a site whose public address is https:// (or that redirects to it) sends its cookies only over
# HTTPS and tells browsers to use nothing else (HSTS), whichever of the two settings says so.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
HTTPS = SECURE_SSL_REDIRECT or urlsplit(SITE_URL).scheme == "https"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def ip_networks(name: str) -> list:
    """`TRUSTED_PROXIES=127.0.0.1,10.0.0.0/24`: addresses and networks, checked when the site starts."""
    networks = []
    for item in env_list(name, []):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name} must list IP addresses or networks, not {item!r}.") from None
    return networks


# The proxies in front of the app (nginx: docs/deploy). Only a request from one of them has its client's
# address taken from X-Forwarded-For; from anyone else, that header is whatever the client chose to send.
TRUSTED_PROXIES = ip_networks("TRUSTED_PROXIES")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy: only our own files. No page has inline scripts or style attributes, so no
# nonce is needed (and pages stay cacheable); JSON-LD blocks are data, not scripts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "v4project.logs.RedactPersonalData"}},
    "formatters": {"line": {"()": "v4project.logs.OneLineFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes notes every sign-in at INFO; failures and lockouts (WARNING) are what an operator reads.
        "axes": {"level": "WARNING"},
        # The schedule notes each of its runs; the tasks it starts are logged by the worker.
        "apscheduler": {"level": "WARNING"},
        # WeasyPrint notes each step of every document it draws (thousands of lines a PDF).
        "weasyprint.progress": {"level": "WARNING"},
        # The development server logs every request line: through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Registrations: how long a "confirm your address" link stays valid (unconfirmed registrations are then
# deleted by `manage.py expire_registrations`), and how many seconds a confirmation waits for a seat lock
# before the visitor sees "busy, please try again".
REGISTRATION_CONFIRM_HOURS = env_int("REGISTRATION_CONFIRM_HOURS", 48)
REGISTRATION_LOCK_TIMEOUT = env_int("REGISTRATION_LOCK_TIMEOUT", 5)

# Signing in (accounts/): 5 failed attempts for one user name from one address lock that pair out for 15
# minutes; 20 within 15 minutes from all addresses together lock the account (accounts/lockout.py). The
# counts are django-axes' table: a database row is never evicted, unlike a cache entry.
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
# A refused attempt during a lockout neither counts nor extends it: the lockout ends 15 minutes after it began.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "v4project.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_counting"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# No log of every sign-in with its address kept for ever; the organisers' admin shows the lockouts instead.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor sign-in (django-otp: an authenticator app, and recovery codes). Offered to every account;
# required of superusers and organisers when TWO_FACTOR_REQUIRED is on (docs/deploy turns it on).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "V4 SMO ČR"
# A password-reset link works once, for an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60

# Personal data of an event's registrations is blanked this many days after the event
# (manage.py anonymise_registrations); the counts per country, part and day stay for the grant report.
ANONYMISE_AFTER_DAYS = env_int("ANONYMISE_AFTER_DAYS", 180)

# The demo: the site behaves as if it were this day (v4project/clock.py), shows a banner saying so on every
# page, and `check --deploy` warns. `make run` sets it; a deployment never does.
DEMO_DATE = env_date("DEMO_DATE")
