from django.apps import AppConfig

from workplan.core import after_response


class CoreConfig(AppConfig):
    name = "workplan.core"
    label = "core"
    verbose_name = "workplan"

    def ready(self):
        after_response.connect()
