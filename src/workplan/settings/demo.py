"""The demo (`./scripts/demo`): development settings with DEBUG off, so that visitors see the
site's own error pages rather than Django's technical ones; static files are served by
`runserver --insecure`."""

from .dev import *  # noqa: F403

DEBUG = False
