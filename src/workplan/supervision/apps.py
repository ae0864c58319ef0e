from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from workplan.org import hooks as org_hooks
from workplan.plans import hooks as plans_hooks
from workplan.progress import hooks as progress_hooks


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
        progress_hooks.report_submitted.connect(
            receivers.settle_notices, dispatch_uid="supervision-settle-notices"
        )
        progress_hooks.schedule_updated.connect(
            receivers.recompute_lights, dispatch_uid="supervision-recompute-lights"
        )
        progress_hooks.periods_in_use.connect(
            receivers.periods_with_notices, dispatch_uid="supervision-periods-in-use"
        )
        org_hooks.previewing_merge.connect(
            receivers.preview_notices, dispatch_uid="supervision-preview-merge"
        )
        org_hooks.departments_merged.connect(
            receivers.move_notices, dispatch_uid="supervision-merge"
        )
