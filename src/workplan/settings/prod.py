"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATA_DIR, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("Set WORKPLAN_SECRET_KEY to a long random string.")

DEBUG = False
DATA_DIR.mkdir(parents=True, exist_ok=True)
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("WORKPLAN_CSRF_ORIGINS", "").split(",") if o]
SECURE_SSL_REDIRECT = os.environ.get("WORKPLAN_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("WORKPLAN_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
