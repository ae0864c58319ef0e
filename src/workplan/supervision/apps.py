from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from workplan.progress import hooks


class SupervisionConfig(AppConfig):
    name = "workplan.supervision"
    label = "supervision"
    verbose_name = _("Supervision")

    def ready(self):
        from . import receivers  # imports the models, which are loaded only now

        hooks.report_submitted.connect(
            receivers.settle_notices, dispatch_uid="workplan.supervision.settle_notices"
        )
        hooks.schedule_updated.connect(
            receivers.recompute_lights, dispatch_uid="workplan.supervision.recompute_lights"
        )
        hooks.periods_in_use.connect(
            receivers.periods_with_notices, dispatch_uid="workplan.supervision.periods_in_use"
        )
