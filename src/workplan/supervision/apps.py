from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from workplan.plans import hooks as plans_hooks


class SupervisionConfig(AppConfig):
    name = "workplan.supervision"
    label = "supervision"
    verbose_name = _("Supervision")

    def ready(self):
        # The receivers use the models, which can only be imported once the apps are ready.
        from workplan.supervision import receivers

        plans_hooks.count_recorded_work.connect(
            receivers.count_supervision_records, dispatch_uid="supervision-recorded-work"
        )
