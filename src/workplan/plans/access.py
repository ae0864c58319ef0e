"""Who may see or change plans: everyone signed in reads them; the supervision office changes them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from workplan.accounts.access import is_supervisor
from workplan.plans.models import Plan, Task


def may_change_plans(user) -> bool:
    return is_supervisor(user)


def access_plan(user, plan_id: int) -> Plan:
    """Return the plan `user` may read, or raise Http404 (missing and hidden look alike)."""
    return get_object_or_404(Plan, pk=plan_id)


def access_task(user, task_id: int) -> Task:
    """Return the task `user` may read, with its key point and plan, or raise Http404."""
    return get_object_or_404(Task.objects.select_related("key_point__plan"), pk=task_id)


def check_can_import_plan(user) -> None:
    """Raise PermissionDenied unless `user` may import a plan document."""
    if not may_change_plans(user):
        raise PermissionDenied
