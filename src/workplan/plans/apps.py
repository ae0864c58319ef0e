from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from workplan.org import hooks as org_hooks


class PlansConfig(AppConfig):
    name = "workplan.plans"
    label = "plans"
    verbose_name = _("Work plans")

    def ready(self):
        # The receivers use the models, which can only be imported once the apps are ready.
        from workplan.plans import receivers

        org_hooks.previewing_merge.connect(
            receivers.preview_assignments, dispatch_uid="plans-preview-merge"
        )
        org_hooks.departments_merged.connect(receivers.move_assignments, dispatch_uid="plans-merge")
        org_hooks.counting_group_uses.connect(
            receivers.count_group_tasks, dispatch_uid="plans-group-uses"
        )
