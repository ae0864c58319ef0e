from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from workplan.org import hooks as org_hooks
from workplan.plans import hooks as plans_hooks


class ProgressConfig(AppConfig):
    name = "workplan.progress"
    label = "progress"
    verbose_name = _("Progress reporting")

    def ready(self):
        # The receivers use the models, which can only be imported once the apps are ready.
        from workplan.progress import receivers

        plans_hooks.count_recorded_work.connect(
            receivers.count_reports_and_evidence, dispatch_uid="progress-recorded-work"
        )
        plans_hooks.deleting_tasks.connect(
            receivers.remove_evidence_files, dispatch_uid="progress-evidence-files"
        )
        plans_hooks.plan_imported.connect(
            receivers.set_up_reporting, dispatch_uid="progress-imported-schedule"
        )
        org_hooks.previewing_merge.connect(
            receivers.preview_reports, dispatch_uid="progress-preview-merge"
        )
        org_hooks.departments_merged.connect(receivers.move_reports, dispatch_uid="progress-merge")
