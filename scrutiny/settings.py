"""Settings for Scrutiny, driven by environment variables.

Development needs nothing set: DEBUG is on and the database is a SQLite file under var/.
Production (DEBUG=0) refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set when DEBUG is off.")
    return value


DEBUG = env_bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
else:
    SECRET_KEY = env_required("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or env_required("ALLOWED_HOSTS").split(",")

VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "simple_history",
    "django_filters",
    # The project's layers, lowest first (see the README's layout): each imports only those above it here.
    "scrutiny.core",
    "scrutiny.people",
    "actionplan",
    "scrutiny.review",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records request.user as the author of every history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scrutiny.people.context_processors.site",
                "scrutiny.review.context_processors.review_bar",
                "scrutiny.core.typed_work.restored_form_data",
            ],
        },
    },
]

WSGI_APPLICATION = "scrutiny.wsgi.application"

# SQLite file by default; DATABASE_URL (postgres://user@host:5432/name) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'scrutiny.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The browser tests serve pages from another thread: the test database must be a file.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
else:
    # A slow query or a held lock ends in a "try again" page (scrutiny/core/errors.py) within
    # seconds, instead of holding a gunicorn worker until it is killed. 0 turns a limit off.
    DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 5000)
    DB_LOCK_TIMEOUT_MS = env_int("DB_LOCK_TIMEOUT_MS", 3000)
    # JIT compilation off: PostgreSQL compiles a query once its estimated cost passes jit_above_cost,
    # and for the members' pages at 100x the demo that cost 0.3 to 0.4 s a query, more than running it
    # (dashboard 650 -> 170 ms, changes 1,120 -> 270 ms, bench/RESULTS.md). A web page's queries are
    # short; JIT pays off only for long analytical ones, which this application does not run.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS} -c lock_timeout={DB_LOCK_TIMEOUT_MS} -c jit=off"
    )

AUTH_USER_MODEL = "people.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A reset link works once, and for this long (scrutiny.people.services).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_HOURS", 24) * 60 * 60
# Reset links asked for, per e-mail address typed and per client address, in each window
# (scrutiny.people.reset_limits); counted alike whether or not an account has the address.
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 20)
PASSWORD_RESET_LIMIT_WINDOW_MINUTES = env_int("PASSWORD_RESET_LIMIT_WINDOW_MINUTES", 60)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Static files: plain in development; hashed and compressed by whitenoise in production, tolerating
# GOV.UK Frontend's unshipped source maps. Uploaded files: local disk by default; S3-compatible storage
# (django-storages[s3]) when STORAGE_BACKEND=s3, so that several app servers share them. Files stay
# private: signed URLs only.
if env_str("STORAGE_BACKEND", "local") == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_required("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "scrutiny.core.staticfiles.StaticFilesStorage"
        )
    },
}

# Uploaded evidence lives outside static/ and has no public URL: downloads go through a view
# that checks permissions.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "uploads")))
# No route serves this prefix; it is set only because Django's test server expects one.
MEDIA_URL = "/private-uploads/"
EVIDENCE_MAX_UPLOAD_BYTES = env_int("EVIDENCE_MAX_UPLOAD_MB", 20) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A whole request may carry one file at the limit plus the form's other fields; larger ones are refused
# from their Content-Length before the body is read (scrutiny.core.request_guards). Set the same at the proxy.
UPLOAD_REQUEST_MAX_BYTES = EVIDENCE_MAX_UPLOAD_BYTES + 2 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.14.0"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

COUNCIL_NAME = env_str("COUNCIL_NAME", "Warwickshire County Council")
SERVICE_NAME = env_str("SERVICE_NAME", "Scrutiny")
# The papers' font, and optionally the council's own Word document whose styles the papers take.
PAPER_FONT = env_str("PAPER_FONT", "Arial")
PAPER_REFERENCE_DOCX = env_str("PAPER_REFERENCE_DOCX", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "scrutiny@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Production hardening (issue 8) ---
# Content security policy (scrutiny.core.security): scripts and styles only from our own origin.
CSP_POLICY = env_str(
    "CSP_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
# Signed-in users who do nothing for this long are signed out (the cookie's own age still caps a session).
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30) * 60
# Each of ours goes just after the one it needs: every response gets the policy; idle sessions end
# (after the messages middleware, so that the sign-in page can say why); oversized uploads are refused
# before anything reads the body; signed-in pages are never stored.
for after, ours in (
    ("django.contrib.messages.middleware.MessageMiddleware", "scrutiny.core.security.SessionIdleTimeoutMiddleware"),
    ("django.middleware.security.SecurityMiddleware", "scrutiny.core.security.ContentSecurityPolicyMiddleware"),
    (
        "scrutiny.core.security.ContentSecurityPolicyMiddleware",
        "scrutiny.core.request_guards.UploadSizeLimitMiddleware",
    ),
    (
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "scrutiny.core.request_guards.NoStoreForSignedInMiddleware",
    ),
):
    MIDDLEWARE.insert(MIDDLEWARE.index(after) + 1, ours)
# A database outage becomes a "try again" page; a refused write, a message.
MIDDLEWARE.append("scrutiny.core.errors.DatabaseUnavailableMiddleware")
MIDDLEWARE.append("scrutiny.core.writes.WriteRefusedMiddleware")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
# A stale form: a page in plain words that keeps what was typed (scrutiny.core.typed_work).
CSRF_FAILURE_VIEW = "scrutiny.people.views.session.csrf_failure"
SESSION_COOKIE_SAMESITE = "Lax"

# Throttled sign-in (scrutiny.people.signin, django-axes), for the sign-in page and the admin's alike: after
# SIGN_IN_MAX_FAILURES_PER_USERNAME failures for one username from one address, that pair is refused for
# SIGN_IN_LOCKOUT_MINUTES after the last counted failure (attempts while locked do not extend it).
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["scrutiny.people.signin.ThrottlingBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("SIGN_IN_MAX_FAILURES_PER_USERNAME", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "scrutiny.people.signin.lockout_response"
AXES_CLIENT_IP_CALLABLE = "scrutiny.people.signin.client_address"
AXES_USERNAME_CALLABLE = "scrutiny.people.signin.attempted_username"
AXES_VERBOSE = False
# Behind a load balancer, the client's address is the last one the balancer appends.
SIGN_IN_TRUST_X_FORWARDED_FOR = env_bool("SIGN_IN_TRUST_X_FORWARDED_FOR", False)
# What the cache holds (a form's typed work kept across a sign-in) must be shared by every app server:
# the database cache does that with no extra service (`manage.py createcachetable`, run by
# `make serve`); a local-memory cache in development.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if env_str("CACHE_BACKEND", "locmem" if DEBUG else "database") == "locmem"
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "scrutiny_cache"}
    )
}

# E-mail: the console in development; SMTP when EMAIL_HOST is set.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
if env_str("EMAIL_HOST"):
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Reminders timed to the meeting cycle (scrutiny.reminders, `manage.py send_reminders` daily).
REMINDER_DAYS_BEFORE_MEETING = env_int("REMINDER_DAYS_BEFORE_MEETING", 7)
REMINDER_STALE_WEEKS = env_int("REMINDER_STALE_WEEKS", 6)
# Where links in e-mails point, for example https://scrutiny.example.org
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")
# --- End of production hardening (issue 8) ---

# Single sign-on with OpenID Connect (scrutiny.people.oidc, mozilla-django-oidc), off unless configured: the
# provider's endpoints, this service's client id and secret, and the e-mail domains that may use it.
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    OIDC_ISSUER = env_required("OIDC_ISSUER").rstrip("/")
    OIDC_RP_CLIENT_SECRET = env_required("OIDC_CLIENT_SECRET")
    OIDC_ALLOWED_EMAIL_DOMAINS = env_list("OIDC_ALLOWED_EMAIL_DOMAINS") or env_required("OIDC_ALLOWED_EMAIL_DOMAINS")
    # The provider's endpoints come from its discovery document (<issuer>/.well-known/openid-configuration),
    # read when single sign-on is first used (scrutiny.core.oidc_discovery); any can be set explicitly instead.
    from scrutiny.core.oidc_discovery import discovered

    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT") or discovered(
        OIDC_ISSUER, "authorization_endpoint"
    )
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT") or discovered(OIDC_ISSUER, "token_endpoint")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT") or discovered(OIDC_ISSUER, "userinfo_endpoint")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT") or discovered(OIDC_ISSUER, "jwks_uri")
    OIDC_TIMEOUT = 15
    OIDC_RP_SIGN_ALGO = "RS256"
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_CREATE_USER = False
    OIDC_USE_NONCE = True
    LOGIN_REDIRECT_URL_FAILURE = "/sign-in/"
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("scrutiny.people.oidc.EmailMatchingOIDCBackend")

# The executive's response period, in months, per kind of addressee of a recommendation (Local Government
# Act 2000, s.9FE gives the executive and the council two months; partners' agreements may differ).
RESPONSE_PERIOD_MONTHS = {"executive": 2, "council": 2, "partner": 2}
