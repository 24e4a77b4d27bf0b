"""The one settings module of Tuuma, configured from the environment.

Every variable read here is documented in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tuuma.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TUUMA_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see .env.example)."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789"  # noqa: S105

# Tenants are resolved from the host by OrganisationMiddleware, which answers 404
# for a host no organisation owns. ALLOWED_HOSTS is the outer guard.
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["*"] if DEBUG else ["localhost", "127.0.0.1"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Tuuma's apps come first so their templates and translations take precedence.
# Tuuma's own apps, in the order their demo content is seeded (people first).
# Which app may import which is pyproject.toml's import contract, not this list.
INSTALLED_APPS = [
    "tuuma.organisation",
    "tuuma.accounts",
    "tuuma.jobs",
    "tuuma.audit",
    "tuuma.web",
    "tuuma.api",
    "tuuma.ideas",
    "tuuma.programme",
    "tuuma.caselog",
    "tuuma.processes",
    "tuuma.accessibility",
    "tuuma.improvement",
    "tuuma.competence",
    "tuuma.workshops",
    "tuuma.hearings",
    "tuuma.productivity",
    "tuuma.budgeting",
    "tuuma.insights",
    "tuuma.organisation.admin_config.TuumaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before the organisation is resolved: they are
    # the same for every municipality and cost no database connection.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tuuma.organisation.middleware.OrganisationMiddleware",
    "tuuma.web.localtime.OrganisationTimeZoneMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tuuma.web.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tuuma.organisation.middleware.OrganisationUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tuuma.accounts.middleware.SessionLifetimeMiddleware",
    "tuuma.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tuuma.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "tuuma.urls"
WSGI_APPLICATION = "tuuma.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tuuma.web.context_processors.platform",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tuuma.sqlite3'}"),
        # Reused connections (checked before each request): opening one costs a
        # PostgreSQL server process and several milliseconds per request.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so tests can hand the database to a real worker process;
    # one per process, so parallel test runs never share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["tuuma.accounts.backends.OrganisationEmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
PASSWORD_RESET_TIMEOUT = 60 * 60
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The custom backend looks users up by (organisation, e-mail); e-mail alone is unique
# only within one organisation, which auth.W004 cannot know.
SILENCED_SYSTEM_CHECKS = ["auth.W004"]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
TIME_ZONE = "Europe/Helsinki"
# Dates and numbers as Finnish municipalities write them (tuuma/formats/).
FORMAT_MODULE_PATH = ["tuuma.formats"]
# tuuma/lib is not an app; its few messages (durations, "n = ...") live here.
LOCALE_PATHS = [BASE_DIR / "tuuma" / "lib" / "locale"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Case-log uploads: the file as sent, and what a compressed file may unpack to
# (a larger one is refused as a decompression bomb).
CASELOG_MAX_UPLOAD_BYTES = env_int("CASELOG_MAX_UPLOAD_BYTES", 1024**3)
CASELOG_MAX_UNCOMPRESSED_BYTES = env_int("CASELOG_MAX_UNCOMPRESSED_BYTES", 2 * 1024**3)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Security. Production values by default; local development turns them off.
SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
if SECURE:
    # __Host- cookies are bound to one host, so municipalities never share them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 60 * 60)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Authentication. X-Forwarded-For names the client only when the connecting address
# is one of these proxies (addresses or networks); otherwise it is ignored.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
# Staff sessions end after this many seconds without a request, and this many
# seconds after the log-in whatever happens (residents: SESSION_COOKIE_AGE).
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SESSION_STAFF_MAX_AGE = env_int("SESSION_STAFF_MAX_AGE", 12 * 60 * 60)
# Scheme of links when an organisation has no public address of its own.
PUBLIC_URL_SCHEME = env_str("PUBLIC_URL_SCHEME", "https" if SECURE else "http")

# Caches. One cache that every process and every server shares (a per-process
# memory cache would let two workers show two different answers): a table in the
# database by default, created by `migrate` (tuuma.web.apps), so it needs no other
# service; REDIS_URL moves it to Redis. Rate limits live in their own table
# (tuuma.lib.ratelimit). See docs/scaling.md.
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "tuuma_cache",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    ),
    # Whole anonymous pages (tuuma.web.pagecache), compressed. Without Redis they
    # stay in each process's memory, bounded: a database lookup would cost what a
    # cached page saves, and every set counts the cache table's rows. Their
    # versions live in "default", so a change reaches every process at once.
    "pages": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tuuma-pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 1000)},
        }
    ),
}
# The longest a page may stay in the page cache without a change to its data:
# what no write changes (today's date, an answer becoming overdue) shows within
# this time. 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# How long a worker trusts the organisation it resolved for a host name before it
# asks the database again (tuuma.organisation.middleware); changes made in the same
# process take effect at once.
ORGANISATION_CACHE_SECONDS = env_int("ORGANISATION_CACHE_SECONDS", 30)

# E-mail: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tuuma <noreply@tuuma.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background jobs: django-tasks with its database backend and worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "imports"],
    }
}
JOB_HEARTBEAT_TIMEOUT = env_int("JOB_HEARTBEAT_TIMEOUT", 120)
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 3)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tuuma.api.authentication.OrganisationTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "tuuma.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "tuuma.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tuuma API",
    "DESCRIPTION": (
        "Ideas, programme, processes and case-log analytics of one municipality. "
        "The organisation is chosen by the host name. Staff authenticate with a "
        "personal token: `Authorization: Token <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No deep-link anchors inside the operation buttons (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tuuma.api.schema.error_responses",
        "tuuma.api.schema.wider_fields_optional",
    ],
    # One name per choice set wherever it appears in the schema.
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "tuuma.settings.LANGUAGES",
        "JobStatusEnum": "tuuma.jobs.models.JobStatus",
        "IdeaStatusEnum": "tuuma.ideas.models.IdeaStatus",
        "IdeaKindEnum": "tuuma.ideas.models.IdeaKind",
        "MeasureStatusEnum": "tuuma.programme.models.measures.MeasureStatus",
        "TrainingNeedStatusEnum": "tuuma.competence.models.NeedStatus",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "tuuma.lib.logsafe.NeutraliseControlCharacters"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Maps (budgeting proposals): the tile server and its attribution (plain text).
# The Content-Security-Policy lets images in from this host alone
# (tuuma.web.middleware); an empty URL draws no map, only the lists of places.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

TUUMA_DEMO_HOSTS = env_list("TUUMA_DEMO_HOSTS", ["127.0.0.1", "localhost"])
CSRF_FAILURE_VIEW = "tuuma.web.views.csrf_failure"
