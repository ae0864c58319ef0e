"""Local development and the demo: DEBUG on, SQLite under ./var unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = True
SECRET_KEY = os.environ.get("WORKPLAN_SECRET_KEY") or "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
DATA_DIR.mkdir(parents=True, exist_ok=True)
if not os.environ.get("WORKPLAN_EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
