"""Settings for ogp-platform, read from environment variables (see .env.example).

Every value has a safe production default; `dev.py` and `test.py` relax only what they must.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from config.release import release_fingerprint

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    # open data API and background tasks (issue 15; settings in the block at the end)
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    # ogp apps, in dependency order (seeding follows this order)
    "ogp.core",
    "ogp.audit",
    "ogp.engagement",
    "ogp.countries",
    "ogp.organisations",
    "ogp.accounts",
    "ogp.eligibility",
    "ogp.membership",
    "ogp.participation",
    "ogp.plans",
    "ogp.cocreation",
    "ogp.monitoring",
    # layered above the domain apps: they read through selectors and write through services
    "ogp.search",
    "ogp.api",
    "ogp.opendata",
    "ogp.tasks",  # the scheduler: names jobs of every app above (dotted paths, no imports)
]

MIDDLEWARE = [
    # stored API answers that never change (published cycles), for readers without cookies
    "ogp.api.lean.ApiLeanMiddleware",
    # cached public pages for visitors without cookies leave here, before the rest runs
    "ogp.core.cache_middleware.LeanPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # issue 15: CORS for /api/ reads only
    "ogp.core.middleware.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ogp.core.middleware.HostileInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ogp.core.site.CurrentSiteURLMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ogp.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ogp.core.permissions.PermissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ogp.core.middleware.MethodNotAllowedPageMiddleware",
    "ogp.core.csp.StoredPolicyCSPMiddleware",  # django-csp, header built once
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "ogp.core.context_processors.navigation",
                # pages stored per kind of reader carry a placeholder for the CSRF token
                "ogp.core.csrf_placeholder.csrf_context",
            ],
            # dates through the locale, with French "1er" (replaces the built-in date filter)
            "builtins": ["ogp.core.templatetags.locale_dates"],
        },
    },
]

if not env("DATABASE_URL", default=""):
    # the embedded database lives in var/ (ignored by git); create the folder on first use
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections (one per worker thread, reused across its requests), checked before
# a request reuses them (PostgreSQL: at most once a second, ogp/core/db_backends), so a
# restarted database server costs one failed check, not an error.
# SQLite too: opening the file and running the PRAGMAs below cost about a millisecond a request,
# and a connection belongs to one thread, so gthread workers do not share it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's, checking a connection at most once a second (ogp/core/db_backends)
    DATABASES["default"]["ENGINE"] = "ogp.core.db_backends.postgresql"
DB_HEALTH_CHECK_SECONDS = env.float("DB_HEALTH_CHECK_SECONDS", default=1.0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] in ("", ":memory:"):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets readers run beside the writer; with WAL, synchronous=NORMAL is still
    # crash-safe (a power cut may lose the last commits, never corrupt the file) and saves
    # one fsync per commit, which a publication of thousands of rows otherwise waits on.
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds every rate limit and the used-TOTP-code markers, so it must be shared by all
# workers: Redis when REDIS_URL is set, else a table in the database (created by migrations).
# `check --deploy` refuses a per-process cache when several workers run (ogp/core/checks.py).
# The lean path (ogp/core/cache_middleware.py): seconds a public page stays in the cache, and the
# max-age given to browsers and proxies (nginx proxy_cache, a CDN).
OGP_LEAN_CACHE_SECONDS = env.int("OGP_LEAN_CACHE_SECONDS", default=300)
OGP_PUBLIC_MAX_AGE = env.int("OGP_PUBLIC_MAX_AGE", default=60)
# Each worker keeps its own copies of stored pages (ogp/core/local_copies.py), at most this
# many bytes, so a hit does not carry the page from Redis; 0 turns them off. A cookie-less
# visitor's hit may use a reading of the generation up to OGP_LEAN_LOCAL_SECONDS old: another
# worker's publication reaches visitors within that time (proxies keep pages for max-age).
OGP_LOCAL_COPIES_BYTES = env.int("OGP_LOCAL_COPIES_BYTES", default=64 * 1024 * 1024)
OGP_LOCAL_COPIES_SECONDS = env.float("OGP_LOCAL_COPIES_SECONDS", default=60.0)
OGP_LEAN_LOCAL_SECONDS = env.float("OGP_LEAN_LOCAL_SECONDS", default=1.0)

# Every cache key starts with the release's fingerprint (config/release.py): an upgrade never
# serves pages stored by the release before it. CACHE_KEY_PREFIX comes first: several sites
# (or benchmark runs) may share one Redis database.
OGP_RELEASE = release_fingerprint(BASE_DIR)
CACHE_KEY_PREFIX = ":".join(filter(None, [env("CACHE_KEY_PREFIX", default=""), OGP_RELEASE]))
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ogp.core.redis_cache.RedisCache",  # one client per pool, not per call
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "ogp.core.db_cache.DatabaseCache",  # atomic incr (rate limits)
            "LOCATION": "ogp_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
# gunicorn reads WEB_CONCURRENCY as its worker count; the deploy check reads it too.
WEB_CONCURRENCY = env.int("WEB_CONCURRENCY", default=0)

# Sessions read from the cache (written through to the database): no session query per request.
SESSION_ENGINE = "ogp.core.sessions"  # cached_db, read with the generations

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "ogp.accounts.backends.PasswordBackend",  # passwords; permissions are role rules
    "ogp.accounts.backends.AccountBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: e-mail login with mandatory verification; MFA (TOTP) for everyone.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SIGNUP_FORM_CLASS = "ogp.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "ogp.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[OGP] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("LOGIN_RATE_LIMIT", default="5/5m/ip,5/5m/key"),
    "signup": env("SIGNUP_RATE_LIMIT", default="20/h/ip"),
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# Number of reverse proxies we run in front of the application (1 for the documented nginx):
# the client address is the entry that many places from the right of X-Forwarded-For
# (ogp/core/clientip.py, also used by allauth's login and sign-up limits through the adapter).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "ogp-platform"
OGP_REQUIRE_STAFF_2FA = env.bool("OGP_REQUIRE_STAFF_2FA", default=True)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded documents (letters, minutes) are private: stored outside the static root and only
# served by views that check permissions.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OGP platform <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: secure by default, relaxed in dev.py only.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOG_FORMAT = env("LOG_FORMAT", default="text" if DEBUG else "json")
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Where `manage.py seed` looks for the publishers' files (V-Dem, OBS, EIU...), if set.
OGP_SOURCES_DIR = env("OGP_SOURCES_DIR", default="")
# `manage.py eligibility_download`: {"file name": "URL", ...} of the publishers' files (JSON).
OGP_ELIGIBILITY_SOURCE_URLS = env.json("OGP_ELIGIBILITY_SOURCE_URLS", default={})


# ---------------------------------------------------------------------------------------------
# Open data API, search and background tasks (issue 15). Kept in one block on purpose.
# ---------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ogp.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["ogp.api.permissions.ReadOnlyOrScopedWrite"],
    "DEFAULT_PAGINATION_CLASS": "ogp.api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["ogp.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_RATE_ANON", default="120/min"),
        "token": env("API_RATE_TOKEN", default="600/min"),
    },
    "EXCEPTION_HANDLER": "ogp.api.errors.json_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OGP platform open data API",
    "DESCRIPTION": (
        "Every public fact of the platform: countries and their OGP status history, eligibility "
        "rule sets, dataset releases, cycles and per-country results with provenance, members and "
        "published letters of intent, forums, meetings, events and organisations. Reads are open; "
        "writes need a personal API token (account page) with the matching scope."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ogp.api.schema.drop_database_integer_limits",
    ],
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True  # reads are public; writes need a token, never a cookie
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Retry-After"]

# Tasks: the database backend on the embedded default (no extra service for `make run`), RQ
# on Redis in production when TASKS_BACKEND=rq (see README, deployment).
TASKS_BACKEND = env("TASKS_BACKEND", default="database")
if TASKS_BACKEND == "rq":
    RQ_QUEUES = {"default": {"URL": env("TASKS_REDIS_URL", default=REDIS_URL)}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    INSTALLED_APPS += ["django_rq"]
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
OGP_MAIL_MAX_ATTEMPTS = env.int("OGP_MAIL_MAX_ATTEMPTS", default=5)
OGP_MAIL_RETRY_BASE_SECONDS = env.int("OGP_MAIL_RETRY_BASE_SECONDS", default=60)
OGP_OPENDATA_ROOT = Path(env("OGP_OPENDATA_ROOT", default=str(BASE_DIR / "var" / "opendata")))
