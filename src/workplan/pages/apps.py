from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that compose several domains: each person's start page and the task page."""

    name = "workplan.pages"
    verbose_name = _("Pages")
