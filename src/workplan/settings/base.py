"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("WORKPLAN_DATA_DIR", Path.cwd() / "var")).resolve()

SECRET_KEY = os.environ.get("WORKPLAN_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("WORKPLAN_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "workplan.core",
    "workplan.accounts",
    "workplan.notifications",
    "workplan.audit",
    "workplan.org",
    "workplan.plans",
    "workplan.progress",
    "workplan.supervision",
    "workplan.reports",
    "workplan.pages",
    "workplan.demo",
    "django_tasks_db",
]

# Background work (reminder e-mails) through Django's tasks API, stored in the database;
# `workplan worker` runs it. The same code runs on django-tasks-celery or -rq when needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Where people open the links in e-mails.
WORKPLAN_SITE_URL = os.environ.get("WORKPLAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
AUTH_USER_MODEL = "accounts.User"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "workplan.core.middleware.LanguageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "workplan.core.middleware.HtmxVaryMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads the body (the CSRF check reads it in process_view, after this).
    "workplan.core.middleware.UploadLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "workplan.audit.context.AuditContextMiddleware",
]

ROOT_URLCONF = "workplan.urls"
WSGI_APPLICATION = "workplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "workplan.pages.context_processors.navigation",
            ],
        },
    },
]


def database_from_env(default_sqlite: Path) -> dict:
    """Return the DATABASES['default'] entry: DATABASE_URL if set, else SQLite in WAL mode."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite,
        "OPTIONS": {
            # WAL lets pages read while an import writes; IMMEDIATE avoids "database is locked"
            # when two writers upgrade their read locks at once.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_from_env(DATA_DIR / "workplan.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    # Django's Argon2, except that an Argon2 failure (out of memory) is a server error.
    "workplan.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # OWASP ASVS 2.1.1: at least 12 characters (Django's default is 8).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"

# No upload may be larger: a bigger body is refused (413) before it is read, by its
# Content-Length or, failing that, by counting its bytes as they arrive. Files over 2.5 MB go
# to a temporary file while they arrive, not into memory; the other form fields may hold
# 2.5 MB. Each kind of upload then has its own, lower or equal, limit (docs/parsing.md).
WORKPLAN_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "workplan.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Sessions end after 8 idle hours or when the browser closes: offices share computers.
SESSION_COOKIE_AGE = int(os.environ.get("WORKPLAN_SESSION_SECONDS", 8 * 3600))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Everything comes from this server; no inline script or style, no framing.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Sign-in lock-out (accounts/lockout.py; docs/access.md gives the rules): a login name at one
# address is locked after the failure limit within the lock time; a login name guessed at from
# many addresses, or an address guessing at many accounts, is slowed down, never locked.
WORKPLAN_LOGIN_FAILURE_LIMIT = int(os.environ.get("WORKPLAN_LOGIN_FAILURE_LIMIT", 5))
WORKPLAN_LOCKOUT_MINUTES = int(os.environ.get("WORKPLAN_LOCKOUT_MINUTES", 30))
WORKPLAN_ACCOUNT_FAILURES_BEFORE_DELAY = 10
WORKPLAN_ADDRESS_FAILURES_BEFORE_DELAY = 30
WORKPLAN_LONGEST_LOGIN_DELAY_SECONDS = 300
# How many reverse proxies (nginx, a load balancer) stand in front of the site.
WORKPLAN_PROXY_COUNT = int(os.environ.get("WORKPLAN_PROXY_COUNT", 0))

# Mail goes to an SMTP server from the environment (by default the machine's own relay on
# port 25); the development settings print it to the console when none is configured.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("WORKPLAN_EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("WORKPLAN_EMAIL_PORT", 25)),
            "username": os.environ.get("WORKPLAN_EMAIL_USER", ""),
            "password": os.environ.get("WORKPLAN_EMAIL_PASSWORD", ""),
            "use_tls": os.environ.get("WORKPLAN_EMAIL_TLS", "") == "1",
            "use_ssl": os.environ.get("WORKPLAN_EMAIL_SSL", "") == "1",
            "timeout": 30,
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("WORKPLAN_EMAIL_FROM", "workplan@localhost")
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "foreign_host": {"()": "workplan.core.log.ForeignHostAsWarning"},
        "refusal": {"()": "workplan.core.log.RefusalWithoutTraceback"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("WORKPLAN_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["foreign_host"]},
        "django.request": {"filters": ["refusal"]},
    },
}
