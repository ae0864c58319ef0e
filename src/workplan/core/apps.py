from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "workplan.core"
    label = "core"
    verbose_name = "workplan"
