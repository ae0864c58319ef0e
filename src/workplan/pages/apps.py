from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that compose several domains: each person's start page, the plan, task and department
    pages, and the task table with its lights."""

    name = "workplan.pages"
    verbose_name = _("Pages")
