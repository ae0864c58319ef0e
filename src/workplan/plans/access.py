"""Who may see or change plans: everyone signed in reads them; the supervision office changes them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from workplan.core.roles import is_supervisor
from workplan.plans.models import ImportPreview, KeyPoint, Plan, Task


def may_change_plans(user) -> bool:
    return is_supervisor(user)


def access_plan(user, plan_id: int) -> Plan:
    """Return the plan `user` may read, or raise Http404 (missing and hidden look alike)."""
    return get_object_or_404(Plan, pk=plan_id)


def access_key_point(user, key_point_id: int) -> KeyPoint:
    """Return the key point `user` may read, with its plan, or raise Http404."""
    return get_object_or_404(KeyPoint.objects.select_related("plan"), pk=key_point_id)


def access_task(user, task_id: int) -> Task:
    """Return the task `user` may read, with its key point and plan, or raise Http404."""
    return get_object_or_404(Task.objects.select_related("key_point__plan"), pk=task_id)


def check_may_change_plans(user) -> None:
    """Raise PermissionDenied unless `user` may change plans (the task table's edits)."""
    if not may_change_plans(user):
        raise PermissionDenied


def check_can_import_plan(user) -> None:
    """Raise PermissionDenied unless `user` may import a plan document."""
    if not may_change_plans(user):
        raise PermissionDenied


def access_import_preview(user, token: str, kind: str) -> ImportPreview | None:
    """Return `user`'s preview with this token, None if it is gone (applied or expired), or
    raise Http404 if it is someone else's."""
    preview = ImportPreview.objects.filter(token=token, kind=kind).first()
    if preview is not None and preview.owner_id != user.pk:
        raise Http404
    return preview
